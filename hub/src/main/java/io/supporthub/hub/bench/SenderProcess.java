package io.supporthub.hub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@link HttpSenders} process, driven round by round. The senders run in a JVM of their own, as real clients
 * would: their threads, allocations and garbage then do not count as the hub's. Both JVMs still share the machine's
 * cores with PostgreSQL.
 */
final class SenderProcess implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BufferedReader output;

    SenderProcess(int port, int senders, int customers, boolean customersPerRound) throws IOException {
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        this.process = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"), HttpSenders.class.getName(),
                Integer.toString(port), Integer.toString(senders), Integer.toString(customers),
                Boolean.toString(customersPerRound))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Runs one round; the result carries the hub JVM's CPU per message during it. */
    IngestionBenchmark.Result round(String run, int messages) throws IOException {
        long hubCpuStart = IngestionBenchmark.processCpuNanos();
        commands.write(run + " " + messages + "\n");
        commands.flush();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(HttpSenders.RESULT)) {
                String[] parts = line.substring(HttpSenders.RESULT.length()).strip().split(" ");
                double hubCpu = (IngestionBenchmark.processCpuNanos() - hubCpuStart) / 1e6 / messages;
                System.out.printf(Locale.ROOT, "%-24s hub JVM CPU %.2f ms/msg%n", "", hubCpu);
                return new IngestionBenchmark.Result(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), hubCpu);
            }
            System.out.println(line);
        }
        throw new IllegalStateException("the sender process ended before its round was done (see its errors above)");
    }

    @Override
    public void close() throws IOException {
        try {
            commands.write("\n");
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
