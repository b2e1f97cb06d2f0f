package dev.tokenhook.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection driven byte by byte, as a hostile client would: a request head, then as much
 * or as little of the body as the test wants, when it wants. Reads the response head and body, and
 * tells whether the server closed the connection. Test code; not thread-safe.
 */
final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final URI uri;

    /** A response as read from the wire. */
    record Response(int status, Map<String, String> headers, String body) {
        /** @return the header's value, or an empty string */
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private RawHttpConnection(Socket socket, URI uri) {
        this.socket = socket;
        this.uri = uri;
    }

    static RawHttpConnection open(URI uri) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 3_000);
            socket.setTcpNoDelay(true);
            return new RawHttpConnection(socket, uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a {@code POST} head to the hook's path with these headers (Host is added). */
    RawHttpConnection head(Map<String, String> headers) {
        return head("POST", headers);
    }

    /** Sends a request head to the hook's path with this method and these headers (Host is added). */
    RawHttpConnection head(String method, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        return write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends bytes; a connection the server has closed is ignored (a hostile client does not care). */
    RawHttpConnection write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException closedByServer) {
            // the server stopped listening: what the test checks next
        }
        return this;
    }

    /**
     * Sends {@code total} bytes of zeros from a daemon thread, stopping when the server stops reading or
     * closes; a server that reads nothing leaves the thread blocked until {@link #close()}.
     *
     * @return the sending thread, to wait for
     */
    Thread upload(int total) {
        Thread sender = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int sent = 0; sent < total; sent += chunk.length) {
                    socket.getOutputStream().write(chunk, 0, Math.min(chunk.length, total - sent));
                }
                socket.getOutputStream().flush();
            } catch (IOException closedByServer) {
                // refused: what the test expects
            }
        }, "hostile-upload");
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    /**
     * @param within how long to wait for the whole response
     * @return the response, or null if none (complete) arrived in time or the connection broke first
     */
    Response response(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!endsWithBlankLine(head)) {
                int b = readBy(in, deadline);
                if (b == -1) {
                    return null;
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = new byte[length];
            for (int i = 0; i < length; i++) {
                int b = readBy(in, deadline);
                if (b == -1) {
                    return null;
                }
                body[i] = (byte) b;
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param within how long to wait
     * @return whether the server closed (or reset) the connection within that time, sending nothing more
     */
    boolean closedByServer(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            return readBy(socket.getInputStream(), deadline) == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private int readBy(InputStream in, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        return in.read();
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream bytes) {
        byte[] b = bytes.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
