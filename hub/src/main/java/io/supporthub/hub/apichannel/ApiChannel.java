package io.supporthub.hub.apichannel;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SendException;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channel.ProbeResult;
import io.supporthub.hub.web.Json;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The generic channel's sending side as App wires it: on in every hub, sending once an admin sets the callback
 * ({@link ApiChannelSettings}). Messages come in through {@code POST /api/inbound} (the inbox package), so it has
 * no mode and no webhook of its own; its connection test posts a signed ping to the callback.
 */
public final class ApiChannel implements ConfiguredChannel {

    private final ApiChannelSettings settings;
    private final CallbackSender sender;
    private final Clock clock;

    public ApiChannel(ApiChannelSettings settings, CallbackSender sender, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.API;
    }

    @Override
    public CallbackSender sender() {
        return sender;
    }

    public ApiChannelSettings settings() {
        return settings;
    }

    /**
     * {@code {"type": "ping", "sentAt"}}, signed as a reply is, with {@code X-Hub-Delivery: ping-<uuid>}: a receiver
     * that checks signatures answers 2xx only when the secret matches.
     */
    @Override
    public ProbeResult probe() {
        CallbackSettings callback = settings.read();
        if (!callback.configured()) {
            return ProbeResult.failed("the API channel has no callback URL");
        }
        Map<String, Object> ping = new LinkedHashMap<>();
        ping.put("type", "ping");
        ping.put("sentAt", clock.instant().toString());
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(ping);
            int status = sender.ping(callback, "ping-" + UUID.randomUUID(), body).statusCode();
            return ProbeResult.ok("the callback answered " + status + " to a signed ping");
        } catch (SendException e) {
            return ProbeResult.failed(e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
