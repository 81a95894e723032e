package io.supporthub.hub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anonymous requests cannot exhaust the hub's memory: starts the jar as a plain {@code java -jar} process (no
 * {@code -Xmx}), with every channel configured, and on each public route sends {@code parallel} unsigned posts of
 * {@code megabytes} at once, first declared with a Content-Length, then chunked. Meanwhile it polls {@code /health}
 * and the process's resident memory; it prints, per route and overall, the answers, the 5xx count, the slowest
 * {@code /health} and the resident memory's peak ({@code VmHWM}).
 *
 * <pre>java -cp hub/target/supporthub.jar io.supporthub.hub.bench.OversizedPostBenchmark [jar=hub/target/supporthub.jar] [parallel=48] [megabytes=40]</pre>
 */
public final class OversizedPostBenchmark {

    /** The routes anyone can post to, with the headers that get a request as far as its body. */
    private static final Map<String, Map<String, String>> PUBLIC_ROUTES = publicRoutes();
    /** Provider APIs point at a port nobody listens on: the benchmark must not reach the internet. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private OversizedPostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hub/target/supporthub.jar");
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        long bytes = (args.length > 2 ? Long.parseLong(args[2]) : 40) * 1024 * 1024;
        Path log = Files.createTempFile("supporthub-bench-", ".log");
        try (BenchDatabase database = BenchDatabase.create("oversized_bench");
             HubProcess hub = HubProcess.start(jar, settings(database.jdbcUrl()), log)) {
            System.out.printf("hub pid %d on port %d (log %s); RSS at rest %d MB%n", hub.pid(), hub.port(), log,
                    hub.memoryKb("VmRSS") / 1024);
            Watch watch = new Watch(hub);
            Thread watcher = new Thread(watch, "watch");
            watcher.start();
            ExecutorService senders = Executors.newFixedThreadPool(parallel);
            int fiveHundreds = 0;
            try {
                for (boolean chunked : new boolean[]{false, true}) {
                    for (Map.Entry<String, Map<String, String>> route : PUBLIC_ROUTES.entrySet()) {
                        fiveHundreds += round(senders, hub.port(), route.getKey(), route.getValue(), parallel, bytes,
                                chunked, watch);
                    }
                }
            } finally {
                senders.shutdownNow();
                watch.stop();
                watcher.join();
            }
            System.out.printf("overall: resident memory peak (VmHWM) %d MB, now (VmRSS) %d MB; 5xx answers %d; "
                            + "/health slowest %d ms, failed %d%n", hub.memoryKb("VmHWM") / 1024,
                    hub.memoryKb("VmRSS") / 1024, fiveHundreds, watch.slowestHealthMillis.get(), watch.healthFailures.get());
        }
    }

    /** One route's round: {@code parallel} posts at once; prints the answers; gives the number of 5xx. */
    private static int round(ExecutorService senders, int port, String path, Map<String, String> headers, int parallel,
                             long bytes, boolean chunked, Watch watch) throws Exception {
        long start = System.nanoTime();
        List<Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            posts.add(senders.submit(() -> OversizedPost.send(port, path, headers, bytes, chunked)));
        }
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Future<Integer> post : posts) {
            statuses.merge(post.get(), 1, Integer::sum);
        }
        int fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("%-24s %-8s answers %s in %d ms; RSS peak so far %d MB%n", path,
                chunked ? "chunked" : "declared", statuses, Duration.ofNanos(System.nanoTime() - start).toMillis(),
                watch.peakRssKb.get() / 1024);
        return fiveHundreds;
    }

    private static Map<String, String> settings(String databaseUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DATABASE_URL", databaseUrl);
        settings.put("PUBLIC_URL", "https://hub.example.com");
        settings.put("API_KEY", "bench-api-key");
        settings.put("TELEGRAM_BOT_TOKEN", "123456:bench-token");
        settings.put("TELEGRAM_WEBHOOK_SECRET", "bench-webhook-secret");
        settings.put("TELEGRAM_MODE", "webhook");
        settings.put("TELEGRAM_API_URL", NOWHERE);
        settings.put("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef");
        settings.put("TWILIO_AUTH_TOKEN", "bench-twilio-token");
        settings.put("TWILIO_FROM", "+15550001111");
        settings.put("TWILIO_API_URL", NOWHERE);
        settings.put("VIBER_AUTH_TOKEN", "bench-viber-token");
        settings.put("VIBER_API_URL", NOWHERE);
        return settings;
    }

    private static Map<String, Map<String, String>> publicRoutes() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> formWithCsrf = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "hub_csrf=" + "c".repeat(40));
        Map<String, Map<String, String>> routes = new LinkedHashMap<>();
        routes.put("/api/session", json);
        routes.put("/login", formWithCsrf);
        routes.put("/logout", formWithCsrf);
        routes.put("/webhooks/telegram", json);
        routes.put("/webhooks/twilio/sms", form);
        routes.put("/webhooks/twilio/status", form);
        routes.put("/webhooks/viber", json);
        routes.put("/api/inbound", Map.of("Content-Type", "application/json", "X-Api-Key", "bench-api-key"));
        return routes;
    }

    /** Polls {@code /health} (its slowest answer) and the resident memory (its peak) until stopped. */
    private static final class Watch implements Runnable {

        private final HubProcess hub;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong slowestHealthMillis = new AtomicLong();
        final AtomicLong healthFailures = new AtomicLong();
        final AtomicLong peakRssKb = new AtomicLong();

        Watch(HubProcess hub) {
            this.hub = hub;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            while (running.get()) {
                long start = System.nanoTime();
                int status = hub.health(Duration.ofSeconds(5));
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                slowestHealthMillis.accumulateAndGet(millis, Math::max);
                if (status != 200) {
                    healthFailures.incrementAndGet();
                }
                try {
                    peakRssKb.accumulateAndGet(hub.memoryKb("VmRSS"), Math::max);
                    Thread.sleep(100);
                } catch (java.io.IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
