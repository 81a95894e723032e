package io.supporthub.hub.notification;

import io.supporthub.templates.TemplateRenderer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** Reads and writes {@link NotificationSettings} in the {@code setting} table, within the caller's transaction. */
public final class NotificationStore {

    private static final Logger log = LoggerFactory.getLogger(NotificationStore.class);

    private final TemplateRenderer renderer;

    public NotificationStore(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** The stored settings; the defaults (everything off) when none are stored or the stored ones cannot be read. */
    public NotificationSettings read(Handle handle) {
        return new SettingQueries(handle).read(NotificationSettings.KEY).map(json -> {
            try {
                return NotificationSettingsJson.fromJson(json, renderer);
            } catch (IllegalArgumentException e) {
                log.error("Stored notification settings are unreadable, notifications are off until an admin saves "
                        + "them again: {}", e.getMessage());
                return NotificationSettings.DEFAULTS;
            }
        }).orElse(NotificationSettings.DEFAULTS);
    }

    public void write(Handle handle, NotificationSettings settings, Instant now) {
        new SettingQueries(handle).write(NotificationSettings.KEY, NotificationSettingsJson.toJson(settings, null), now);
    }
}
