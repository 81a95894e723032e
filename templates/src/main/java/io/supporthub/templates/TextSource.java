package io.supporthub.templates;

/**
 * Where the template text for a key comes from. {@link DefaultTexts} gives the shipped defaults; the hub may wrap it
 * to let admins override texts stored in its database.
 */
@FunctionalInterface
public interface TextSource {
    /**
     * @param language a language tag as the customer's client reports it (resolved with {@link Languages#resolve})
     * @return the Mustache template for the key, never null
     */
    String template(String language, TextKey key);
}
