package dev.tokenhook.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * An application's metrics endpoint read over HTTP, as an operator reads it: Spring Boot Actuator's
 * {@code /actuator/metrics/} or Micronaut's {@code /metrics/}, both answering a meter's
 * {@code measurements} for {@code name?tag=key:value}.
 *
 * <pre>{@code
 * MetricsEndpoint metrics = new MetricsEndpoint(URI.create("http://127.0.0.1:" + port + "/actuator/metrics/"));
 * double calls = metrics.value("tokenhook.lookup.source.calls?tag=lookup:patients");
 * }</pre>
 */
public final class MetricsEndpoint {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    /** @param base the endpoint's URI, ending with {@code /} */
    public MetricsEndpoint(URI base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /**
     * @param meterAndTags e.g. {@code tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:hit}
     * @return the meter's one measurement (a gauge's value, a counter's count)
     * @throws AssertionError unless the endpoint answers 200 with exactly one measurement
     * @throws IOException if the endpoint cannot be read
     * @throws InterruptedException if interrupted
     */
    public double value(String meterAndTags) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(meterAndTags))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(meterAndTags + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode measurements = JSON.readTree(response.body()).path("measurements");
        if (measurements.size() != 1) {
            throw new AssertionError(meterAndTags + ": not one measurement in " + response.body());
        }
        return measurements.get(0).path("value").asDouble();
    }
}
