package io.supporthub.hub.notification;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.hub.web.Json;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;
import org.jdbi.v3.core.Handle;

import java.time.Clock;

/**
 * Admins' switches for customer notifications: {@code GET /api/notifications} and {@code PUT /api/notifications}
 * with the JSON described in {@link NotificationSettingsJson}.
 */
public final class NotificationRoutes {

    private final Transactions transactions;
    private final NotificationStore store;
    private final DefaultTexts defaults;
    private final TemplateRenderer renderer;
    private final Clock clock;

    public NotificationRoutes(Transactions transactions, NotificationStore store, DefaultTexts defaults,
                              TemplateRenderer renderer, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.defaults = defaults;
        this.renderer = renderer;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/notifications", this::show);
        routes.put("/api/notifications", this::replace);
    }

    private void show(Context ctx) {
        ctx.json(NotificationSettingsJson.toJson(transactions.read(store::read), defaults));
    }

    private void replace(Context ctx) {
        NotificationSettings settings;
        try {
            settings = NotificationSettingsJson.fromJson(Json.body(ctx), renderer);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
        transactions.inTransaction((handle, afterCommit) -> {
            for (String status : settings.statuses()) {
                requireKnownStatus(handle, status);
            }
            store.write(handle, settings, clock.instant());
            return null;
        });
        ctx.json(NotificationSettingsJson.toJson(settings, defaults));
    }

    private static void requireKnownStatus(Handle handle, String status) {
        try {
            TicketStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            if (!new CatalogQueries(handle).customStatusNamed(status)) {
                throw Refusal.invalid("'statuses' names '" + status + "', which is neither a status ("
                        + e.getMessage() + ") nor a custom status");
            }
        }
    }
}
