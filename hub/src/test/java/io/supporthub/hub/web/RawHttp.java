package io.supporthub.hub.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not send: a head that declares a body never sent, and a
 * chunked body trickled out until the server answers.
 */
final class RawHttp {

    /** The answer's status line and body, how many body bytes had gone out when it came, and how long it took. */
    record Answer(int status, String head, String body, long bytesSent, Duration took) {
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends only the head, declaring {@code contentLength} bytes to come, and reads the answer. */
    Answer declareOnly(String method, String path, Map<String, String> headers, long contentLength) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = open()) {
            socket.getOutputStream().write(head(method, path, headers, "Content-Length: " + contentLength));
            socket.getOutputStream().flush();
            return read(socket.getInputStream(), 0, start);
        }
    }

    /**
     * Sends a chunked body of {@code chunkBytes} chunks, one every {@code pause}, until the server answers or
     * {@code maxBytes} went out; reads the answer meanwhile.
     */
    Answer trickle(String method, String path, Map<String, String> headers, int chunkBytes, Duration pause, long maxBytes)
            throws IOException {
        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Transfer-Encoding: chunked"));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[chunkBytes];
                java.util.Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunkBytes) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < maxBytes) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        sent.addAndGet(chunkBytes);
                        Thread.sleep(pause.toMillis());
                    }
                } catch (IOException | InterruptedException e) {
                    // The server answered and closed, or the test is over.
                }
            }, "trickle");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream(), sent, start);
            } finally {
                writer.interrupt();
            }
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] head(String method, String path, Map<String, String> headers, String framing) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + framing + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Answer read(InputStream in, Object sent, long start) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long sentWhenAnswered = -1;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (sentWhenAnswered < 0) {
                sentWhenAnswered = sent instanceof AtomicLong counter ? counter.get() : 0;
            }
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.UTF_8);
            headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0 && complete(text, headEnd)) {
                break;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = received.toString(StandardCharsets.UTF_8);
        if (headEnd < 0) {
            throw new IOException("no answer, only: " + text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        return new Answer(status, text.substring(0, headEnd), text.substring(headEnd + 4), sentWhenAnswered, took);
    }

    private static boolean complete(String text, int headEnd) {
        String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length: ");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(head.substring(at + 16).split("\r\n", 2)[0].strip());
        return text.length() - headEnd - 4 >= length;
    }
}
