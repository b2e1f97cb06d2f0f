package dev.tokenhook.core.cyclesample.b;

import dev.tokenhook.core.cyclesample.a.Ping;

/** The other half of a package cycle, for PublicApiTest to find. */
public final class Pong {

    private final Ping ping = Ping.create();

    private Pong() {
    }

    /** @return a pong, holding a ping */
    public static Pong serve() {
        return new Pong();
    }

    @Override
    public String toString() {
        return "Pong[" + ping + "]";
    }
}
