package io.supporthub.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-IDs as the hub stores them: without angle brackets. */
final class MessageIds {

    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");

    private MessageIds() {
    }

    /** The ids in an In-Reply-To or References value, in order; bare ids (no brackets) are accepted too. */
    static List<String> parse(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue == null || headerValue.isBlank()) {
            return ids;
        }
        Matcher m = ANGLE_ID.matcher(headerValue);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : headerValue.strip().split("[\\s,]+")) {
                if (token.contains("@")) {
                    ids.add(token.replaceAll("^<|>$", ""));
                }
            }
        }
        return ids;
    }

    static String first(String headerValue) {
        List<String> ids = parse(headerValue);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static String bracketed(String id) {
        return "<" + id + ">";
    }
}
