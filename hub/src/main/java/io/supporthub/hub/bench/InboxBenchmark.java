package io.supporthub.hub.bench;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.App;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inbox benchmark: seeds tickets (10,000 by default, one customer each, on four channels) through the hub's own
 * ingestion path, logs in, then loads the inbox views over HTTP and prints the server's render time (the page's
 * {@code Server-Timing}), the request's wall time and the page size; three tickets in five get an SLA due time
 * around now, for the due-time order and the views Overdue and Due today. Targets: under 100 ms and under 300 KB.
 *
 * <p>Arguments: {@code [tickets=10000] [requests=50]}. Uses DATABASE_URL's server when set (a fresh database is
 * created on it), else the PostgreSQL on 127.0.0.1:5432, else an embedded one.
 */
public final class InboxBenchmark {

    private static final String EMAIL = "bench-admin@localhost";
    private static final String PASSWORD = "inbox benchmark password";

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        BenchDatabase bench = BenchDatabase.create("hub_inbox_bench");
        String url = bench.jdbcUrl();
        try (Database database = Database.open(url, 12)) {
            try (App app = new App(new Config(Map.of("PORT", "0")), database, App.Options.benchmark("inbox-bench"))) {
                int port = app.start();
                app.agents().ensureFirstAdmin(EMAIL, PASSWORD);
                long seedStart = System.nanoTime();
                seed(app, tickets);
                System.out.printf(Locale.ROOT, "Seeded %d tickets in %.1f s%n", tickets, (System.nanoTime() - seedStart) / 1e9);
                giveDueTimes(database);
                HttpClient http = HttpClient.newHttpClient();
                String cookie = logIn(http, port);
                for (String path : List.of("/?view=open", "/?view=unassigned", "/?view=resolved", "/?view=open&channel=sms",
                        "/?view=open&q=parcel", "/?view=open&sort=due", "/?view=overdue", "/?view=due_today")) {
                    measure(http, port, cookie, path, requests);
                }
            }
        } finally {
            bench.close();
        }
    }

    private static void seed(App app, int tickets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        int batch = 50;
        for (int from = 0; from < tickets; from += batch) {
            int start = from;
            int end = Math.min(tickets, from + batch);
            work.add(pool.submit(() -> {
                for (int i = start; i < end; i++) {
                    app.channelEvents().handle(List.of(message(i)));
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
    }

    /**
     * Three tickets in five get an SLA due time spread evenly over two days either side of now (the SLA wiring is not
     * what is measured here, so the column is set directly), one in twenty is paused; the rest have no SLA.
     */
    private static void giveDueTimes(Database database) {
        database.jdbi().useHandle(handle -> {
            handle.execute("update ticket set sla_due_at = now() + (id % 5760 - 2880) * interval '1 minute' "
                    + "where id % 5 < 3");
            handle.execute("update ticket set sla_paused = true where id % 20 = 4");
            handle.execute("analyze ticket");
        });
    }

    private static InboundMessage message(int i) {
        String text = "Hello, my parcel " + (100_000 + i) + " has not arrived yet. I ordered it two weeks ago and the "
                + "tracking page has not changed since Monday. Could you check with the courier, please?";
        Address from = switch (i % 4) {
            case 0 -> Address.email("customer" + i + "@example.com");
            case 1 -> Address.telegram(9_000_000L + i);
            case 2 -> Address.phone(String.format(Locale.ROOT, "+4477009%05d", i));
            default -> Address.viber("viber-user-" + i);
        };
        ChannelKind channel = ChannelKind.forAddress(from.kind());
        return new InboundMessage(channel, from, SenderProfile.named("Customer " + i), "bench-" + i, text, null,
                channel == ChannelKind.EMAIL ? "Parcel " + (100_000 + i) + " missing" : null, null, List.of(),
                Instant.now(), false, false, List.of());
    }

    private static String logIn(HttpClient http, int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private static void measure(HttpClient http, int port, String cookie, String path, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookie).build();
        for (int i = 0; i < 10; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        List<Double> server = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            wall.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            String timing = response.headers().firstValue("Server-Timing").orElse("render;dur=0");
            // The first part is the whole time; a database part may follow (", db;dur=").
            String render = timing.substring(timing.indexOf("dur=") + 4).split(",", 2)[0];
            server.add(Double.parseDouble(render.trim()));
            bytes = response.body().length;
        }
        System.out.printf(Locale.ROOT, "%-26s render p50 %6.1f ms  p95 %6.1f ms | request p50 %6.1f ms  p95 %6.1f ms | page %6.1f KB%n",
                path, percentile(server, 50), percentile(server, 95), percentile(wall, 50), percentile(wall, 95), bytes / 1024.0);
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
