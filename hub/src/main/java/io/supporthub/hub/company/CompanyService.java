package io.supporthub.hub.company;

import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.contact.FreeMailDomains;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.DomainTaken;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creating and changing companies, each in one transaction with a line in the company's history: what a request may
 * not give (a taken name or domain, a free-mail domain, an invalid email or phone, an unknown manager) is refused here.
 */
public final class CompanyService {

    static final int MAX_NAME = 200;
    static final int MAX_NOTES = 10_000;
    /** A host name of letters, digits and hyphens, with a top-level domain of letters (or an IDN's xn--). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    /** A manager: an employee or a group. */
    public record ManagerRef(Long agentId, Long groupId) {
    }

    /** An observer: {@code kind} "agent" or "group", by id. */
    public record ObserverRef(String kind, long id) {
    }

    /**
     * What a request sets; a null field stays as it is ({@code categorySet}, {@code managerSet}, {@code notesSet} tell
     * "clear" from "leave").
     */
    public record Changes(String name, List<String> domains, boolean categorySet, Long categoryId, boolean managerSet,
                          ManagerRef manager, List<ObserverRef> observers, List<String> emails, List<String> phones,
                          boolean notesSet, String notes, List<Long> supervises) {
    }

    private final Transactions transactions;
    private final PhoneNumbers phones;
    private final Clock clock;

    public CompanyService(Transactions transactions, PhoneNumbers phones, Clock clock) {
        this.transactions = transactions;
        this.phones = phones;
        this.clock = clock;
    }

    public Optional<Company> find(long id) {
        return transactions.read(handle -> new CompanyQueries(handle).find(id));
    }

    /** A page of companies and the cursor of the next one (null on the last). */
    public record Page(List<Company> items, String next) {
    }

    public Page page(String q, Long categoryId, Long afterId, int limit) {
        List<Company> rows = transactions.read(handle -> new CompanyQueries(handle).page(q, categoryId, afterId, limit));
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Company> shown = rows.subList(0, limit);
        return new Page(List.copyOf(shown), String.valueOf(shown.get(limit - 1).id()));
    }

    public Company create(long actorId, Changes changes) {
        if (changes.name() == null) {
            throw Refusal.invalid("'name' is required");
        }
        return write(changes.name(), queries -> {
            String name = name(changes.name());
            refuseTakenName(queries, name, 0);
            long id = queries.create(name, clock.instant());
            apply(queries, id, changes);
            Company created = queries.find(id).orElseThrow();
            queries.addEvent(id, "created", actorId, Json.MAPPER.valueToTree(Map.of("name", created.name())).toString(),
                    clock.instant());
            return created;
        });
    }

    public Company change(long id, long actorId, Changes changes) {
        return write(changes.name(), queries -> {
            Company before = queries.find(id).orElseThrow(() -> Refusal.notFound("no company " + id));
            if (changes.name() != null) {
                String name = name(changes.name());
                refuseTakenName(queries, name, id);
                queries.setName(id, name);
            }
            apply(queries, id, changes);
            Company after = queries.find(id).orElseThrow();
            Map<String, Object> changed = changed(before, after);
            if (!changed.isEmpty()) {
                queries.touch(id, clock.instant());
                queries.addEvent(id, "updated", actorId, Json.MAPPER.valueToTree(changed).toString(), clock.instant());
            }
            return after;
        });
    }

