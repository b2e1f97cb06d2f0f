package dev.tokenhook.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load benchmark's floor endpoints exist only when asked for. */
class BenchFloorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void notMountedByDefault() throws Exception {
        try (ApplicationContext app = start(Map.of())) {
            assertThat(post(app, "/bench/floor").statusCode()).isEqualTo(404);
            assertThat(post(app, "/bench/floor-blocking").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void answerEmptyObjectWhenOptedIn() throws Exception {
        try (ApplicationContext app = start(Map.of("bench.floor", "true"))) {
            for (String path : new String[] {"/bench/floor", "/bench/floor-blocking"}) {
                HttpResponse<String> response = post(app, path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).isEqualTo("{}");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
            }
        }
    }

    private static ApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.host", "127.0.0.1", "PORT", -1));
        props.putAll(extra);
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .mainClass(Application.class).properties(props)
                .propertySources(Application.secretFrom(Map.of("TOKENHOOK_AUTH_SECRET", "Basic YmVuY2g6Zmxvb3I=")))
                .start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private static HttpResponse<String> post(ApplicationContext app, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + app.getBean(EmbeddedServer.class).getPort() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
