package io.supporthub.hub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The benchmark's HTTP senders: kept-alive HTTP/1.1 connections, each with one request in flight at a time (as a
 * client that waits for its answer), all driven by one thread on a selector. Real senders run on machines of their
 * own; here they share the hub's two cores, so they must take as little CPU as they can: one thread sees several
 * answers per wake-up where a thread per connection would cost a context switch per answer.
 */
final class HttpLoad {

    private final InetSocketAddress server;
    private final int connections;

    HttpLoad(InetSocketAddress server, int connections) {
        this.server = server;
        this.connections = connections;
    }

    /**
     * Sends {@code total} requests ({@code request.apply(i)} is the whole request i, head and body) and expects
     * {@code expectedStatus} for each; the first other answer is printed and all are counted.
     */
    IngestionBenchmark.Result run(String name, int total, int expectedStatus, IntFunction<byte[]> request) throws IOException {
        return run(name, total, expectedStatus, request, true);
    }

    /** As {@link #run(String, int, int, IntFunction)}; unless {@code print}, only the first unexpected answer is printed. */
    IngestionBenchmark.Result run(String name, int total, int expectedStatus, IntFunction<byte[]> request, boolean print)
            throws IOException {
        long[] latencies = new long[total];
        long cpuStart = IngestionBenchmark.processCpuNanos();
        long start = System.nanoTime();
        int next = 0;
        int done = 0;
        long failures = 0;
        try (Selector selector = Selector.open()) {
            List<Sender> senders = new ArrayList<>();
            for (int c = 0; c < Math.min(connections, total); c++) {
                Sender sender = new Sender(SocketChannel.open(server));
                sender.channel.configureBlocking(false);
                sender.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                sender.key = sender.channel.register(selector, SelectionKey.OP_READ, sender);
                senders.add(sender);
                sender.send(next, request.apply(next));
                next++;
            }
            while (done < total) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    Sender sender = (Sender) key.attachment();
                    if (key.isWritable()) {
                        sender.flush();
                    }
                    if (!key.isReadable()) {
                        continue;
                    }
                    int status = sender.read();
                    if (status < 0) {
                        continue;
                    }
                    latencies[sender.index] = System.nanoTime() - sender.sentAt;
                    done++;
                    if (status != expectedStatus && ++failures == 1) {
                        System.err.println(name + ": HTTP " + status + " for request " + sender.index + ": " + sender.lastBody);
                    }
                    if (next < total) {
                        sender.send(next, request.apply(next));
                        next++;
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Sender sender : senders) {
                sender.channel.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        double cpuPerMessage = (IngestionBenchmark.processCpuNanos() - cpuStart) / 1e6 / total;
        IngestionBenchmark.Result result = new IngestionBenchmark.Result(total / seconds, latencies[total / 2] / 1e6,
                latencies[(int) (total * 0.99)] / 1e6, cpuPerMessage);
        if (print || failures > 0) {
            IngestionBenchmark.print(name, total, seconds, result, failures);
        }
        return result;
    }

    /** One connection: the request in flight and the bytes of its answer read so far. */
    private static final class Sender {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private SelectionKey key;
        private ByteBuffer out;
        private int index;
        private long sentAt;
        private String lastBody;

        Sender(SocketChannel channel) {
            this.channel = channel;
        }

        void send(int index, byte[] request) throws IOException {
            this.index = index;
            this.sentAt = System.nanoTime();
            this.out = ByteBuffer.wrap(request);
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** The answer's status once it is complete, else -1 (more bytes to come). */
        int read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the hub closed a connection while request " + index + " waited for its answer");
            }
            byte[] bytes = in.array();
            int headEnd = headEnd(bytes, in.position());
            if (headEnd < 0) {
                return -1;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
            int length = contentLength(head);
            if (in.position() < headEnd + length) {
                return -1;
            }
            int status = Integer.parseInt(head.substring(9, 12));
            lastBody = new String(bytes, headEnd, length, StandardCharsets.UTF_8);
            in.flip().position(headEnd + length);
            in.compact();
            return status;
        }

        private static int headEnd(byte[] bytes, int end) {
            for (int i = 3; i < end; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    return i + 1;
                }
            }
            return -1;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    return Integer.parseInt(lower.substring("content-length:".length()).strip());
                }
                if (lower.startsWith("transfer-encoding:")) {
                    throw new IllegalStateException("the benchmark's client reads answers with a Content-Length only, got: " + line);
                }
            }
            return 0;
        }
    }
}
