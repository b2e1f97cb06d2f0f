package dev.tokenhook.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The load benchmark's floor endpoint exists only when asked for. */
class BenchFloorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void notMountedByDefault() throws Exception {
        try (JettyHookApp app = JettyHookApp.start(0, PatientRequests.SECRET)) {
            assertThat(post(app).statusCode()).isIn(404, 405); // Jetty: no servlet for POST there
        }
    }

    @Test
    void answersEmptyObjectWhenOptedIn() throws Exception {
        System.setProperty(JettyHookApp.BENCH_FLOOR_KEY, "true");
        try (JettyHookApp app = JettyHookApp.start(0, PatientRequests.SECRET)) {
            HttpResponse<String> response = post(app);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
        } finally {
            System.clearProperty(JettyHookApp.BENCH_FLOOR_KEY);
        }
    }

    private static HttpResponse<String> post(JettyHookApp app) throws Exception {
        URI floor = URI.create("http://127.0.0.1:" + app.port() + JettyHookApp.BENCH_FLOOR_PATH);
        return HTTP.send(HttpRequest.newBuilder(floor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
