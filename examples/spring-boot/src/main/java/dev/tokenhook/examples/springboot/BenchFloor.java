package dev.tokenhook.examples.springboot;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * For the load benchmark only, never on by default: with {@code BENCH_FLOOR=true}
 * ({@code bench.floor}) the application also serves {@code POST /bench/floor}, which reads the
 * body and answers {@code {}}, routed the way hook-spring routes the hook (a {@link SimpleUrlHandlerMapping}
 * to an {@link HttpRequestHandler}): this stack's floor.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bench.floor", havingValue = "true")
class BenchFloor {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    @Bean
    SimpleUrlHandlerMapping benchFloorHandlerMapping() {
        HttpRequestHandler floor = (request, response) -> {
            request.getInputStream().readAllBytes();
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(EMPTY_OBJECT.length);
            response.getOutputStream().write(EMPTY_OBJECT);
        };
        return new SimpleUrlHandlerMapping(Map.of("/bench/floor", floor), -1);
    }
}
