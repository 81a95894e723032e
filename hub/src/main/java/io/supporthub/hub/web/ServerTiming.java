package io.supporthub.hub.web;

import io.javalin.http.Context;

import java.util.Locale;

/** The {@code Server-Timing} header of a route that reports its time ({@code render;dur=ms}), as the benchmarks read it. */
public final class ServerTiming {

    private ServerTiming() {
    }

    public static void since(Context ctx, long startedNanos) {
        ctx.header("Server-Timing", String.format(Locale.ROOT, "render;dur=%.1f", (System.nanoTime() - startedNanos) / 1e6));
    }
}
