package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creating, changing, reordering and deleting SLA rules and writing the defaults, each in one transaction with the
 * list locked. A rule with no conditions catches every ticket, so an enabled one may only be the last rule: a new rule
 * goes in before such a last rule, and a change that would leave one elsewhere is refused.
 */
public final class SlaRuleService {

    private final Transactions transactions;
    private final SlaChanges changes;

    public SlaRuleService(Transactions transactions, SlaChanges changes) {
        this.transactions = transactions;
        this.changes = changes;
    }

    public List<SlaRule> all() {
        return transactions.read(handle -> new SlaRuleQueries(handle).all());
    }

    /** Every rule as the API shows it, read without a service (the audit log's before and after). */
    public static List<ObjectNode> allAsJson(Transactions transactions) {
        List<SlaRule> rules = transactions.read(handle -> new SlaRuleQueries(handle).all());
        return rules.stream().map(rule -> SlaRuleJson.toJson(rule)).toList();
    }

    /** The defaults as the API shows them, read without a service (the audit log's before and after). */
    public static ObjectNode defaultsAsJson(Transactions transactions) {
        SlaDefaults defaults = transactions.read(handle -> new SlaRuleQueries(handle).defaults());
        return SlaRuleJson.toJson(defaults);
    }

    public SlaRule get(long id) {
        return transactions.read(handle -> new SlaRuleQueries(handle).find(id))
                .orElseThrow(() -> Refusal.notFound("no SLA rule " + id));
    }

    public SlaRule create(JsonNode body) {
        SlaRule given = SlaRuleJson.rule(body, null);
        return transactions.inTransaction((handle, afterCommit) -> {
            SlaRuleQueries queries = new SlaRuleQueries(handle);
            queries.lockList();
            check(queries, given);
            List<SlaRule> rules = new ArrayList<>(queries.all());
            int at = rules.size();
            if (!rules.isEmpty() && catchesAll(rules.get(at - 1)) && !catchesAll(given)) {
                at--;
            }
            long id = queries.create(given);
            rules.add(at, queries.find(id).orElseThrow());
            renumber(queries, rules);
            changes.changed(handle, "SLA rule '" + given.name() + "' added", afterCommit);
            return queries.find(id).orElseThrow();
        });
    }

    /** {@code replace}: a PUT (every field as given, absent ones at their defaults); else a PATCH. */
    public SlaRule update(long id, JsonNode body, boolean replace) {
        return transactions.inTransaction((handle, afterCommit) -> {
            SlaRuleQueries queries = new SlaRuleQueries(handle);
            queries.lockList();
            SlaRule current = queries.find(id).orElseThrow(() -> Refusal.notFound("no SLA rule " + id));
            SlaRule changed = replace ? SlaRuleJson.rule(body, null) : SlaRuleJson.rule(body, current);
            changed = new SlaRule(id, changed.name(), current.position(), changed.enabled(), changed.conditions(),
                    changed.calendarId(), changed.responseSeconds(), changed.resolutionSeconds());
            check(queries, changed);
            List<SlaRule> rules = new ArrayList<>();
            for (SlaRule rule : queries.all()) {
                rules.add(rule.id() == id ? changed : rule);
            }
            refuseCatchAllBeforeLast(rules);
            queries.update(changed);
            changes.changed(handle, "SLA rule '" + changed.name() + "' changed", afterCommit);
            return queries.find(id).orElseThrow();
        });
    }

    public void delete(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            SlaRuleQueries queries = new SlaRuleQueries(handle);
            queries.lockList();
            SlaRule deleted = queries.find(id).orElseThrow(() -> Refusal.notFound("no SLA rule " + id));
            queries.delete(id);
            renumber(queries, queries.all());
            changes.changed(handle, "SLA rule '" + deleted.name() + "' deleted", afterCommit);
            return null;
        });
    }

    /** The new order: every rule's id exactly once. */
    public List<SlaRule> reorder(JsonNode body) {
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw Refusal.invalid("'ids' is required: every rule's id, in the new order");
        }
        List<Long> order = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw Refusal.invalid("'ids' must be a list of rule ids");
            }
            order.add(id.asLong());
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            SlaRuleQueries queries = new SlaRuleQueries(handle);
            queries.lockList();
            List<SlaRule> current = queries.all();
            Set<Long> known = new HashSet<>();
            current.forEach(rule -> known.add(rule.id()));
            if (new LinkedHashSet<>(order).size() != order.size() || order.size() != known.size()
                    || !known.containsAll(order)) {
                throw Refusal.unprocessable("'ids' must list every SLA rule exactly once (" + known.size()
                        + " rules), in the new order");
            }
            List<SlaRule> rules = new ArrayList<>();
            for (long id : order) {
                rules.add(current.stream().filter(rule -> rule.id() == id).findFirst().orElseThrow());
            }
            refuseCatchAllBeforeLast(rules);
            renumber(queries, rules);
            changes.changed(handle, "SLA rules reordered", afterCommit);
            return queries.all();
        });
    }

    public SlaDefaults defaults() {
        return transactions.read(handle -> new SlaRuleQueries(handle).defaults());
    }

    public SlaDefaults writeDefaults(JsonNode body) {
        SlaDefaults defaults = SlaRuleJson.defaults(body);
        return transactions.inTransaction((handle, afterCommit) -> {
            SlaRuleQueries queries = new SlaRuleQueries(handle);
            if (defaults.calendarId() != null && !queries.shareCalendar(defaults.calendarId())) {
                throw Refusal.unprocessable("no calendar " + defaults.calendarId());
            }
            queries.writeDefaults(defaults);
            changes.changed(handle, "SLA defaults changed", afterCommit);
            return queries.defaults();
        });
    }

    private static boolean catchesAll(SlaRule rule) {
        return rule.enabled() && rule.conditions().isEmpty();
    }

    private static void refuseCatchAllBeforeLast(List<SlaRule> rules) {
        for (int i = 0; i < rules.size() - 1; i++) {
            if (catchesAll(rules.get(i))) {
                throw Refusal.unprocessable("the rule '" + rules.get(i).name() + "' has no conditions, so it catches "
                        + "every ticket and the rules below it would never apply: only the last rule may be without "
                        + "conditions (give it a condition, disable it, or move it to the end)");
            }
        }
    }

    private static void renumber(SlaRuleQueries queries, List<SlaRule> rules) {
        refuseCatchAllBeforeLast(rules);
        for (int i = 0; i < rules.size(); i++) {
            queries.setPosition(rules.get(i).id(), i + 1);
        }
    }

    /** Every id the rule names exists; unknown ones answer 422 with the ids. */
    private static void check(SlaRuleQueries queries, SlaRule rule) {
        SlaConditions c = rule.conditions();
        refuseUnknown(queries, "ticket_type", c.typeIds(), "ticket types");
        refuseUnknown(queries, "ticket_priority", c.priorityIds(), "priorities");
        refuseUnknown(queries, "client_category", c.categoryIds(), "client categories");
        refuseUnknown(queries, "company", c.companyIds(), "companies");
        if (rule.calendarId() != null && !queries.shareCalendar(rule.calendarId())) {
            throw Refusal.unprocessable("no calendar " + rule.calendarId());
        }
    }

    private static void refuseUnknown(SlaRuleQueries queries, String table, Set<Long> ids, String what) {
        Set<Long> missing = new LinkedHashSet<>(ids);
        missing.removeAll(queries.existing(table, ids));
        if (!missing.isEmpty()) {
            throw Refusal.unprocessable("unknown " + what + ": " + SlaRuleJson.names(missing));
        }
    }
}
