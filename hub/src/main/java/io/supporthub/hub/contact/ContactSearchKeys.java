package io.supporthub.hub.contact;

import org.jdbi.v3.core.Handle;

/**
 * The SQL of {@code contact.search_keys}, what agents type to find a customer, computed from the contact's name and
 * its stored addresses: the name's words folded ({@code search_fold}: any case, without accents, {@code ё} as
 * {@code е}); every address's words folded, and the local part of an email split at its dots, dashes, underscores and
 * pluses; verbatim keys for each email whole, its local part and its domain; and for each phone {@code #} then its
 * digits reversed, so that a number's last digits are a prefix of its key ({@code +33612345678} is
 * {@code #87654321633}, found by {@code '#8765':*}). The write path, the back-fill and the benchmark's generator all
 * use this one expression.
 */
public final class ContactSearchKeys {

    /** The mark of a phone's key: never produced by the text parser, so no word is mistaken for a phone. */
    public static final String PHONE_MARK = "#";

    /** The back-fill (a row of the table backfill) that fills the keys of the contacts written before them. */
    public static final String BACKFILL = "contact_search_keys";

    private ContactSearchKeys() {
    }

    /** Fills the keys of the contacts with ids in [fromId, toId) that have none yet: the back-fill's batch. */
    public static long fill(Handle handle, long fromId, long toId) {
        return handle.createUpdate("update contact set search_keys = " + of("contact.name", "contact.id")
                        + " where id >= :fromId and id < :toId and search_keys is null")
                .bind("fromId", fromId).bind("toId", toId).execute();
    }

    /**
     * The keys of the contact, as an SQL expression.
     *
     * @param name      the SQL of the contact's name (a column or a bind)
     * @param contactId the SQL of the contact's id, whose stored addresses are read: qualified (say {@code contact.id}),
     *                  since a bare {@code id} would be the address's own
     */
    public static String of(String name, String contactId) {
        return "strip(to_tsvector('simple', search_fold(coalesce(" + name + ", '')))"
                + " || coalesce((select to_tsvector('simple', search_fold(string_agg(a.value || ' ' || case "
                + "when a.kind = 'email' then translate(split_part(a.value, '@', 1), '._-+', '    ') else '' end, ' '))) "
                + "from contact_address a where a.contact_id = " + contactId + "), '')"
                + " || coalesce((select array_to_tsvector(array_agg(k.key)) from contact_address a cross join lateral "
                + "unnest(case a.kind when 'phone' then array['" + PHONE_MARK + "' || reverse(regexp_replace(a.value, '[^0-9]', '', 'g'))] "
                + "when 'email' then array[search_fold(a.value), search_fold(split_part(a.value, '@', 1)), "
                + "search_fold(substr(a.value, strpos(a.value, '@') + 1))] end) k(key) "
                + "where a.contact_id = " + contactId + " and k.key not in ('', '" + PHONE_MARK + "')), ''))";
    }
}
