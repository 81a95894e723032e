package io.supporthub.hub.bench;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hub as operators run it: {@code java -jar supporthub.jar} in a process of its own, with no heap option, so that
 * what bounds its memory is the hub's own limits, not {@code -Xmx}. Its memory is read from {@code /proc}.
 */
final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with {@code settings} as its environment and waits until {@code /health} answers 200. */
    static HubProcess start(Path jar, Map<String, String> settings, Path log) throws IOException, InterruptedException {
        return start(jar, List.of(), settings, log);
    }

    /** As {@link #start(Path, Map, Path)}, with {@code jvmOptions} before {@code -jar}. */
    static HubProcess start(Path jar, List<String> jvmOptions, Map<String, String> settings, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(settings);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("DATA_DIR", Files.createTempDirectory("supporthub-bench").toString());
        HubProcess hub = new HubProcess(builder.start(), port);
        hub.awaitHealthy(Duration.ofMinutes(2), log.toFile());
        return hub;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** A line of {@code /proc/<pid>/status} in kilobytes ({@code VmHWM} the peak resident set, {@code VmRSS} now). */
    long memoryKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IOException(field + " not in /proc/" + process.pid() + "/status");
    }

    /** The status of {@code GET /health}, or -1 when it did not answer within the timeout. */
    int health(Duration timeout) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL()
                    .openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            int status = connection.getResponseCode();
            connection.getInputStream().close();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    private void awaitHealthy(Duration patience, File log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the hub exited with " + process.exitValue() + "; see " + log);
            }
            if (health(Duration.ofSeconds(1)) == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("the hub did not answer /health within " + patience + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
