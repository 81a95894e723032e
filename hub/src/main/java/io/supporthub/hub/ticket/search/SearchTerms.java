package io.supporthub.hub.ticket.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of the search box, each to be found somewhere in a ticket (its subject, a message, its customer): two
 * words mean both. A word of digits, with or without a leading {@code #}, also names the ticket of that number.
 */
public record SearchTerms(List<Word> words) {

    private static final Pattern TOKEN_JUNK = Pattern.compile("[^\\p{L}\\p{N}@._+/-]");
    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

    /** One word as typed (cleaned, lower case), and the ticket number it may be. */
    public record Word(String text, Long ticketNumber) {
    }

    /** Null when the text has no word. */
    public static SearchTerms parse(String text) {
        List<Word> words = new ArrayList<>();
        for (String typed : text.strip().split("\\s+")) {
            var number = TICKET_NUMBER.matcher(typed);
            Long ticketNumber = number.matches() ? Long.valueOf(number.group(1)) : null;
            String token = TOKEN_JUNK.matcher(typed).replaceAll("").toLowerCase(Locale.ROOT);
            if (!token.isEmpty()) {
                words.add(new Word(token, ticketNumber));
            }
        }
        return words.isEmpty() ? null : new SearchTerms(List.copyOf(words));
    }
}
