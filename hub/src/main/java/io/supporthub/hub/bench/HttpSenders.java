package io.supporthub.hub.bench;

import java.util.Locale;

/**
 * The ingestion benchmark's HTTP senders, run as their own process: {@code port senders messages customers run}.
 * Prints the run's figures, then a last line {@code RESULT <msg/s> <p50 ms> <p99 ms>} for the benchmark to read.
 */
public final class HttpSenders {

    static final String RESULT = "RESULT";

    private HttpSenders() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int senders = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        String run = args[4];
        IngestionBenchmark.Result result = IngestionBenchmark.run(run.startsWith("warm") ? "warm-up" : "HTTP /api/inbound",
                senders, messages, i -> IngestionBenchmark.postHttp(port, run, i, customers));
        System.out.printf(Locale.ROOT, "%s %.1f %.3f %.3f%n", RESULT, result.rate(), result.p50(), result.p99());
    }
}
