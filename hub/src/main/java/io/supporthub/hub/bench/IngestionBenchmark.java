package io.supporthub.hub.bench;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.App;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Database;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Ingestion benchmark: concurrent senders post customer messages to {@code /api/inbound} over HTTP and, in rounds
 * taken in turn, the same number of clients hand the same kind of messages straight to {@code Inbox.accept} (the
 * same SQL, one transaction per message, no HTTP), each on a connection of its own, as this machine's database
 * limit. Prints messages/s, p50/p99 latency and the ratio. The hub runs with its own pool ({@code DB_POOL_SIZE}, by
 * default twice the cores plus two).
 *
 * <p>Arguments: {@code [senders=16] [messages=10000] [customers=2000] [rounds=5] [--sla]}. Without {@code --sla} the
 * customers are the same in every round, so after the first one every message joins its customer's open ticket. With
 * it every round has customers of its own (each registers its tickets, a fifth of the messages at the defaults) and
 * the hub counts them on an SLA ({@link BenchSla}); a hub from before the SLA gets the same messages without one.
 * Uses DATABASE_URL's server when set (a fresh database is created on it and dropped at the end), else the PostgreSQL
 * on 127.0.0.1:5432, else an embedded one.
 */
public final class IngestionBenchmark {

    static final String API_KEY = "bench-key";
    /** On two cores the HTTP path's CPU cost per message settles after about 80,000 requests (C2 done compiling). */
    private static final int WARM_UP_MESSAGES = 80_000;

