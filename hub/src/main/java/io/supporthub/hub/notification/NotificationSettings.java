package io.supporthub.hub.notification;

import io.supporthub.channels.ChannelKind;
import io.supporthub.templates.Languages;
import io.supporthub.templates.TextKey;
import io.supporthub.templates.notification.Notification;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What admins choose about customer notifications, stored as JSON in the {@code setting} row {@value #KEY}.
 *
 * @param companyName the {@code company.name} variable of the texts, or null
 * @param enabled     per channel, the notifications switched on (everything is off by default)
 * @param statuses    the statuses whose reaching sends {@link Notification#STATUS_CHANGED}: base states by wire name
 *                    ({@code pending}) or custom statuses by name, compared case-insensitively
 * @param texts       admin overrides of the default texts: language → text key ({@code notify.resolved.text}) → template
 */
public record NotificationSettings(String companyName, Map<ChannelKind, Set<Notification>> enabled, Set<String> statuses,
                                   Map<String, Map<String, String>> texts) {

    public static final String KEY = "notifications";
    /** The notifications customers can receive on ticket events, and their names in JSON. */
    public static final List<Notification> EVENTS =
            List.of(Notification.TICKET_CREATED, Notification.TICKET_RESOLVED, Notification.STATUS_CHANGED);

    public static final NotificationSettings DEFAULTS = new NotificationSettings(null, Map.of(), Set.of(), Map.of());

    public NotificationSettings {
        EnumMap<ChannelKind, Set<Notification>> copy = new EnumMap<>(ChannelKind.class);
        enabled.forEach((channel, kinds) -> copy.put(channel, kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds))));
        enabled = java.util.Collections.unmodifiableMap(copy);
        statuses = Set.copyOf(statuses.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList());
        texts = Map.copyOf(texts);
    }

    public boolean isOn(ChannelKind channel, Notification notification) {
        return enabled.getOrDefault(channel, Set.of()).contains(notification);
    }

    /** Whether reaching this status (a base wire name or a custom status name) sends a status notification. */
    public boolean notifiesStatus(String status) {
        return status != null && statuses.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    /** The admin's template for a text in a language, or null for the default. */
    public String override(String language, TextKey key) {
        return texts.getOrDefault(Languages.resolve(language), Map.of()).get(key.property());
    }

    public static String wireName(Notification notification) {
        return notification.name().toLowerCase(Locale.ROOT);
    }

    /** The text keys admins may override: the subjects and texts of {@link #EVENTS}. */
    public static boolean isOverridable(TextKey key) {
        return EVENTS.stream().anyMatch(n -> n.subjectKey() == key || n.textKey() == key);
    }
}
