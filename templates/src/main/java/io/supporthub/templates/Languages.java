package io.supporthub.templates;

import java.util.List;
import java.util.Locale;

/** The languages the default texts come in, and how a customer's language tag maps onto them. */
public final class Languages {
    public static final String DEFAULT = "en";
    public static final List<String> SUPPORTED = List.of("en", "ru", "fr");

    private Languages() {
    }

    /**
     * The supported language for a tag: {@code fr-CA} and {@code fr_CA} give {@code fr}, {@code RU} gives
     * {@code ru}; null, blank or unsupported tags give {@link #DEFAULT}.
     */
    public static String resolve(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? language : DEFAULT;
    }
}
