package io.supporthub.hub.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.TextKey;
import io.supporthub.templates.notification.Notification;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link NotificationSettings} to and from the JSON of {@code GET/PUT /api/notifications}:
 * <pre>
 * {
 *   "companyName": "Acme",
 *   "channels": {"sms": {"ticket_created": true, "ticket_resolved": true, "status_changed": false},
 *                "email": {...}, "telegram": {...}, "viber": {...}, "api": {...}},
 *   "statuses": ["pending", "Waiting for parts"],
 *   "texts": {"en": {"notify.resolved.text": "Hi {{customer.name}}, #{{ticket.number}} is done."}}
 * }
 * </pre>
 * A PUT replaces the whole setting: what it leaves out is off or default. GET also answers {@code "defaults"}, the
 * shipped texts per language, read-only.
 */
public final class NotificationSettingsJson {

    private NotificationSettingsJson() {
    }

    public static Map<String, Object> toJson(NotificationSettings settings, DefaultTexts defaults) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("companyName", settings.companyName());
        Map<String, Object> channels = new LinkedHashMap<>();
        for (ChannelKind channel : ChannelKind.values()) {
            Map<String, Boolean> switches = new LinkedHashMap<>();
            for (Notification event : NotificationSettings.EVENTS) {
                switches.put(NotificationSettings.wireName(event), settings.isOn(channel, event));
            }
            channels.put(channel.wireName(), switches);
        }
        json.put("channels", channels);
        json.put("statuses", settings.statuses().stream().sorted().toList());
        json.put("texts", settings.texts());
        if (defaults != null) {
            Map<String, Map<String, String>> shipped = new LinkedHashMap<>();
            for (String language : Languages.SUPPORTED) {
                Map<String, String> texts = new LinkedHashMap<>();
                for (Notification event : NotificationSettings.EVENTS) {
                    texts.put(event.subjectKey().property(), defaults.template(language, event.subjectKey()));
                    texts.put(event.textKey().property(), defaults.template(language, event.textKey()));
                }
                shipped.put(language, texts);
            }
            json.put("defaults", shipped);
        }
        return json;
    }

    /** Reads what a PUT sent (or what is stored); every problem is an {@link IllegalArgumentException} saying what. */
    public static NotificationSettings fromJson(JsonNode json, TemplateRenderer renderer) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode company = json.get("companyName");
        if (company != null && !company.isNull() && !company.isTextual()) {
            throw new IllegalArgumentException("'companyName' must be a string");
        }
        String companyName = company == null || company.isNull() || company.asText().isBlank() ? null : company.asText().strip();
        return new NotificationSettings(companyName, channels(json.get("channels")), statuses(json.get("statuses")),
                texts(json.get("texts"), renderer));
    }

    private static Map<ChannelKind, Set<Notification>> channels(JsonNode node) {
        Map<ChannelKind, Set<Notification>> enabled = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return enabled;
        }
        requireObject(node, "channels");
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            ChannelKind channel = ChannelKind.fromWire(entry.getKey());
            requireObject(entry.getValue(), "channels." + entry.getKey());
            Set<Notification> on = EnumSet.noneOf(Notification.class);
            for (Map.Entry<String, JsonNode> event : entry.getValue().properties()) {
                Notification notification = event(event.getKey());
                if (!event.getValue().isBoolean()) {
                    throw new IllegalArgumentException("'channels." + entry.getKey() + "." + event.getKey()
                            + "' must be true or false");
                }
                if (event.getValue().asBoolean()) {
                    on.add(notification);
                }
            }
            enabled.put(channel, on);
        }
        return enabled;
    }

    private static Notification event(String name) {
        for (Notification notification : NotificationSettings.EVENTS) {
            if (NotificationSettings.wireName(notification).equals(name)) {
                return notification;
            }
        }
        throw new IllegalArgumentException("unknown notification '" + name
                + "' (expected ticket_created, ticket_resolved or status_changed)");
    }

    private static Set<String> statuses(JsonNode node) {
        Set<String> statuses = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return statuses;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'statuses' must be a list of status names");
        }
        for (JsonNode status : node) {
            if (!status.isTextual() || status.asText().isBlank()) {
                throw new IllegalArgumentException("'statuses' must hold status names, got " + status);
            }
            statuses.add(status.asText());
        }
        return statuses;
    }

    private static Map<String, Map<String, String>> texts(JsonNode node, TemplateRenderer renderer) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return texts;
        }
        requireObject(node, "texts");
        for (Map.Entry<String, JsonNode> language : node.properties()) {
            if (!Languages.SUPPORTED.contains(language.getKey())) {
                throw new IllegalArgumentException("'texts' has language '" + language.getKey() + "'; supported: "
                        + String.join(", ", Languages.SUPPORTED));
            }
            requireObject(language.getValue(), "texts." + language.getKey());
            Map<String, String> byKey = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> text : language.getValue().properties()) {
                String where = "texts." + language.getKey() + "." + text.getKey();
                TextKey key = TextKey.forProperty(text.getKey()).filter(NotificationSettings::isOverridable)
                        .orElseThrow(() -> new IllegalArgumentException("'" + where + "' is not a notification text; "
                                + "use one of " + overridableKeys()));
                if (!text.getValue().isTextual() || text.getValue().asText().isBlank()) {
                    throw new IllegalArgumentException("'" + where + "' must be a non-empty template");
                }
                try {
                    renderer.validate(text.getValue().asText(), TemplateVariables.TICKET);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + where + "': " + e.getMessage(), e);
                }
                byKey.put(key.property(), text.getValue().asText());
            }
            if (!byKey.isEmpty()) {
                texts.put(language.getKey(), byKey);
            }
        }
        return texts;
    }

    private static List<String> overridableKeys() {
        return NotificationSettings.EVENTS.stream()
                .flatMap(n -> java.util.stream.Stream.of(n.subjectKey().property(), n.textKey().property())).toList();
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + where + "' must be a JSON object");
        }
    }
}
