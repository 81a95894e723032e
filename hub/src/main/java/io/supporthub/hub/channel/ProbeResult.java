package io.supporthub.hub.channel;

/**
 * What a channel's connection test got back from its provider: whether the cheapest authenticated request worked,
 * and the answer in words (the bot's name, the HTTP status, the provider's refusal).
 */
public record ProbeResult(boolean ok, String answer) {

    public static ProbeResult ok(String answer) {
        return new ProbeResult(true, answer);
    }

    public static ProbeResult failed(String answer) {
        return new ProbeResult(false, answer);
    }
}
