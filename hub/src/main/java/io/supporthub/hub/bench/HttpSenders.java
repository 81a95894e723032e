package io.supporthub.hub.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The ingestion benchmark's HTTP senders, run as their own process: {@code port senders customers
 * [customersPerRound]} (true: each run's customers are its own). It stays up for
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
        boolean customersPerRound = args.length > 3 && Boolean.parseBoolean(args[3]);
        HttpLoad load = new HttpLoad(new InetSocketAddress("127.0.0.1", port), senders);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null && !command.isBlank(); command = commands.readLine()) {
            String[] parts = command.strip().split(" ");
            String run = parts[0];
            int messages = Integer.parseInt(parts[1]);
            IngestionBenchmark.Result result = load.run(run.startsWith("warm") ? "warm-up" : "HTTP /api/inbound", messages, 201,
                    i -> request(port, run, i, customers, customersPerRound));
            System.out.printf(Locale.ROOT, "%s %.1f %.3f %.3f%n", RESULT, result.rate(), result.p50(), result.p99());
            System.out.flush();
        }
    }

    /** Message i of a run, from customer i modulo customers (the same in every run), as one HTTP request. */
    static byte[] request(int port, String run, int i, int customers) {
        return request(port, run, i, customers, false);
    }

    /** Message i of a run, from customer i modulo customers (of the run, or of every run), as one HTTP request. */
    static byte[] request(int port, String run, int i, int customers, boolean customersPerRound) {
        int customer = i % customers;
        String email = "c" + (customersPerRound ? run + "-" : "") + customer + "@bench.example";
        String body = "{\"from\":{\"name\":\"Customer " + customer + "\",\"email\":\"" + email + "\"},"
                + "\"externalId\":\"" + run + "-" + i + "\",\"text\":\"Message " + i + " about my order " + (i * 7919 % 100000) + "\"}";
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/inbound HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "X-Api-Key: " + IngestionBenchmark.API_KEY + "\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + json.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }
}
