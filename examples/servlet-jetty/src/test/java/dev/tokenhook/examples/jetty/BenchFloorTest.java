package dev.tokenhook.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The load benchmark's floor endpoints exist only when asked for. */
class BenchFloorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JSON = "{\"eventId\":\"x\"}";

    @Test
    void notMountedByDefault() throws Exception {
        try (JettyHookApp app = JettyHookApp.start(0, PatientRequests.SECRET)) {
            // Jetty: no servlet for POST there
            assertThat(post(app, JettyHookApp.BENCH_FLOOR_PATH, JSON).statusCode()).isIn(404, 405);
            assertThat(post(app, JettyHookApp.BENCH_JSON_FLOOR_PATH, JSON).statusCode()).isIn(404, 405);
        }
    }

    @Test
    void answersEmptyObjectWhenOptedIn() throws Exception {
        System.setProperty(JettyHookApp.BENCH_FLOOR_KEY, "true");
        try (JettyHookApp app = JettyHookApp.start(0, PatientRequests.SECRET)) {
            for (String path : new String[] {JettyHookApp.BENCH_FLOOR_PATH, JettyHookApp.BENCH_JSON_FLOOR_PATH}) {
                HttpResponse<String> response = post(app, path, JSON);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).isEqualTo("{}");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
            }
            assertThat(post(app, JettyHookApp.BENCH_FLOOR_PATH, "{\"eventId\":").statusCode()).isEqualTo(200);
            assertThat(post(app, JettyHookApp.BENCH_JSON_FLOOR_PATH, "{\"eventId\":").statusCode()).isEqualTo(400);
        } finally {
            System.clearProperty(JettyHookApp.BENCH_FLOOR_KEY);
        }
    }

    private static HttpResponse<String> post(JettyHookApp app, String path, String body) throws Exception {
        URI floor = URI.create("http://127.0.0.1:" + app.port() + path);
        return HTTP.send(HttpRequest.newBuilder(floor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
