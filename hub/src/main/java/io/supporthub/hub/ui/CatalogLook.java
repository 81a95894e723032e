package io.supporthub.hub.ui;

import io.supporthub.hub.catalog.CatalogList;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.catalog.CustomStatus;
import io.supporthub.hub.catalog.Priority;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the catalogs look on the pages, read once per page from their small tables: each priority's and status's colour
 * by name, and the base states as the status pickers offer them (their own rows' names, in position order).
 */
record CatalogLook(Map<String, String> priorityColors, Map<String, String> statusColors,
                   List<Map<String, String>> baseStates) {

    static CatalogLook of(Handle handle) {
        CatalogQueries catalog = new CatalogQueries(handle);
        Map<String, String> colors = new HashMap<>();
        for (Priority priority : catalog.all(CatalogList.PRIORITIES)) {
            colors.put(priority.name(), priority.color());
        }
        Map<String, String> statusColors = new HashMap<>();
        List<Map<String, String>> states = new ArrayList<>();
        for (CustomStatus status : catalog.all(CatalogList.STATUSES)) {
            statusColors.put(status.name(), status.color());
            if (status.system()) {
                states.add(Map.of("value", status.baseState(), "label", status.name(), "color", status.color()));
            }
        }
        return new CatalogLook(colors, statusColors, states);
    }

    /** The colour of the status shown with the name (names are unique); null when unknown. */
    String statusColorOf(String statusLabel) {
        return statusLabel == null ? null : statusColors.get(statusLabel);
    }

    /** A base state's name as its own row has it (renamed or not). */
    String baseLabel(String wireName) {
        for (Map<String, String> state : baseStates) {
            if (state.get("value").equals(wireName)) {
                return state.get("label");
            }
        }
        return Format.label(wireName);
    }

    /** The priority's colour; null for no priority (or one deleted meanwhile). */
    String colorOf(String priority) {
        return priority == null ? null : priorityColors.get(priority);
    }
}
