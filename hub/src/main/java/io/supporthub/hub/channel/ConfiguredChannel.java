package io.supporthub.hub.channel;

import io.javalin.config.RoutesConfig;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;

import java.util.List;

/**
 * A channel the configuration turned on, as App wires it: its sender goes in the outbox's map, its routes (webhooks,
 * media links) are served outside the API's login, it starts once the web server listens and closes once the outbox
 * has stopped sending. Each channel package builds its own from the Config, or nothing when the channel is off.
 */
public interface ConfiguredChannel extends AutoCloseable {

    ChannelKind kind();

    /** What the outbox sends this channel's messages with, unless App.Options bring another one. */
    OutboundSender sender();

    /** Its routes outside the API's login; none by default. */
    default void register(RoutesConfig routes) {
    }

    /**
     * Once the web server listens: registers webhooks with the provider and, with {@code backgroundWork} (off in
     * benchmarks), starts what listens or polls.
     */
    default void start(boolean backgroundWork) {
    }

    /** Periodic jobs the hub's scheduler runs for this channel when background work runs; none by default. */
    default List<ScheduledJob> jobs() {
        return List.of();
    }

    /** How updates arrive: {@code "webhook"}, {@code "polling"}, or null where the provider does not say. */
    default String mode() {
        return null;
    }

    /** Whether the webhook was registered with the provider at start; null where the hub registers none. */
    default Boolean webhookRegistered() {
        return null;
    }

    /** Calls the provider's cheapest authenticated request and tells what came back (the channel health's test). */
    default ProbeResult probe() {
        return ProbeResult.failed("this channel has no connection test");
    }

    @Override
    default void close() {
    }
}
