package io.supporthub.hub.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.notification.SettingQueries;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads and changes the {@link HubSettings}; each read goes to the database, so a change on one node holds on all. */
public final class SettingsService {

    static final String DEFAULT_GROUP = "default_group_id";
    static final String SENIORS_SEE_REPORTS = "seniors_see_reports";
    static final String TIME_ZONE = "time_zone";
    static final String UNKNOWN_SENDERS = "create_contacts_for_unknown_senders";

    /** What a request changes; a null field stays, except {@code defaultGroupId} when {@code clearDefaultGroup}. */
    public record Changes(Long defaultGroupId, boolean clearDefaultGroup, Boolean seniorsSeeReports, String timeZone,
                          Boolean createContactsForUnknownSenders) {
    }

    private final Transactions transactions;
    private final ZoneId defaultTimeZone;
    private final Clock clock;

    /** @param defaultTimeZone the time zone until an admin sets one (the {@code TIME_ZONE} setting, else UTC) */
    public SettingsService(Transactions transactions, ZoneId defaultTimeZone, Clock clock) {
        this.transactions = transactions;
        this.defaultTimeZone = defaultTimeZone;
        this.clock = clock;
    }

    public HubSettings read() {
        return transactions.read(this::read);
    }

    /** The settings within the caller's transaction. */
    public HubSettings read(Handle handle) {
        SettingQueries settings = new SettingQueries(handle);
        Long group = settings.read(DEFAULT_GROUP).filter(JsonNode::canConvertToLong).map(JsonNode::asLong).orElse(null);
        boolean seniors = settings.read(SENIORS_SEE_REPORTS).map(JsonNode::asBoolean).orElse(false);
        String zone = settings.read(TIME_ZONE).map(JsonNode::asText).orElse(defaultTimeZone.getId());
        return new HubSettings(group, seniors, zone, createsContactsForUnknownSenders(handle));
    }

    /** Whether mail from an unknown sender makes a contact and a ticket (on unless an admin turned it off). */
    public static boolean createsContactsForUnknownSenders(Handle handle) {
        return new SettingQueries(handle).read(UNKNOWN_SENDERS).map(JsonNode::asBoolean).orElse(true);
    }

    /**
     * The group a new ticket goes to, within the caller's transaction: the default group unless it is hidden or gone
     * (then none).
     */
    public Long defaultGroupForNewTicket(Handle handle) {
        Long id = read(handle).defaultGroupId();
        if (id == null) {
            return null;
        }
        return new GroupQueries(handle).find(id).filter(group -> !group.hidden()).map(Group::id).orElse(null);
    }

    public HubSettings change(Changes changes) {
        String zone = changes.timeZone() == null ? null : validZone(changes.timeZone());
        return transactions.inTransaction((handle, afterCommit) -> {
            SettingQueries settings = new SettingQueries(handle);
            if (changes.clearDefaultGroup()) {
                settings.write(DEFAULT_GROUP, null, clock.instant());
            } else if (changes.defaultGroupId() != null) {
                Group group = new GroupQueries(handle).find(changes.defaultGroupId())
                        .orElseThrow(() -> Refusal.invalid("'defaultGroupId': no group " + changes.defaultGroupId()));
                if (group.hidden()) {
                    throw Refusal.invalid("'defaultGroupId': the group '" + group.name()
                            + "' is hidden and takes no new tickets");
                }
                settings.write(DEFAULT_GROUP, group.id(), clock.instant());
            }
            if (changes.seniorsSeeReports() != null) {
                settings.write(SENIORS_SEE_REPORTS, changes.seniorsSeeReports(), clock.instant());
            }
            if (zone != null) {
                settings.write(TIME_ZONE, zone, clock.instant());
            }
            if (changes.createContactsForUnknownSenders() != null) {
                settings.write(UNKNOWN_SENDERS, changes.createContactsForUnknownSenders(), clock.instant());
            }
            return read(handle);
        });
    }

    private static String validZone(String id) {
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            throw Refusal.invalid("'timeZone': '" + id + "' is not a time zone (an IANA id such as Europe/Paris)");
        }
    }
}
