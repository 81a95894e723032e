package io.supporthub.hub.catalog;

/**
 * One of the lists admins edit, as its SQL needs it: the table and the record its rows map to, their columns and
 * order, whether a new row goes last by {@code position}, the ticket column that points at a row, and the word
 * messages call a row.
 */
public record CatalogList<T>(String table, Class<T> row, String columns, String order, boolean positioned,
                             String ticketColumn, String what) {

    public static final CatalogList<TicketType> TYPES = new CatalogList<>("ticket_type", TicketType.class,
            "id, name, internal, position", "position, id", true, "type_id", "type");

    public static final CatalogList<Priority> PRIORITIES = new CatalogList<>("ticket_priority", Priority.class,
            "id, name, position", "position, id", true, "priority_id", "priority");

    public static final CatalogList<CustomStatus> STATUSES = new CatalogList<>("custom_status", CustomStatus.class,
            "id, name, base_state", "base_state, name", false, "custom_status_id", "status");
}
