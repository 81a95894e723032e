package io.supporthub.templates.canned;

import io.supporthub.templates.Languages;
import io.supporthub.templates.Utf8Properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The canned replies the hub seeds into its database on first start, by situation (greeting, waiting for
 * information, delivery, refunds and payments, technical problem, closing), in every supported language, read once
 * from {@code canned_<language>.properties}. Immutable and thread-safe.
 */
public final class DefaultCannedReplies {
    private final Map<String, List<CannedReplyGroup>> byLanguage = new HashMap<>();

    /** @throws IllegalStateException when a bundled file is missing or malformed (a packaging error) */
    public DefaultCannedReplies() {
        for (String language : Languages.SUPPORTED) {
            byLanguage.put(language, load(language));
        }
    }

    /** The groups in order, for a language tag (fr-CA gives French, unknown tags English). */
    public List<CannedReplyGroup> forLanguage(String language) {
        return byLanguage.get(Languages.resolve(language));
    }

    private static List<CannedReplyGroup> load(String language) {
        String resource = "canned_" + language + ".properties";
        Properties p = Utf8Properties.load(DefaultCannedReplies.class, resource);
        String groupKeys = required(p, resource, "groups");
        List<CannedReplyGroup> groups = new ArrayList<>();
        for (String key : groupKeys.split(",")) {
            String group = key.strip();
            List<CannedReply> replies = new ArrayList<>();
            for (int n = 1; p.containsKey(group + "." + n + ".title"); n++) {
                replies.add(new CannedReply(n, p.getProperty(group + "." + n + ".title"),
                        required(p, resource, group + "." + n + ".body")));
            }
            if (replies.isEmpty()) {
                throw new IllegalStateException(resource + ": group '" + group + "' has no replies (" + group + ".1.title)");
            }
            groups.add(new CannedReplyGroup(group, groups.size() + 1, required(p, resource, group + ".name"), replies));
        }
        return List.copyOf(groups);
    }

    private static String required(Properties p, String resource, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(resource + " lacks the key '" + key + "'");
        }
        return value;
    }
}
