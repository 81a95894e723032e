package io.supporthub.hub.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The ingestion benchmark's HTTP senders, run as their own process: {@code port senders customers}. It stays up for
 * the whole benchmark, so its JIT warms up with the hub's: each line {@code <run> <messages>} on its input runs one
 * round and prints the round's figures, then a last line {@code RESULT <msg/s> <p50 ms> <p99 ms>}. An empty line or
 * the end of its input ends it.
 */
public final class HttpSenders {

    static final String RESULT = "RESULT";

    private HttpSenders() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int senders = Integer.parseInt(args[1]);
        int customers = Integer.parseInt(args[2]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null && !command.isBlank(); command = commands.readLine()) {
            String[] parts = command.strip().split(" ");
            String run = parts[0];
            int messages = Integer.parseInt(parts[1]);
            IngestionBenchmark.Result result = IngestionBenchmark.run(run.startsWith("warm") ? "warm-up" : "HTTP /api/inbound",
                    senders, messages, i -> IngestionBenchmark.postHttp(port, run, i, customers));
            System.out.printf(Locale.ROOT, "%s %.1f %.3f %.3f%n", RESULT, result.rate(), result.p50(), result.p99());
            System.out.flush();
        }
    }
}
