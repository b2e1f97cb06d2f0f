package dev.tokenhook.micronaut;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.lang.System.Logger.Level;

/**
 * Says once, at start, that Micronaut's Netty server inflates compressed request bodies (its default)
 * before the hook sees them, so the hook cannot refuse {@code Content-Encoding: gzip} with 415 as it does
 * on every other stack; it still never holds more than {@code tokenhook.max-body-size} of the inflated
 * body. Set {@code micronaut.server.netty.request-decompression-enabled=false} to have nothing inflated.
 */
@Context
@Requires(beans = TokenHookController.class)
@Requires(property = RequestDecompressionWarning.KEY, notEquals = "false")
class RequestDecompressionWarning {

    static final String KEY = "micronaut.server.netty.request-decompression-enabled";

    RequestDecompressionWarning() {
        System.getLogger("dev.tokenhook").log(Level.WARNING, KEY + " is not false: Micronaut inflates compressed "
                + "request bodies before the token hook can refuse them; set it to false (see hook-micronaut's README)");
    }
}
