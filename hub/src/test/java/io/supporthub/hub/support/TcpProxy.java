package io.supporthub.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of a server, for tests of what happens when that server goes away.
 * {@link #cut()} drops every live connection and swallows new ones (accepted, never answered, as a dead network
 * does), until {@link #restore()}, which ends the swallowed ones so that their clients try again.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final List<Socket> swallowed = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private String jdbcUrl;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy's port", e);
        }
    }

    /** A proxy in front of a fresh test database; {@link #jdbcUrl} reaches it through the proxy. */
    public static TcpProxy inFrontOfFreshDatabase() {
        String direct = TestDatabases.freshDatabaseUrl();
        URI server = URI.create(direct.substring("jdbc:".length()));
        TcpProxy proxy = to(server.getHost(), server.getPort());
        proxy.jdbcUrl = direct.replace("//" + server.getHost() + ":" + server.getPort() + "/",
                "//127.0.0.1:" + proxy.port() + "/");
        return proxy;
    }

    /** The test database's URL through this proxy, for a proxy made by {@link #inFrontOfFreshDatabase()}. */
    public String jdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("this proxy is not in front of a database");
        }
        return jdbcUrl;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Ends every forwarded connection; new ones are accepted and then left without an answer. */
    public void cut() {
        cut = true;
        live.forEach(TcpProxy::closeQuietly);
        live.clear();
    }

    /** Forwards again; the connections swallowed meanwhile are closed, so their clients fail now and retry. */
    public void restore() {
        cut = false;
        swallowed.forEach(TcpProxy::closeQuietly);
        swallowed.clear();
    }

    /** Connections accepted while cut (a sign the clients kept trying). */
    public int swallowedCount() {
        return swallowed.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    swallowed.add(client);
                } else {
                    forward(client);
                }
            } catch (IOException e) {
                // The server socket was closed: the proxy is shutting down.
            }
        }
    }

    private void forward(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 2_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        live.add(client);
        live.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed or was cut: the other side goes too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                live.remove(from);
                live.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        cut();
        restore();
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
