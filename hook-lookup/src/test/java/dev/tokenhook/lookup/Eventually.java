package dev.tokenhook.lookup;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens in the background; generous limits, so a loaded machine does not fail it. */
final class Eventually {

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited 20 s for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what);
            }
        }
    }
}
