package io.supporthub.hub.channelhealth;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.channel.ChannelReadiness;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channel.ProbeResult;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each channel's health (Admin → Channels, {@code GET /api/channels}): whether it can send, how updates arrive,
 * whether its webhook was registered, its newest message in and out, its last delivery error, and what waits in the
 * outbox; and the connection test, the provider's cheapest authenticated request.
 */
public final class ChannelHealth {

    /** One channel, as {@code GET /api/channels} answers it. */
    public record Status(String channel, boolean configured, String problem, String mode, Boolean webhookRegistered,
                         Instant lastInboundAt, Instant lastOutboundAt, String lastError, Instant lastErrorAt,
                         long queued) {
    }

    /** A connection test's outcome. */
    public record Test(String channel, boolean ok, String answer) {
    }

    private final Transactions transactions;
    private final Function<ChannelKind, Optional<ConfiguredChannel>> channels;
    private final ChannelReadiness readiness;

    public ChannelHealth(Transactions transactions, Function<ChannelKind, Optional<ConfiguredChannel>> channels,
                         ChannelReadiness readiness) {
        this.transactions = transactions;
        this.channels = channels;
        this.readiness = readiness;
    }

    public List<Status> all() {
        return transactions.read(handle -> {
            ChannelHealthQueries queries = new ChannelHealthQueries(handle);
            Map<String, ChannelErrorQueries.LastError> errors = new ChannelErrorQueries(handle).all();
            List<Status> all = new ArrayList<>();
            for (ChannelKind kind : ChannelKind.values()) {
                Optional<ConfiguredChannel> channel = channels.apply(kind);
                Optional<String> problem = readiness.problem(kind);
                ChannelErrorQueries.LastError error = errors.get(kind.wireName());
                all.add(new Status(kind.wireName(), problem.isEmpty(), problem.orElse(null),
                        channel.map(ConfiguredChannel::mode).orElse(null),
                        channel.map(ConfiguredChannel::webhookRegistered).orElse(null),
                        queries.lastReceived(kind).orElse(null), queries.lastSent(kind).orElse(null),
                        error == null ? null : error.message(), error == null ? null : error.at(),
                        queries.waiting(kind)));
            }
            return all;
        });
    }

    /** The channel's connection test; 404 for an unknown channel, 409 for one that is not configured. */
    public Test test(String name) {
        ChannelKind kind;
        try {
            kind = ChannelKind.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound(e.getMessage());
        }
        Optional<String> problem = readiness.problem(kind);
        Optional<ConfiguredChannel> channel = channels.apply(kind);
        if (problem.isPresent() || channel.isEmpty()) {
            throw Refusal.conflict(problem.orElse(ChannelReadiness.notConfigured(kind)) + ": there is nothing to test");
        }
        ProbeResult result = channel.get().probe();
        return new Test(kind.wireName(), result.ok(), result.answer());
    }
}
