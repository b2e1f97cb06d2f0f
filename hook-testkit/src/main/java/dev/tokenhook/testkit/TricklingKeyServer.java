package dev.tokenhook.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A key endpoint at its worst: answers every request's headers at once, then sends its body one byte
 * at a time, {@link #INTERVAL} apart, forever. On a loopback port; close it after the test.
 */
final class TricklingKeyServer implements AutoCloseable {

    /** The pause between two bytes of the body. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final ServerSocket server;
    private final Thread acceptor;

    private TricklingKeyServer(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::accept, "trickling-jwks");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TricklingKeyServer start() {
        try {
            return new TricklingKeyServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the key set's URL */
    String uri() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1/keys";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread trickle = new Thread(() -> trickle(socket), "trickling-jwks-body");
                trickle.setDaemon(true);
                trickle.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void trickle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (true) {
                out.write(' ');
                out.flush();
                Thread.sleep(INTERVAL.toMillis());
            }
        } catch (IOException | InterruptedException e) {
            // the hook gave up on the keys: what the test wants
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
