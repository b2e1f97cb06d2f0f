package dev.tokenhook.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The load benchmark's floor endpoint exists only when asked for. */
class BenchFloorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void notMountedByDefault() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(post(app).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void answersEmptyObjectWhenOptedIn() throws Exception {
        try (ConfigurableApplicationContext app = start("--bench.floor=true")) {
            HttpResponse<String> response = post(app);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
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

    private static HttpResponse<String> post(ConfigurableApplicationContext app) throws Exception {
        URI floor = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/bench/floor");
        return HTTP.send(HttpRequest.newBuilder(floor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
