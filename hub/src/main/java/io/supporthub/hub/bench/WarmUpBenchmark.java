package io.supporthub.hub.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast a freshly started hub ingests, against its steady state. The jar is started as operators start it, in a
 * process of its own, once per configuration of JVM options, each on a fresh database; as soon as {@code /health}
 * answers, 16 senders post customer messages to {@code /api/inbound} without pause for the run's length. Prints the
 * messages/s of each 10 s window, of the first 20 s, of the first minute and of the last minute (the steady state).
 *
 * <p>Arguments: {@code [seconds=180] [jar=hub/target/supporthub.jar] [configuration...]}, each configuration one
 * argument of JVM options separated by spaces, {@code default} for none (the default list). A configuration with
 * {@code -XX:SharedArchiveFile=<file>} whose file does not exist is preceded by a training run of a minute with
 * {@code -XX:ArchiveClassesAtExit=<file>}, which writes the archive when the hub stops. Before the first configuration
 * the senders (this JVM) warm up on a hub that is then thrown away, so that the figures are the hub's warm-up, not the
 * client's.
 */
public final class WarmUpBenchmark {

    private static final int SENDERS = 16;
    private static final int CUSTOMERS = 2_000;
    private static final int ROUND = 250;
    private static final int WINDOW_SECONDS = 10;

    private WarmUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        Path jar = Path.of(args.length > 1 ? args[1] : "hub/target/supporthub.jar");
        List<String> configurations = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("default");
        System.out.printf(Locale.ROOT, "Warm-up benchmark: %s, %d s a configuration, %d senders, %d cores%n", jar, seconds,
                SENDERS, Runtime.getRuntime().availableProcessors());
        run(jar, List.of(), 60, "senders' warm-up");
        for (String configuration : configurations) {
            List<String> options = configuration.equals("default") ? List.of() : List.of(configuration.strip().split("\\s+"));
            for (String option : options) {
                if (option.startsWith("-XX:SharedArchiveFile=")) {
                    Path archive = Path.of(option.substring("-XX:SharedArchiveFile=".length()));
                    if (!Files.exists(archive)) {
                        run(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), 60, "training run for " + archive);
                    }
                }
            }
            run(jar, options, seconds, configuration);
        }
    }

    private static void run(Path jar, List<String> options, int seconds, String name) throws Exception {
        Path log = Files.createTempFile("supporthub-warmup-", ".log");
        try (BenchDatabase database = BenchDatabase.create("hub_warmup");
             HubProcess hub = HubProcess.start(jar, options, settings(database.jdbcUrl()), log)) {
            HttpLoad load = new HttpLoad(new InetSocketAddress("127.0.0.1", hub.port()), SENDERS);
            long[] perWindow = new long[seconds / WINDOW_SECONDS + 1];
            long start = System.nanoTime();
            String run = "w" + Long.toString(System.nanoTime(), 36);
            int sent = 0;
            for (double elapsed = 0; elapsed < seconds; elapsed = (System.nanoTime() - start) / 1e9) {
                int first = sent;
                load.run(name, ROUND, 201, i -> HttpSenders.request(hub.port(), run, first + i, CUSTOMERS), false);
                sent += ROUND;
                perWindow[(int) Math.min(perWindow.length - 1, (System.nanoTime() - start) / 1e9 / WINDOW_SECONDS)] += ROUND;
            }
            double total = (System.nanoTime() - start) / 1e9;
            print(name, perWindow, sent, total);
        }
    }

    private static void print(String name, long[] perWindow, int sent, double seconds) {
        int windows = (int) (seconds / WINDOW_SECONDS);
        double[] rates = Arrays.stream(perWindow).limit(windows).mapToDouble(n -> (double) n / WINDOW_SECONDS).toArray();
        StringBuilder line = new StringBuilder();
        for (double rate : rates) {
            line.append(String.format(Locale.ROOT, " %.0f", rate));
        }
        double first20 = mean(rates, 0, 2);
        double firstMinute = mean(rates, 0, 6);
        double lastMinute = mean(rates, Math.max(0, windows - 6), windows);
        System.out.printf(Locale.ROOT, "%n%s: %d messages in %.0f s%n  msg/s per %d s:%s%n", name, sent, seconds,
                WINDOW_SECONDS, line);
        System.out.printf(Locale.ROOT, "  first 20 s %.0f msg/s, first minute %.0f msg/s, last minute %.0f msg/s: first minute at %.0f %% of steady%n",
                first20, firstMinute, lastMinute, 100 * firstMinute / lastMinute);
    }

    private static double mean(double[] rates, int from, int to) {
        return Arrays.stream(rates, from, Math.min(to, rates.length)).average().orElse(0);
    }

    private static Map<String, String> settings(String databaseUrl) {
        return Map.of("DATABASE_URL", databaseUrl, "API_KEY", IngestionBenchmark.API_KEY);
    }
}
