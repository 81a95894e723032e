package io.supporthub.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads a bundled {@code .properties} file as UTF-8. */
public final class Utf8Properties {
    private Utf8Properties() {
    }

    /**
     * @param anchor   a class whose package the resource name is relative to
     * @throws IllegalStateException when the resource is missing (a packaging error)
     */
    public static Properties load(Class<?> anchor, String resource) {
        Properties properties = new Properties();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath next to " + anchor.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
        return properties;
    }
}