    public static void main(String[] arguments) throws Exception {
        boolean sla = Arrays.asList(arguments).contains("--sla");
        String[] args = Arrays.stream(arguments).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        int senders = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Map<String, String> settings = new java.util.HashMap<>(Map.of("PORT", "0", "API_KEY", API_KEY));
        Optional.ofNullable(System.getenv("DB_POOL_SIZE")).ifPresent(size -> settings.put("DB_POOL_SIZE", size));
        Config config = new Config(settings);
        try (BenchDatabase bench = BenchDatabase.create("hub_bench");
             Database hubDatabase = Database.open(bench.jdbcUrl(), config.databasePoolSize());
             App hub = new App(config, hubDatabase, App.Options.benchmark("bench-hub"));
             Database directDatabase = Database.open(bench.jdbcUrl(), senders);
             App direct = new App(config, directDatabase, App.Options.benchmark("bench-direct"));
             SenderProcess httpSenders = new SenderProcess(hub.start(), senders, customers, sla)) {
            System.out.printf(Locale.ROOT, "Ingestion benchmark: %d senders, %d rounds of %d messages, %d customers, %d cores, hub pool %d connections%n",
                    senders, rounds, messages, customers, Runtime.getRuntime().availableProcessors(), config.databasePoolSize());
            if (sla) {
                System.out.println(BenchSla.setUp(hubDatabase.jdbi())
                        ? "New customers every round, their tickets counted on an SLA (a calendar, 8 rules, the defaults)"
                        : "New customers every round; this hub has no SLA");
            }
            // Both paths (and the senders' JVM) first take turns unmeasured until the JIT has compiled their hot code,
            // then take turns measured. The machine's speed drifts by a fifth within minutes, so each HTTP round is
            // compared with the direct round right after it, and the median of those ratios is the figure.
            for (int round = 1; round <= Math.max(1, WARM_UP_MESSAGES / messages); round++) {
                httpSenders.round("warm" + round, messages);
                String run = "warmd" + round;
                run("warm-up", senders, messages, i -> direct(direct, run, i, customers, sla));
            }
            List<Result> http = new ArrayList<>();
            List<Result> limit = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> httpCost = new ArrayList<>();
            List<Double> limitCost = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long databaseStart = DatabaseCpu.nanos();
                http.add(httpSenders.round("http" + round, messages));
                httpCost.add(cost(http.get(round - 1), databaseStart, messages));
                String run = "direct" + round;
                databaseStart = DatabaseCpu.nanos();
                limit.add(run("Inbox.accept over JDBC", senders, messages, i -> direct(direct, run, i, customers, sla)));
                limitCost.add(cost(limit.get(round - 1), databaseStart, messages));
                ratios.add(http.get(round - 1).rate() / limit.get(round - 1).rate());
            }
            Result httpMedian = median(http);
            Result limitMedian = median(limit);
            System.out.printf(Locale.ROOT, "%nMedians of %d rounds of %d messages:%n", rounds, messages);
            System.out.printf(Locale.ROOT, "HTTP            %8.0f msg/s   p50 %6.2f ms   p99 %6.2f ms%n", httpMedian.rate(), httpMedian.p50(), httpMedian.p99());
            System.out.printf(Locale.ROOT, "direct (limit)  %8.0f msg/s   p50 %6.2f ms   p99 %6.2f ms%n", limitMedian.rate(), limitMedian.p50(), limitMedian.p99());
            if (DatabaseCpu.nanos() >= 0) {
                System.out.printf(Locale.ROOT, "CPU a message, the hub's JVM and PostgreSQL together (medians): HTTP %.2f ms, direct %.2f ms%n",
                        httpCost.stream().mapToDouble(Double::doubleValue).sorted().toArray()[rounds / 2],
                        limitCost.stream().mapToDouble(Double::doubleValue).sorted().toArray()[rounds / 2]);
            }
            System.out.printf(Locale.ROOT, "ratio of each round, HTTP / database limit: %s%n",
                    ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(" ")));
            System.out.printf(Locale.ROOT, "ratio HTTP / database limit (median of the rounds'): %.2f (target >= 0.80), HTTP p99 %.1f ms (target < 50 ms)%n",
                    ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray()[rounds / 2], httpMedian.p99());
        }
    }

    /**
     * The CPU a message of the round cost the hub's JVM and PostgreSQL together, in ms (printed; the JVM's alone when
     * the database's is not to be had).
     */
    private static double cost(Result round, long databaseStart, int messages) {
        long databaseEnd = DatabaseCpu.nanos();
        if (databaseStart < 0 || databaseEnd < 0) {
            return round.cpuMillisPerMessage();
        }
        double database = (databaseEnd - databaseStart) / 1e6 / messages;
        System.out.printf(Locale.ROOT, "%-24s PostgreSQL CPU %.2f ms/msg, with the hub's JVM %.2f ms/msg%n", "", database,
                database + round.cpuMillisPerMessage());
        return database + round.cpuMillisPerMessage();
    }

    /** Each figure's median over the rounds (for an even count, the upper one). */
    static Result median(List<Result> rounds) {
        int middle = rounds.size() / 2;
        return new Result(
                rounds.stream().mapToDouble(Result::rate).sorted().toArray()[middle],
                rounds.stream().mapToDouble(Result::p50).sorted().toArray()[middle],
                rounds.stream().mapToDouble(Result::p99).sorted().toArray()[middle],
                rounds.stream().mapToDouble(Result::cpuMillisPerMessage).sorted().toArray()[middle]);
    }

    @FunctionalInterface
    interface Send {
        void send(int index) throws Exception;
    }

    /** Throughput, latency, and the JVM CPU time per message of the process that ran it. */
    record Result(double rate, double p50, double p99, double cpuMillisPerMessage) {
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void direct(App app, String run, int i, int customers, boolean customersPerRound) {
        int customer = i % customers;
        String address = "d" + (customersPerRound ? run + "-" : "") + customer + "@bench.example";
        app.inbox().accept(new InboundMessage(ChannelKind.API, Address.email(address),
                SenderProfile.named("Customer " + customer), run + "-" + i,
                "Message " + i + " about my order " + (i * 7919 % 100000), null, null, null, java.util.List.of(),
                Instant.now(), false, false, java.util.List.of()));
    }

    static Result run(String name, int threads, int total, Send send) throws InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long begin = System.nanoTime();
                    try {
                        send.send(i);
                    } catch (Exception e) {
                        if (failures.incrementAndGet() == 1) {
                            System.err.println(name + ": " + e);
                        }
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
                done.countDown();
            });
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        double cpuPerMessage = (processCpuNanos() - cpuStart) / 1e6 / total;
        Result result = new Result(total / seconds, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, cpuPerMessage);
        print(name, total, seconds, result, failures.get());
        return result;
    }

    static void print(String name, int total, double seconds, Result result, long failures) {
        System.out.printf(Locale.ROOT, "%-24s %7d msgs in %6.2f s: %8.0f msg/s, p50 %.2f ms, p99 %.2f ms, JVM CPU %.2f ms/msg%s%n",
                name, total, seconds, result.rate(), result.p50(), result.p99(), result.cpuMillisPerMessage(),
                failures > 0 ? ", FAILURES " + failures : "");
    }
}
