package io.supporthub.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the nested map of variables templates read, with the names the default texts use:
 * {@code customer.name}, {@code customer.first_name}, {@code ticket.number}, {@code ticket.subject}, {@code ticket.status}, {@code agent.name},
 * {@code company.name}, {@code author.name}, {@code message.text}, {@code link}, {@code stars}, {@code group.name}.
 * Null values are left out, so they render empty. Not thread-safe; build one per rendering.
 */
public final class TemplateVariables {
    /** The variables of texts about a ticket: canned replies, customer notifications, an agent's SMS. */
    public static final Set<String> TICKET = Set.of("customer.name", "customer.first_name", "ticket.number",
            "ticket.subject", "ticket.status", "agent.name", "company.name");
    /** Every variable the shipped texts read: those about a ticket, and of agents' notifications and the bot. */
    public static final Set<String> ALL = Set.of("customer.name", "customer.first_name", "ticket.number", "ticket.subject",
            "ticket.status", "agent.name", "company.name", "author.name", "message.text", "link", "stars", "group.name");

    private final Map<String, Object> root = new LinkedHashMap<>();

    public static TemplateVariables create() {
        return new TemplateVariables();
    }

    /** The customer's name, and its first word as {@code customer.first_name} ("Dear {{customer.first_name}}"). */
    public TemplateVariables customer(String name) {
        put("customer.name", name);
        return put("customer.first_name", firstName(name));
    }

    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+", 2)[0];
    }

    /** @param status the status as customers should read it: a custom status's name or the base label */
    public TemplateVariables ticket(long number, String subject, String status) {
        put("ticket.number", number);
        put("ticket.subject", subject);
        return put("ticket.status", status);
    }

    public TemplateVariables agent(String name) {
        return put("agent.name", name);
    }

    public TemplateVariables company(String name) {
        return put("company.name", name);
    }

    /** The author of a note that mentions an agent. */
    public TemplateVariables author(String name) {
        return put("author.name", name);
    }

    /** The text of the agent's reply (reply wrapper) or of the note (mention). */
    public TemplateVariables message(String text) {
        return put("message.text", text);
    }

    /** A link to the ticket in the agent hub. */
    public TemplateVariables link(String url) {
        return put("link", url);
    }

    /**
     * Any other variable, by dotted name: {@code put("order.id", "A-17")} is read as {@code {{order.id}}}.
     *
     * @throws IllegalArgumentException when a part of the name is already a value rather than a group
     */
    @SuppressWarnings("unchecked")
    public TemplateVariables put(String dottedName, Object value) {
        Objects.requireNonNull(dottedName, "dottedName");
        if (value == null) {
            return this;
        }
        String[] parts = dottedName.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw new IllegalArgumentException("variable '" + dottedName + "': '" + parts[i] + "' already holds a value");
            }
            node = (Map<String, Object>) child;
        }
        node.put(parts[parts.length - 1], value);
        return this;
    }

    /** The variables as nested maps, for {@link TemplateRenderer#render}. A read-only view. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(root);
    }
}
