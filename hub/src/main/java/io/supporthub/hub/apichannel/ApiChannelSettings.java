package io.supporthub.hub.apichannel;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.notification.SettingQueries;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generic channel's callback, kept in the {@code setting} table (key {@value #KEY}) so every node posts to the
 * same place; read from the database on each use, so a change holds at once everywhere.
 */
public final class ApiChannelSettings {

    static final String KEY = "api_channel";
    /** A shorter secret is guessable enough to forge replies' signatures offline. */
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 500;
    static final int MAX_URL = 2000;

    private final Transactions transactions;
    private final CallbackAddresses addresses;
    private final Clock clock;

    public ApiChannelSettings(Transactions transactions, CallbackAddresses addresses, Clock clock) {
        this.transactions = transactions;
        this.addresses = addresses;
        this.clock = clock;
    }

    public CallbackSettings read() {
        return transactions.read(ApiChannelSettings::read);
    }

    static CallbackSettings read(Handle handle) {
        return new SettingQueries(handle).read(KEY).filter(JsonNode::isObject)
                .map(node -> new CallbackSettings(text(node, "callbackUrl"), text(node, "secret")))
                .orElse(CallbackSettings.NONE);
    }

    /**
     * Sets the callback URL (null turns the channel's replies off) and the secret; a secret left out keeps the one
     * set. Refused with 422 and the reason for a URL the {@link CallbackAddresses} refuse or a short secret.
     */
    public CallbackSettings change(String callbackUrl, String secret) {
        String url = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
        if (url != null) {
            if (url.length() > MAX_URL) {
                throw Refusal.unprocessable("the callback URL has " + url.length() + " characters; at most " + MAX_URL);
            }
            addresses.problem(url).ifPresent(problem -> {
                throw Refusal.unprocessable(problem);
            });
        }
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
            throw Refusal.unprocessable("the secret must have " + MIN_SECRET + " to " + MAX_SECRET + " characters, it has "
                    + secret.length());
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            CallbackSettings current = read(handle);
            String kept = secret != null ? secret : current.secret();
            if (url != null && kept == null) {
                throw Refusal.unprocessable("a secret is needed to sign the callbacks: give 'secret' ("
                        + MIN_SECRET + " characters or more)");
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("callbackUrl", url);
            value.put("secret", kept);
            new SettingQueries(handle).write(KEY, value, clock.instant());
            return new CallbackSettings(url, kept);
        });
    }

    /** Why replies cannot go out on the generic channel now, or empty. */
    public Optional<String> problem() {
        CallbackSettings settings = read();
        if (settings.callbackUrl() == null) {
            return Optional.of("the API channel has no callback URL");
        }
        if (settings.secret() == null) {
            return Optional.of("the API channel has no secret to sign its callbacks");
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
