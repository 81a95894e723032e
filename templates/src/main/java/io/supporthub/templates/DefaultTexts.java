package io.supporthub.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The shipped texts (notifications, bot texts, status labels) in every {@link Languages#SUPPORTED} language, read
 * once from {@code io/supporthub/templates/texts_<language>.properties} (UTF-8). Immutable and thread-safe.
 */
public final class DefaultTexts implements TextSource {
    private final Map<String, Map<TextKey, String>> byLanguage = new HashMap<>();

    /** @throws IllegalStateException when a bundled file is missing or lacks a key (a packaging error) */
    public DefaultTexts() {
        for (String language : Languages.SUPPORTED) {
            byLanguage.put(language, load(language));
        }
    }

    @Override
    public String template(String language, TextKey key) {
        return byLanguage.get(Languages.resolve(language)).get(key);
    }

    /** Every text of a language, e.g. for the hub to show or seed admin-editable copies. */
    public Map<TextKey, String> all(String language) {
        return Collections.unmodifiableMap(byLanguage.get(Languages.resolve(language)));
    }

    /** The label of a base status in a language, or the wire name itself when the status is unknown. */
    public String statusLabel(String language, String wireStatus) {
        return TextKey.forStatus(wireStatus).map(key -> template(language, key)).orElse(wireStatus);
    }

    private static Map<TextKey, String> load(String language) {
        String resource = "texts_" + language + ".properties";
        Properties properties = Utf8Properties.load(DefaultTexts.class, resource);
        Map<TextKey, String> texts = new EnumMap<>(TextKey.class);
        List<String> missing = new ArrayList<>();
        for (TextKey key : TextKey.values()) {
            String value = properties.getProperty(key.property());
            if (value == null) {
                missing.add(key.property());
            } else {
                texts.put(key, value);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("default texts " + resource + " lack the keys " + missing);
        }
        return texts;
    }
}
