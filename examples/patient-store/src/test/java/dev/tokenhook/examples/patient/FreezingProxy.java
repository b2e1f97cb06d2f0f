package dev.tokenhook.examples.patient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a loopback port in front of a database, for tests: {@link #freezeOpenConnections()} makes every
 * connection open at that moment stop carrying bytes for good, both ways, while it stays open (what a client sees
 * when the network starts dropping its packets, or its database fails over elsewhere); connections opened later
 * carry bytes as usual. Nothing is simulated: the driver talks to the real server through real sockets.
 */
final class FreezingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();

    FreezingProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "freezing-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port clients connect to */
    int port() {
        return listener.getLocalPort();
    }

    /** @return how many connections clients have opened so far */
    int connectionsOpened() {
        return opened.get();
    }

    /** From now on, no byte passes on any connection open now, in either direction; none of them is closed. */
    void freezeOpenConnections() {
        relays.forEach(Relay::freeze);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                Relay relay = new Relay(client, server);
                relays.add(relay);
                opened.incrementAndGet();
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Relay relay : relays) {
            relay.close();
        }
    }

    /** One client connection and its connection to the server, copied both ways until frozen or closed. */
    private static final class Relay {
        private final Socket client;
        private final Socket server;
        private volatile boolean frozen;

        Relay(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            pump(client.getInputStream(), server.getOutputStream(), "to-server");
            pump(server.getInputStream(), client.getOutputStream(), "to-client");
        }

        private void pump(InputStream from, OutputStream to, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n = from.read(buffer); n != -1; n = from.read(buffer)) {
                        if (frozen) {
                            return; // the bytes are dropped; the sockets stay open until the test closes them
                        }
                        to.write(buffer, 0, n);
                    }
                } catch (IOException closed) {
                    // the other side or the test closed the connection
                }
                if (!frozen) {
                    close();
                }
            }, "freezing-proxy-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void freeze() {
            frozen = true;
        }

        /** Closes both sockets; a failure to close one still closes the other. */
        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
