package io.supporthub.hub.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A hub node in a JVM of its own ({@link ClusterNodeMain} on this test's class path), on its own port, logging to
 * {@code target/cluster/<name>.log}. {@link #kill} is {@code kill -9}: nothing of the node runs after it.
 */
final class HubNode implements AutoCloseable {

    /** What a JVM killed by SIGKILL exits with: 128 + 9. */
    static final int KILLED_BY_SIGKILL = 137;

    final String name;
    final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    HubNode(String name, int port, Map<String, String> settings) {
        this.name = name;
        this.port = port;
        this.environment = new HashMap<>(settings);
        environment.put("PORT", Integer.toString(port));
        // The node's connections carry its name, so the database can tell which node holds a lock.
        environment.put("DATABASE_URL", settings.get("DATABASE_URL") + "&ApplicationName=" + name);
        environment.put("CONFIG_FILE", "/nonexistent/supporthub.properties");
        // The fake Twilio tells the nodes apart by the path they call it on (to hold one node's sends).
        environment.put("TWILIO_API_URL", settings.get("TWILIO_API_URL") + "/" + name);
        this.log = Path.of("target", "cluster", name + ".log");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the JVM; its output goes to a fresh log for the node's first start, and is added to it on a restart. */
    void start() throws IOException {
        Files.createDirectories(log.getParent());
        if (process == null) {
            Files.deleteIfExists(log);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until {@code /health} answers 200; fails when the JVM ends or the deadline passes. */
    void awaitHealthy(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log.toAbsolutePath());
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not become healthy within " + within + ", see " + log.toAbsolutePath());
    }

    private boolean healthy() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("/health"))).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9} (Process.destroyForcibly is SIGKILL on Linux); returns the exit code the JVM died with. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
        return process.exitValue();
    }

    /** Stops the node as an operator would (SIGTERM, its shutdown hook closes it), forcibly if it hangs. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
