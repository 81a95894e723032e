package io.supporthub.hub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One unsigned post of a large body over a plain socket, either declared ({@code Content-Length}) or chunked, written
 * until the server answers or the body is all out, while the answer is read on another thread (a server that refuses
 * early closes its side, and writing on then fails).
 */
final class OversizedPost {

    /** The answer's status, or -1 when the connection ended without one. */
    static int send(int port, String path, Map<String, String> headers, long bytes, boolean chunked) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(120_000);
            FutureTask<Integer> answer = new FutureTask<>(() -> status(socket));
            Thread reader = new Thread(answer, "answer-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                write(socket.getOutputStream(), path, headers, bytes, chunked);
            } catch (IOException e) {
                // The server stopped reading: it answered (or the answer is lost with the connection).
            }
            return answer.get();
        } catch (IOException | ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void write(OutputStream out, String path, Map<String, String> headers, long bytes, boolean chunked)
            throws IOException {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, (byte) 'a');
        byte[] chunkHead = (Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < bytes; sent += piece.length) {
            if (chunked) {
                out.write(chunkHead);
            }
            out.write(piece);
            if (chunked) {
                out.write(crlf);
            }
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static int status(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] line = new byte[12];
            int read = 0;
            while (read < line.length) {
                int n = in.read(line, read, line.length - read);
                if (n < 0) {
                    return -1;
                }
                read += n;
            }
            return Integer.parseInt(new String(line, 9, 3, StandardCharsets.US_ASCII));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
