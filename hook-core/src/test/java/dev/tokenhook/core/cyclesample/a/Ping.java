package dev.tokenhook.core.cyclesample.a;

import dev.tokenhook.core.cyclesample.b.Pong;

/** Half of a package cycle, for PublicApiTest to find. */
public final class Ping {

    private Ping() {
    }

    static Pong answer() {
        return Pong.serve();
    }

    /** @return a ping */
    public static Ping create() {
        return new Ping();
    }
}
