package io.supporthub.hub.catalog;

/**
 * One of the lists admins edit, as its SQL needs it: the table and the record its rows map to, their columns and
 * order, whether a new row goes last by {@code position}, the ticket column that points at a row, and the word
 * messages call a row. Every list is shown, and offered in pickers, in its {@code position} order.
 */
public record CatalogList<T>(String table, Class<T> row, String columns, String order, boolean positioned,
                             String ticketColumn, String what) {

    public static final CatalogList<TicketType> TYPES = new CatalogList<>("ticket_type", TicketType.class,
            "id, name, internal, position, color", "position, id", true, "type_id", "type");

    public static final CatalogList<Priority> PRIORITIES = new CatalogList<>("ticket_priority", Priority.class,
            "id, name, position, color", "position, id", true, "priority_id", "priority");

    /** The base states' own rows ({@code system}) and the custom statuses, named variants of a base state. */
    public static final CatalogList<CustomStatus> STATUSES = new CatalogList<>("custom_status", CustomStatus.class,
            "id, name, base_state, system, color, position, pauses_sla, counts_for_load", "position, id", true,
            "custom_status_id", "status");
}
