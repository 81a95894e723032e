package io.supporthub.hub.web;

import io.javalin.http.Context;

import java.util.Locale;

/**
 * The {@code Server-Timing} header of a route that reports its time ({@code render;dur=ms}), as the benchmarks read it,
 * and optionally the part of it spent on the database ({@code render;dur=ms, db;dur=ms}): the pool, the queries and
 * reading their rows.
 */
public final class ServerTiming {

    private ServerTiming() {
    }

    public static void since(Context ctx, long startedNanos) {
        ctx.header("Server-Timing", String.format(Locale.ROOT, "render;dur=%.1f", (System.nanoTime() - startedNanos) / 1e6));
    }

    public static void since(Context ctx, long startedNanos, long databaseNanos) {
        ctx.header("Server-Timing", String.format(Locale.ROOT, "render;dur=%.1f, db;dur=%.1f",
                (System.nanoTime() - startedNanos) / 1e6, databaseNanos / 1e6));
    }
}
