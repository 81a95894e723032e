package io.supporthub.hub.channel;

import io.supporthub.channels.ChannelKind;

import java.util.Optional;

/**
 * Whether the hub can send on a channel right now, and if not, why in words an agent reads on a disabled reply tab
 * ("email is not configured", "the API channel has no callback URL"). The composer and the reply API ask the same.
 */
@FunctionalInterface
public interface ChannelReadiness {

    /** Why nothing can be sent on {@code channel}; empty when it can. */
    Optional<String> problem(ChannelKind channel);

    /** The reason for a channel the deployment did not turn on: "email is not configured". */
    static String notConfigured(ChannelKind channel) {
        String name = switch (channel) {
            case SMS -> "SMS";
            case API -> "the API channel";
            case EMAIL -> "email";
            default -> channel.name().charAt(0) + channel.wireName().substring(1);
        };
        return name + " is not configured";
    }

    default boolean canSend(ChannelKind channel) {
        return problem(channel).isEmpty();
    }
}