    private void apply(CompanyQueries queries, long id, Changes changes) {
        if (changes.domains() != null) {
            List<String> domains = domains(changes.domains());
            for (String domain : domains) {
                Optional<Long> owner = queries.domainOwner(domain, id);
                if (owner.isPresent()) {
                    throw new DomainTaken(domain, owner.get());
                }
            }
            queries.setDomains(id, domains);
        }
        if (changes.categorySet()) {
            if (changes.categoryId() != null && new CategoryQueries(queriesHandle(queries)).find(changes.categoryId()).isEmpty()) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown_category", "no client category " + changes.categoryId());
            }
            queries.setCategory(id, changes.categoryId());
        }
        if (changes.managerSet()) {
            ManagerRef manager = changes.manager();
            if (manager != null && manager.agentId() != null && !queries.unknownOrInactiveAgents(List.of(manager.agentId())).isEmpty()) {
                throw unknownAgent(List.of(manager.agentId()));
            }
            if (manager != null && manager.groupId() != null && !queries.unknownGroups(List.of(manager.groupId())).isEmpty()) {
                throw unknownGroup(List.of(manager.groupId()));
            }
            queries.setManager(id, manager == null ? null : manager.agentId(), manager == null ? null : manager.groupId());
        }
        if (changes.observers() != null) {
            List<Long> agents = changes.observers().stream().filter(o -> "agent".equals(o.kind())).map(ObserverRef::id)
                    .distinct().toList();
            List<Long> groups = changes.observers().stream().filter(o -> "group".equals(o.kind())).map(ObserverRef::id)
                    .distinct().toList();
            List<Long> unknownAgents = queries.unknownOrInactiveAgents(agents);
            if (!unknownAgents.isEmpty()) {
                throw unknownAgent(unknownAgents);
            }
            List<Long> unknownGroups = queries.unknownGroups(groups);
            if (!unknownGroups.isEmpty()) {
                throw unknownGroup(unknownGroups);
            }
            queries.setObservers(id, agents, groups);
        }
        if (changes.emails() != null) {
            queries.setEmails(id, emails(changes.emails()));
        }
        if (changes.phones() != null) {
            queries.setPhones(id, phones(changes.phones()));
        }
        if (changes.notesSet()) {
            String notes = changes.notes() == null || changes.notes().isBlank() ? null : changes.notes().strip();
            if (notes != null && notes.length() > MAX_NOTES) {
                throw Refusal.invalid("'notes' has " + notes.length() + " characters; at most " + MAX_NOTES + " are taken");
            }
            queries.setNotes(id, notes);
        }
        if (changes.supervises() != null) {
            List<Long> supervised = changes.supervises().stream().distinct().toList();
            if (supervised.contains(id)) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "supervises_itself", "a company cannot supervise itself");
            }
            List<Long> unknown = queries.unknown(supervised);
            if (!unknown.isEmpty()) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown_company", "no company " + unknown);
            }
            queries.setSupervised(id, supervised);
        }
    }

    private static org.jdbi.v3.core.Handle queriesHandle(CompanyQueries queries) {
        return queries.handle();
    }

    /** The fields that differ, each as {@code {"from", "to"}}: the history's detail. */
    private static Map<String, Object> changed(Company before, Company after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "domains", before.domains(), after.domains());
        compare(changed, "category", before.category() == null ? null : before.category().name(),
                after.category() == null ? null : after.category().name());
        compare(changed, "manager", before.manager() == null ? null : before.manager().name(),
                after.manager() == null ? null : after.manager().name());
        compare(changed, "observers", before.observers().stream().map(o -> o.name()).toList(),
                after.observers().stream().map(o -> o.name()).toList());
        compare(changed, "emails", before.emails(), after.emails());
        compare(changed, "phones", before.phones(), after.phones());
        compare(changed, "notes", before.notes(), after.notes());
        compare(changed, "supervises", before.supervises(), after.supervises());
        return changed;
    }

    private static void compare(Map<String, Object> changed, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changed.put(field, change);
        }
    }

    private static String name(String raw) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw Refusal.invalid("'name' must have 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    /** Lower-case, without a leading {@code @} or a trailing dot, each once; refused when not a domain or free mail. */
    static List<String> domains(List<String> raw) {
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        for (String given : raw) {
            String domain = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid_domain", "'" + given + "' is not a domain such as example.com");
            }
            if (FreeMailDomains.isFreeMail(domain)) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "free_mail_domain", domain
                        + " is a free-mail domain: anyone can have an address there, so it cannot be a company's");
            }
            domains.add(domain);
        }
        return List.copyOf(domains);
    }

    private static List<String> emails(List<String> raw) {
        LinkedHashSet<String> emails = new LinkedHashSet<>();
        for (String given : raw) {
            String email = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
            if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid_email", "'" + given + "' is not an email address");
            }
            emails.add(email);
        }
        return List.copyOf(emails);
    }

    private List<String> phones(List<String> raw) {
        List<String> numbers = new ArrayList<>();
        for (String given : raw) {
            try {
                String number = phones.toE164(given);
                if (!numbers.contains(number)) {
                    numbers.add(number);
                }
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid_phone", e.getMessage());
            }
        }
        return List.copyOf(numbers);
    }

    private static Refusal unknownAgent(List<Long> ids) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown_agent", "no active employee " + ids);
    }

    private static Refusal unknownGroup(List<Long> ids) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown_group", "no group " + ids);
    }

    private static void refuseTakenName(CompanyQueries queries, String name, long id) {
        if (queries.nameTaken(name, id)) {
            throw nameTaken(name);
        }
    }

    private static Refusal nameTaken(String name) {
        return new Refusal(Refusal.Kind.CONFLICT, "name_taken", "a company named '" + name + "' exists already");
    }

    /** Runs the write in a transaction; a name or domain taken meanwhile by another request is a conflict too. */
    private <T> T write(String name, java.util.function.Function<CompanyQueries, T> write) {
        try {
            return transactions.inTransaction((handle, afterCommit) -> write.apply(new CompanyQueries(handle)));
        } catch (UnableToExecuteStatementException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("company_name_key")) {
                throw nameTaken(name == null ? "" : name.strip());
            }
            if (message.contains("company_domain_pkey")) {
                throw Refusal.conflict("a domain was just given to another company; reload and try again");
            }
            throw e;
        }
    }
}
