package dev.tokenhook.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.rule.RuleNote.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A source that calls an HTTP service without a timeout of its own, and the service stops answering: it accepts
 * the connection and never sends a byte. Without {@code interrupt-after} the call would hold its lookup thread
 * until a restart (here the only one), and no later lookup would reach the source. The JDK's HttpClient gives up
 * when its thread is interrupted, so the thread comes back and the next lookup is answered.
 */
class InterruptAfterTest {

    private final Logger lookupLog = Logger.getLogger("dev.tokenhook.lookup"); // held: JUL keeps loggers weakly
    private final List<Socket> frozenConnections = new CopyOnWriteArrayList<>();
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler logged = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private ServerSocket frozen;
    private HttpServer answering;

    @BeforeEach
    void start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        frozen = new ServerSocket(0, 50, loopback);
        Thread acceptor = new Thread(() -> {
            while (!frozen.isClosed()) {
                try {
                    frozenConnections.add(frozen.accept()); // kept open, never read, never answered
                } catch (IOException closed) {
                    return;
                }
            }
        }, "frozen-service");
        acceptor.setDaemon(true);
        acceptor.start();
        answering = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        answering.createContext("/patients/", exchange -> {
            byte[] id = ("id-" + exchange.getRequestURI().getPath().substring("/patients/".length()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, id.length);
            exchange.getResponseBody().write(id);
            exchange.close();
        });
        answering.start();
        lookupLog.addHandler(logged);
    }

    @AfterEach
    void stop() throws IOException {
        lookupLog.removeHandler(logged);
        answering.stop(0);
        frozen.close();
        for (Socket connection : frozenConnections) {
            connection.close();
        }
    }

    @Test
    void aCallToAServiceThatStopsAnsweringGivesItsThreadBackAtInterruptAfter() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        AtomicInteger interrupted = new AtomicInteger();
        LookupSource<String, String> patients = login -> {
            int port = login.equals("ann") ? frozen.getLocalPort() : answering.getAddress().getPort();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/patients/" + login))
                    .build(); // no timeout: the mistake interrupt-after is there for
            try {
                return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        // The client's and the service's first call is slow on a cold JVM: make it before any wait limit runs.
        assertThat(patients.find("carol")).as("the service answers").contains("id-carol");
        try (ClaimLookup<String, String> lookup = ClaimLookup.builder("patients", patients)
                .settings(LookupSettings.builder().maxConcurrentCalls(1).waitLimit(Duration.ofSeconds(1))
                        .interruptAfter(Duration.ofSeconds(2)).circuitMinimumCalls(1000).build())
                .build()) {
            LookupResult<String> ann = lookup.lookup("ann");
            assertThat(ann.answer()).isEqualTo(Answer.UNKNOWN);
            assertThat(ann.outcome()).isEqualTo(LookupOutcome.TIMED_OUT);
            assertThat(lookup.stats().sourceCallsRunning()).as("the call still waits for the frozen service").isOne();

            Eventually.await("the held call to give its thread back", () -> lookup.stats().sourceCallsRunning() == 0);
            assertThat(interrupted).hasValue(1);
            assertThat(lookup.stats().sourceCallsInterrupted()).as("what operators see of it").isOne();
            assertThat(lookup.lookup("bob").value()).as("the only lookup thread serves the next call").contains("id-bob");
        }
        assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getMessage())
                .isEqualTo("tokenhook lookup=patients: a source call ran for 2000ms (interrupt-after); its thread was"
                        + " interrupted. Give the source's calls a timeout of their own"));
    }
}
