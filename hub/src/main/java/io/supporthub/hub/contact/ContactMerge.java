package io.supporthub.hub.contact;

import io.supporthub.hub.contact.ContactCardQueries.Head;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merging one contact into another (issue 17, seniors and administrators, never automatic): in one transaction that
 * locks both contacts, every address (with the bot's state, which lives on the address), every ticket (with its
 * ratings, which live on the ticket), the observers and the notes go to the target; the company is the one chosen.
 * Nothing is deleted: the merged contact stays, marked and pointing to the target, and both histories say so.
 */
public final class ContactMerge {

    /** Which company the merged result keeps. */
    public enum CompanyChoice { SOURCE, TARGET }

    private final Transactions transactions;
    private final Clock clock;

    public ContactMerge(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Merges {@code sourceId} into {@code targetId}; answers the target's card. */
    public Map<String, Object> merge(long sourceId, long targetId, CompanyChoice company, long actor) {
        if (sourceId == targetId) {
            throw new Refusal(Refusal.Kind.CONFLICT, "merge_into_itself", "a contact cannot be merged into itself");
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            ContactCardQueries cards = new ContactCardQueries(handle);
            Map<Long, Head> locked = cards.lockBoth(sourceId, targetId);
            Head source = locked.get(sourceId);
            Head target = locked.get(targetId);
            if (source == null) {
                throw Refusal.notFound("no contact " + sourceId);
            }
            if (target == null) {
                throw Refusal.unprocessable("no contact " + targetId + " to merge into");
            }
            if (source.mergedIntoId() != null) {
                throw new Refusal(Refusal.Kind.CONFLICT, "already_merged", "contact " + sourceId
                        + " was already merged into contact " + source.mergedIntoId());
            }
            if (target.mergedIntoId() != null) {
                throw new Refusal(Refusal.Kind.CONFLICT, "target_merged", "contact " + targetId
                        + " was merged into contact " + target.mergedIntoId() + "; merge into that one");
            }
            Instant now = clock.instant();
            int addresses = cards.moveAddresses(sourceId, targetId);
            int tickets = cards.moveTickets(sourceId, targetId, Map.of(
                    "from", Map.of("id", sourceId, "name", String.valueOf(source.name())),
                    "into", Map.of("id", targetId, "name", String.valueOf(target.name()))), actor, now);
            cards.moveObservers(sourceId, targetId);
            if (source.notes() != null && !source.notes().isBlank()) {
                cards.setNotes(targetId, target.notes() == null || target.notes().isBlank() ? source.notes()
                        : target.notes() + "\n\n" + source.notes());
            }
            if (company == CompanyChoice.SOURCE) {
                cards.setCompany(targetId, source.companyId(), source.companySource());
            }
            if (target.managerAgentId() == null && target.managerGroupId() == null
                    && (source.managerAgentId() != null || source.managerGroupId() != null)) {
                cards.setManager(targetId, source.managerAgentId(), source.managerGroupId());
            }
            if (target.name() == null && source.name() != null) {
                cards.rename(targetId, source.name());
            }
            cards.markMerged(sourceId, targetId, now);
            cards.refreshSearch(sourceId);
            cards.refreshSearch(targetId);
            Head kept = cards.head(targetId).orElseThrow();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("from", Map.of("id", sourceId, "name", String.valueOf(source.name())));
            detail.put("into", Map.of("id", targetId, "name", String.valueOf(target.name())));
            detail.put("addresses", addresses);
            detail.put("tickets", tickets);
            detail.put("company", kept.companyId() == null ? null : Map.of("id", kept.companyId(), "name", kept.companyName()));
            detail.put("companyChoice", company.name().toLowerCase(java.util.Locale.ROOT));
            cards.event(sourceId, "merged", actor, detail, now);
            cards.event(targetId, "merged", actor, detail, now);
            return ContactService.cardIn(handle, targetId);
        });
    }
}
