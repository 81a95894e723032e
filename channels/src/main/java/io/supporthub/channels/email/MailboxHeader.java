package io.supporthub.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one mailbox an address header (From, Sender, Reply-To) names, read from the raw header as RFC 5322 writes it:
 * the address is what stands in the angle brackets, or the whole bare address. Nothing from the display name (before
 * or after decoding its encoded words) ever becomes the address; a header naming no mailbox, several, or an address
 * that is not one names none.
 */
final class MailboxHeader {

    static final Pattern ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

    /** A sender's address and display name (decoded, control characters made spaces; null when there is none). */
    record Mailbox(String address, String name) {
    }

    private MailboxHeader() {
    }

    static Optional<Mailbox> single(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        List<Mailbox> mailboxes = new ArrayList<>();
        for (Segment segment : segments(raw.replaceAll("\r?\n", ""))) {
            Candidate candidate = segment.candidate();
            if (candidate == Candidate.INVALID) {
                return Optional.empty();
            }
            if (candidate == Candidate.MAILBOX) {
                mailboxes.add(segment.mailbox());
            }
        }
        return mailboxes.size() == 1 ? Optional.of(mailboxes.get(0)) : Optional.empty();
    }

    private enum Candidate { NONE, MAILBOX, INVALID }

    /** One comma-separated part of the header: the text outside brackets, what stood in them, and comments. */
    private static final class Segment {
        final StringBuilder phrase = new StringBuilder();
        final StringBuilder comment = new StringBuilder();
        final List<String> angles = new ArrayList<>();
        boolean unclosed;

        Candidate candidate() {
            if (unclosed || angles.size() > 1) {
                return Candidate.INVALID;
            }
            if (angles.size() == 1) {
                return ADDRESS.matcher(angleAddress()).matches() ? Candidate.MAILBOX : Candidate.INVALID;
            }
            String bare = phrase.toString().strip();
            if (ADDRESS.matcher(bare).matches()) {
                return Candidate.MAILBOX;
            }
            // A fragment without '@' is a piece of an unquoted display name cut at its comma ("Smith, John <j@x>")
            // or an empty group: no mailbox. Anything else holding an address we cannot read is a reason to refuse.
            return bare.indexOf('@') >= 0 ? Candidate.INVALID : Candidate.NONE;
        }

        /** The bracketed address without an obsolete source route ({@code <@relay:eve@example.org>}). */
        String angleAddress() {
            String inside = angles.get(0).strip();
            return inside.startsWith("@") && inside.indexOf(':') > 0 ? inside.substring(inside.indexOf(':') + 1).strip() : inside;
        }

        Mailbox mailbox() {
            if (angles.isEmpty()) {
                return new Mailbox(phrase.toString().strip(), name(comment.toString()));
            }
            return new Mailbox(angleAddress(), name(phrase.toString()));
        }
    }

    private static String name(String raw) {
        String decoded = MailText.decodeHeader(raw);
        if (decoded == null) {
            return null;
        }
        String name = CONTROL.matcher(decoded).replaceAll(" ").strip();
        return name.isEmpty() ? null : name;
    }

    /** Splits at commas outside quoted strings, comments and angle brackets; quotes and escapes are dropped. */
    private static List<Segment> segments(String header) {
        List<Segment> segments = new ArrayList<>();
        Segment segment = new Segment();
        StringBuilder angle = null;
        boolean quoted = false;
        int commentDepth = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            StringBuilder target = commentDepth > 0 ? segment.comment : angle != null ? angle : segment.phrase;
            if ((quoted || commentDepth > 0) && c == '\\' && i + 1 < header.length()) {
                target.append(header.charAt(++i));
            } else if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    target.append(c);
                }
            } else if (c == '(') {
                commentDepth++;
            } else if (c == ')' && commentDepth > 0) {
                commentDepth--;
            } else if (commentDepth > 0) {
                target.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<' && angle == null) {
                angle = new StringBuilder();
            } else if (c == '>' && angle != null) {
                segment.angles.add(angle.toString());
                angle = null;
            } else if (c == ',' && angle == null) {
                segments.add(segment);
                segment = new Segment();
            } else {
                target.append(c);
            }
        }
        if (angle != null || quoted || commentDepth > 0) {
            // "<eve@example.org" without its closing bracket, or a quote or comment left open: nothing can be told
            segment.unclosed = true;
        }
        segments.add(segment);
        return segments;
    }
}
