package io.supporthub.hub.ticket;

import org.jdbi.v3.core.Handle;

import java.util.Map;
import java.util.Optional;

/**
 * The SLA flags of a status as they are now. A custom status without its own flag behaves as its base state's row, and
 * a row without one takes the default: Pending and Postponed pause the SLA, the other open states do not; every status
 * counts towards an agent's load. Resolved and Closed stop both clocks whatever is stored.
 */
public final class StatusFlags {

    private StatusFlags() {
    }

    public static boolean defaultPausesSla(TicketStatus base) {
        return base == TicketStatus.PENDING || base == TicketStatus.POSTPONED;
    }

    public static boolean effectivePausesSla(TicketStatus base, Boolean stored) {
        return base.isOpenType() && (stored != null ? stored : defaultPausesSla(base));
    }

    public static boolean effectiveCountsForLoad(Boolean stored) {
        return stored == null || stored;
    }

    /** A status as the timeline records it: the custom status (null: the base state itself) and its pause flag then. */
    public record Recorded(Long customStatusId, String customStatusName, boolean pausesSla) {

        /** {@code {"id", "name"}} of the custom status, or null for a base state. */
        public Map<String, Object> customStatus() {
            return customStatusId == null ? null : Map.of("id", customStatusId, "name", customStatusName);
        }
    }

    /** The status's name and its pause flag as it stands now, for the event that moves a ticket there. */
    public static Recorded now(Handle handle, TicketStatus base, Long customStatusId) {
        if (!base.isOpenType()) {
            return new Recorded(customStatusId, customStatusId == null ? null : name(handle, customStatusId), false);
        }
        Row row = handle.createQuery("select c.name, coalesce(c.pauses_sla, b.pauses_sla) as pauses_sla "
                        + "from custom_status b left join custom_status c on c.id = :custom and not c.system "
                        + "where b.system and b.base_state = :base")
                .bind("custom", customStatusId).bind("base", base.wireName())
                .map((rs, ctx) -> new Row(rs.getString("name"), (Boolean) rs.getObject("pauses_sla")))
                .findOne().orElse(new Row(null, null));
        return new Recorded(row.name() == null ? null : customStatusId, row.name(), effectivePausesSla(base, row.pausesSla()));
    }

    private static String name(Handle handle, long customStatusId) {
        Optional<String> name = handle.createQuery("select name from custom_status where id = :id and not system")
                .bind("id", customStatusId).mapTo(String.class).findOne();
        return name.orElse(null);
    }

    private record Row(String name, Boolean pausesSla) {
    }
}
