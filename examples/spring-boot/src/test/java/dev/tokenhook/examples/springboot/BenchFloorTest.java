package dev.tokenhook.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The load benchmark's floor endpoints exist only when asked for. */
class BenchFloorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JSON = "{\"eventId\":\"x\"}";

    @Test
    void notMountedByDefault() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(post(app, "/bench/floor", JSON).statusCode()).isEqualTo(404);
            assertThat(post(app, "/bench/floor-json", JSON).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void answersEmptyObjectWhenOptedIn() throws Exception {
        try (ConfigurableApplicationContext app = start("--bench.floor=true")) {
            for (String path : new String[] {"/bench/floor", "/bench/floor-json"}) {
                HttpResponse<String> response = post(app, path, JSON);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).isEqualTo("{}");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
            }
        }
    }

    @Test
    void onlyTheJsonFloorParsesTheBody() throws Exception {
        try (ConfigurableApplicationContext app = start("--bench.floor=true")) {
            assertThat(post(app, "/bench/floor", "{\"eventId\":").statusCode()).isEqualTo(200);
            assertThat(post(app, "/bench/floor-json", "{\"eventId\":").statusCode()).isEqualTo(400);
        }
    }

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "--PORT=0";
        args[1] = "--server.address=127.0.0.1";
        args[2] = "--TOKENHOOK_AUTH_SECRET=Basic YmVuY2g6Zmxvb3I=";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return SpringApplication.run(PatientHookApplication.class, args);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext app, String path, String body)
            throws Exception {
        URI floor = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
        return HTTP.send(HttpRequest.newBuilder(floor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
