package io.supporthub.hub.ticket.search;

import io.supporthub.channels.PhoneNumbers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of the search box, each to be found somewhere in a ticket (its subject, a message, its customer): two
 * words mean both. A word of digits, with or without a leading {@code #}, also names the ticket of that number. A phone
 * number written in groups ({@code +33 6 12 34 56 78}, {@code (06) 12-34-56-78}) is one word, and a word that looks
 * like a phone also finds the customers whose number ends in its digits.
 */
public record SearchTerms(List<Word> words) {

    private static final Pattern TOKEN_JUNK = Pattern.compile("[^\\p{L}\\p{N}@._+/-]");
    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");
    /** A piece of a written phone number: digits and the punctuation people put between them. */
    private static final Pattern PHONE_PIECE = Pattern.compile("\\+?[\\d().\\-/]*\\d[\\d().\\-/]*");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    /** The fewest last digits that find a customer's phone. */
    static final int MIN_PHONE_ENDING = 4;
    /** The most digits of a number written in groups: 15 in E.164, and an international prefix such as 00. */
    private static final int MAX_PHONE_DIGITS = 17;
    private static final PhoneNumbers INTERNATIONAL_ONLY = new PhoneNumbers(null);

    /**
     * One word as typed (cleaned, lower case), the ticket number it may be, and the digits a customer's phone may end
     * in (the whole number in E.164 without {@code +}, and the digits as written without leading zeros).
     */
    public record Word(String text, Long ticketNumber, List<String> phoneEndings) {
    }

    /** Null when the text has no word. Phone numbers without {@code +} are only read as their last digits. */
    public static SearchTerms parse(String text) {
        return parse(text, INTERNATIONAL_ONLY);
    }

    /** Null when the text has no word; phone numbers without {@code +} are read in the default region of phones. */
    public static SearchTerms parse(String text, PhoneNumbers phones) {
        List<Word> words = new ArrayList<>();
        List<String> typed = List.of(text.strip().split("\\s+"));
        for (int i = 0; i < typed.size(); ) {
            int end = phoneRunEnd(typed, i);
            if (end > i + 1) {
                words.add(phone(String.join(" ", typed.subList(i, end)), phones));
                i = end;
                continue;
            }
            words.addAll(word(typed.get(i), phones));
            i++;
        }
        return words.isEmpty() ? null : new SearchTerms(List.copyOf(words));
    }

    private static List<Word> word(String typed, PhoneNumbers phones) {
        var number = TICKET_NUMBER.matcher(typed);
        Long ticketNumber = number.matches() ? Long.valueOf(number.group(1)) : null;
        String token = TOKEN_JUNK.matcher(typed).replaceAll("").toLowerCase(Locale.ROOT);
        if (token.isEmpty()) {
            return List.of();
        }
        boolean phoneLike = PHONE_PIECE.matcher(typed).matches() && !typed.startsWith("#");
        return List.of(new Word(token, ticketNumber, phoneLike ? phoneEndings(typed, phones) : List.of()));
    }

    /** A number written in groups, one word: its text is the number in E.164 when it is a valid one, else its digits. */
    private static Word phone(String written, PhoneNumbers phones) {
        String e164 = e164(written, phones);
        String text = e164 != null ? e164 : (written.startsWith("+") ? "+" : "") + NOT_DIGIT.matcher(written).replaceAll("");
        return new Word(text, null, phoneEndings(written, phones));
    }

    /**
     * Where the phone number written in groups from {@code start} ends (exclusive), or {@code start + 1} when the
     * tokens there are no such number. Groups are joined when the first starts as a phone does ({@code +}, {@code 0},
     * {@code (}) or when there are three groups or more with at least 8 digits: {@code 1042 2048} stays two words.
     */
    private static int phoneRunEnd(List<String> typed, int start) {
        int end = start;
        int digits = 0;
        while (end < typed.size() && PHONE_PIECE.matcher(typed.get(end)).matches()
                && digits + digitCount(typed.get(end)) <= MAX_PHONE_DIGITS) {
            digits += digitCount(typed.get(end));
            end++;
        }
        String first = typed.get(start);
        boolean startsAsPhone = first.startsWith("+") || first.startsWith("0") || first.startsWith("(");
        return end - start >= 2 && (startsAsPhone || (end - start >= 3 && digits >= 8)) ? end : start + 1;
    }

    private static int digitCount(String text) {
        return NOT_DIGIT.matcher(text).replaceAll("").length();
    }

    private static List<String> phoneEndings(String written, PhoneNumbers phones) {
        Set<String> endings = new LinkedHashSet<>();
        String e164 = e164(written, phones);
        if (e164 != null) {
            endings.add(e164.substring(1));
        }
        String digits = NOT_DIGIT.matcher(written).replaceAll("").replaceFirst("^0+", "");
        if (digits.length() >= MIN_PHONE_ENDING) {
            endings.add(digits);
        }
        return List.copyOf(endings);
    }

    /** The number in E.164 when it is a valid one: international ({@code +}, {@code 00}), or in the default region. */
    private static String e164(String written, PhoneNumbers phones) {
        String number = written.strip();
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (number.startsWith("+")) {
            return PhoneNumbers.international(number, false).orElse(null);
        }
        if (phones.defaultRegion() == null) {
            return null;
        }
        try {
            return phones.toE164(number);
        } catch (IllegalArgumentException notAValidNumber) {
            return null;
        }
    }
}
