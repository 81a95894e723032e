package io.supporthub.hub.sla;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.db.Transactions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rule editor offers: ticket types, priorities, client categories, calendars, channels and weekdays (the
 * companies are searched as typed; there may be many). Companies already named in rules come with their names.
 */
public final class SlaEditorChoices {

    private final Transactions transactions;

    public SlaEditorChoices(Transactions transactions) {
        this.transactions = transactions;
    }

    public Map<String, Object> choices() {
        return transactions.read(handle -> {
            SlaRuleQueries queries = new SlaRuleQueries(handle);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("types", queries.named("ticket_type", "position, name"));
            model.put("priorities", queries.named("ticket_priority", "position, name"));
            model.put("categories", queries.named("client_category", "position nulls last, name"));
            model.put("calendars", queries.named("calendar", "is_default desc, lower(name)"));
            model.put("ruleCompanies", handle.createQuery("select id, name from company where id in "
                            + "(select unnest(company_ids) from sla_rule) order by lower(name)")
                    .map((rs, ctx) -> Map.<String, Object>of("id", rs.getLong("id"), "name", rs.getString("name"))).list());
            model.put("channels", Arrays.stream(ChannelKind.values()).map(ChannelKind::wireName).toList());
            model.put("weekdays", List.of(Map.of("key", "mon", "label", "Mon"), Map.of("key", "tue", "label", "Tue"),
                    Map.of("key", "wed", "label", "Wed"), Map.of("key", "thu", "label", "Thu"),
                    Map.of("key", "fri", "label", "Fri"), Map.of("key", "sat", "label", "Sat"),
                    Map.of("key", "sun", "label", "Sun")));
            return model;
        });
    }
}
