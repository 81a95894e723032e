package io.supporthub.hub.timezone;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.settings.SettingsService;
import org.jdbi.v3.core.Handle;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The time zone a person sees times in: their own ({@code agent.time_zone}), else the company's (the settings), else
 * UTC. Pages resolve it once per request and pass it on; the API stays in UTC instants.
 */
public final class ViewerZones {

    /** An agent's preference as the API shows it: their own zone (null: none), the company's, and the one in use. */
    public record Preferences(String timeZone, String companyTimeZone, String effectiveTimeZone) {
    }

    private final Transactions transactions;
    private final SettingsService settings;

    public ViewerZones(Transactions transactions, SettingsService settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    /** The zone {@code agentId} sees times in. */
    public ZoneId of(long agentId) {
        return transactions.read(handle -> of(handle, agentId));
    }

    /** The zone {@code agentId} sees times in, within the caller's transaction. */
    public ZoneId of(Handle handle, long agentId) {
        return own(handle, agentId).flatMap(ViewerZones::parse).orElseGet(() -> company(handle));
    }

    /** The company's zone (the settings), else UTC when the stored one is not a zone any more. */
    public ZoneId company(Handle handle) {
        return parse(settings.read(handle).timeZone()).orElse(ZoneOffset.UTC);
    }

    public Preferences preferences(long agentId) {
        return transactions.read(handle -> preferences(handle, agentId));
    }

    /** Sets (or with null clears) the agent's own zone; a name java.time does not know is refused, naming it. */
    public Preferences change(long agentId, String timeZone) {
        String zone = timeZone == null ? null : valid(timeZone);
        return transactions.inTransaction((handle, afterCommit) -> {
            handle.createUpdate("update agent set time_zone = :zone where id = :id").bind("zone", zone).bind("id", agentId)
                    .execute();
            return preferences(handle, agentId);
        });
    }

    /** The zone id as java.time writes it, or a refusal naming the bad value. */
    public static String valid(String timeZone) {
        return io.supporthub.hub.ticket.LocalTimes.validZone(timeZone);
    }

    private Preferences preferences(Handle handle, long agentId) {
        String own = own(handle, agentId).orElse(null);
        return new Preferences(own, company(handle).getId(), of(handle, agentId).getId());
    }

    private static Optional<String> own(Handle handle, long agentId) {
        return handle.createQuery("select time_zone from agent where id = :id and time_zone is not null").bind("id", agentId)
                .mapTo(String.class).findOne();
    }

    private static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
