package dev.tokenhook.examples.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * For the load benchmark only, never on by default: with {@code BENCH_FLOOR=true}
 * ({@code bench.floor}) the application also serves this stack's floor, which takes the body
 * as bytes and answers {@code {}}: {@code POST /bench/floor} on the event loop (the trivial endpoint) and
 * {@code POST /bench/floor-blocking} on the blocking executor, where hook-micronaut runs the hook
 * because rules may block.
 */
@Controller("/bench")
@Requires(property = "bench.floor", value = "true")
public class BenchFloorController {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    /** Created by Micronaut. */
    public BenchFloorController() {
    }

    /**
     * @param request the call, its body read as bytes
     * @return {@code {}}
     */
    @Post(value = "/floor", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> floor(HttpRequest<byte[]> request) {
        request.getBody();
        return HttpResponse.ok(EMPTY_OBJECT);
    }

    /**
     * @param request the call, its body read as bytes
     * @return {@code {}}, answered from the blocking executor
     */
    @Post(value = "/floor-blocking", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> floorBlocking(HttpRequest<byte[]> request) {
        request.getBody();
        return HttpResponse.ok(EMPTY_OBJECT);
    }
}
