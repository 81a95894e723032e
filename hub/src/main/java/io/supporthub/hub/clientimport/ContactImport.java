package io.supporthub.hub.clientimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.supporthub.channels.Address;
import io.supporthub.channels.AddressKind;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports contacts from the {@link ContactCsv}: each line in a transaction of its own, so a refused line stores
 * nothing and the others are kept. A line's email and phone find the contact: none (created), one (updated with the
 * fields the line gives), or two different ones (refused: an import never merges). A line that changes nothing answers
 * updated with {@code changed: false} and writes no history, so the same file imported twice changes nothing the
 * second time.
 */
public final class ContactImport {

    private static final Logger log = LoggerFactory.getLogger(ContactImport.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>(),;:\"\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final int MAX_NAME = 200;

    /** The outcome of one line. */
    public record LineResult(long line, String outcome, Long contactId, String reason, Boolean changed) {
        static LineResult refused(long line, String reason) {
            return new LineResult(line, "refused", null, reason, null);
        }
    }

    /** Every line's outcome and the counts. */
    public record Report(List<LineResult> lines, int created, int updated, int refused) {
    }

    private final Transactions transactions;
    private final PhoneNumbers phones;
    private final Clock clock;

    public ContactImport(Transactions transactions, PhoneNumbers phones, Clock clock) {
        this.transactions = transactions;
        this.phones = phones;
        this.clock = clock;
    }

    public Report run(List<ContactCsv.Line> lines, long actorAgentId) {
        List<LineResult> results = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int refused = 0;
        for (ContactCsv.Line line : lines) {
            LineResult result = one(line, actorAgentId);
            results.add(result);
            switch (result.outcome()) {
                case "created" -> created++;
                case "updated" -> updated++;
                default -> refused++;
            }
        }
        log.info("Contact import by agent {}: {} lines, {} created, {} updated, {} refused", actorAgentId, lines.size(),
                created, updated, refused);
        return new Report(results, created, updated, refused);
    }

    /** Why a line is refused; thrown inside its transaction, so everything it wrote is rolled back. */
    private static final class LineRefused extends RuntimeException {
        LineRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    private LineResult one(ContactCsv.Line line, long actor) {
        Parsed parsed;
        try {
            parsed = parse(line);
        } catch (LineRefused e) {
            return LineResult.refused(line.line(), e.getMessage());
        }
        try {
            return transactions.inTransactionRetryingConflicts((handle, afterCommit) -> store(handle, line.line(), parsed, actor));
        } catch (LineRefused e) {
            return LineResult.refused(line.line(), e.getMessage());
        }
    }

    private record Parsed(String name, List<Address> addresses, String company, String category) {
    }

    private Parsed parse(ContactCsv.Line line) {
        String name = line.get("name");
        if (name != null && name.length() > MAX_NAME) {
            throw new LineRefused("the name is longer than " + MAX_NAME + " characters");
        }
        List<Address> addresses = new ArrayList<>();
        String email = line.get("email");
        if (email != null) {
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                throw new LineRefused("'" + email + "' is not an email address");
            }
            addresses.add(new Address(AddressKind.EMAIL, email.toLowerCase(Locale.ROOT)));
        }
        String phone = line.get("phone");
        if (phone != null) {
            try {
                addresses.add(new Address(AddressKind.PHONE, phones.toE164(phone)));
            } catch (IllegalArgumentException e) {
                throw new LineRefused(e.getMessage());
            }
        }
        if (addresses.isEmpty()) {
            throw new LineRefused("no address: a line needs an email or a phone");
        }
        String company = line.get("company");
        String category = line.get("category");
        if (category != null && company == null) {
            throw new LineRefused("the category '" + category + "' is given without a company");
        }
        if (company != null && company.length() > MAX_NAME) {
            throw new LineRefused("the company's name is longer than " + MAX_NAME + " characters");
        }
        return new Parsed(name, addresses, company, category);
    }

    private LineResult store(Handle handle, long lineNumber, Parsed line, long actor) {
        ContactQueries contacts = new ContactQueries(handle);
        ImportQueries queries = new ImportQueries(handle);
        Instant now = clock.instant();
        Map<Address, Long> owners = new LinkedHashMap<>();
        List<Address> unowned = new ArrayList<>();
        for (Address address : line.addresses()) {
            contacts.lockAddress(address).map(AddressRow::contactId).ifPresentOrElse(
                    owner -> owners.put(address, owner), () -> unowned.add(address));
        }
        Set<Long> found = new LinkedHashSet<>(owners.values());
        if (found.size() > 1) {
            List<Long> ids = List.copyOf(found);
            throw new LineRefused("the " + describe(owners, ids.get(0)) + " belongs to contact " + ids.get(0) + " and the "
                    + describe(owners, ids.get(1)) + " to contact " + ids.get(1) + "; an import never merges contacts");
        }
        Long companyId = line.company() == null ? null : company(queries, line, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (found.isEmpty()) {
            long contactId = contacts.createContact(line.name(), null, now);
            for (Address address : unowned) {
                addOwn(contacts, contactId, address, now);
            }
            if (companyId != null) {
                queries.setCompany(contactId, companyId);
            }
            queries.recomputeSearch(contactId);
            detail.put("name", line.name());
            detail.put("addresses", line.addresses().stream().map(Address::value).toList());
            detail.put("companyId", companyId);
            queries.event(contactId, companyId, "imported", actor, json(detail), now);
            return new LineResult(lineNumber, "created", contactId, null, null);
        }
        long contactId = found.iterator().next();
        ImportQueries.ImportedContact contact = queries.contact(contactId).orElseThrow();
        if (line.name() != null && !line.name().equals(contact.name())) {
            queries.setName(contactId, line.name());
            detail.put("name", Map.of("from", String.valueOf(contact.name()), "to", line.name()));
        }
        for (Address address : unowned) {
            addOwn(contacts, contactId, address, now);
        }
        if (!unowned.isEmpty()) {
            detail.put("addressesAdded", unowned.stream().map(Address::value).toList());
        }
        if (companyId != null && (!companyId.equals(contact.companyId()) || !"person".equals(contact.companySource()))) {
            queries.setCompany(contactId, companyId);
            Map<String, Object> company = new LinkedHashMap<>();
            company.put("from", contact.companyId());
            company.put("to", companyId);
            detail.put("company", company);
        }
        if (detail.isEmpty()) {
            return new LineResult(lineNumber, "updated", contactId, null, false);
        }
        queries.recomputeSearch(contactId);
        queries.event(contactId, companyId, "updated_by_import", actor, json(detail), now);
        return new LineResult(lineNumber, "updated", contactId, null, true);
    }

    /**
     * Adds the address, which no contact had when the line looked; one that another contact took meanwhile (a customer's
     * first message arriving at that moment) refuses the line, so that nothing is stored half.
     */
    private static void addOwn(ContactQueries contacts, long contactId, Address address, Instant now) {
        AddressRow row = contacts.addAddress(contactId, address, now);
        if (row.contactId() != contactId) {
            throw new LineRefused("the " + (address.kind() == AddressKind.EMAIL ? "email " : "phone ") + address.value()
                    + " was just added to contact " + row.contactId() + "; import the line again");
        }
    }

    /**
     * The line's company by name (any case), created with the line's category when there is none; the category must
     * exist. An existing company keeps its own category: a contact's line does not reclassify its company.
     */
    private static long company(ImportQueries queries, Parsed line, Instant now) {
        Long categoryId = null;
        if (line.category() != null) {
            categoryId = queries.categoryByName(line.category())
                    .orElseThrow(() -> new LineRefused("no client category '" + line.category() + "'"));
        }
        Optional<Long> existing = queries.companyByName(line.company());
        if (existing.isPresent()) {
            return existing.get();
        }
        return queries.createCompany(line.company(), categoryId, now);
    }

    private static String describe(Map<Address, Long> owners, long contactId) {
        return owners.entrySet().stream().filter(e -> e.getValue() == contactId).findFirst()
                .map(e -> (e.getKey().kind() == AddressKind.EMAIL ? "email " : "phone ") + e.getKey().value()).orElse("address");
    }

    private static String json(Map<String, Object> detail) {
        try {
            return Json.MAPPER.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
