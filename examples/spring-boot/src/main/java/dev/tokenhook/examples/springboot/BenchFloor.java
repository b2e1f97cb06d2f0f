package dev.tokenhook.examples.springboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * For the load benchmark only, never on by default: with {@code BENCH_FLOOR=true}
 * ({@code bench.floor}) the application also serves {@code POST /bench/floor}, which reads the
 * body and answers {@code {}}, routed the way hook-spring routes the hook (a {@link SimpleUrlHandlerMapping}
 * to an {@link HttpRequestHandler}): this stack's floor; and {@code POST /bench/floor-json}, which also
 * parses the body with Jackson (400 if it is not JSON): the floor of any JSON endpoint on this stack.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bench.floor", havingValue = "true")
class BenchFloor {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    @Bean
    SimpleUrlHandlerMapping benchFloorHandlerMapping() {
        ObjectMapper json = new ObjectMapper();
        return new SimpleUrlHandlerMapping(Map.of("/bench/floor", floor(body -> true),
                "/bench/floor-json", floor(body -> isJson(json, body))), -1);
    }

    private static HttpRequestHandler floor(Predicate<byte[]> accepts) {
        return (request, response) -> {
            response.setStatus(accepts.test(request.getInputStream().readAllBytes()) ? 200 : 400);
            response.setContentType("application/json");
            response.setContentLength(EMPTY_OBJECT.length);
            response.getOutputStream().write(EMPTY_OBJECT);
        };
    }

    private static boolean isJson(ObjectMapper json, byte[] body) {
        try {
            json.readTree(body);
            return true;
        } catch (IOException notJson) {
            return false;
        }
    }
}
