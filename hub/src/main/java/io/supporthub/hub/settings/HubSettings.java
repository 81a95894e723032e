package io.supporthub.hub.settings;

/**
 * The settings an admin changes at run time (kept in the {@code setting} table, so every node reads the same):
 * the group new tickets go to (null: none), whether senior specialists see reports, the company's time zone (an IANA
 * id), and whether mail from a sender who is no contact yet makes a new contact and a ticket (else it is kept aside for an
 * employee to accept: see {@code EmailInbound}).
 */
public record HubSettings(Long defaultGroupId, boolean seniorsSeeReports, String timeZone,
                          boolean createContactsForUnknownSenders) {
}
