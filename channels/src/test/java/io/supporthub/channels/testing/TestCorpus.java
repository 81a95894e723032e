package io.supporthub.channels.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;

/**
 * The third-party payloads in the channels' test resources ({@code channels/src/test/resources/corpus}, origins and
 * licences in its NOTICE.md), read from the classpath, so the tests need nothing beside the repository. Other
 * modules read them through the channels' test-jar.
 */
public final class TestCorpus {

    private TestCorpus() {
    }

    /** A folder of the corpus, such as {@code dir("email")}, where the test classes are a folder (the channels' tests). */
    public static Path dir(String relative) {
        URL url = url(relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | FileSystemNotFoundException e) {
            throw new IllegalStateException("corpus/" + relative + " is not a folder: " + url, e);
        }
    }

    /** A file of the corpus, such as {@code string("viber/signature_vectors.json")}, from a folder or a jar. */
    public static String string(String relative) {
        try (InputStream in = url(relative).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(String relative) {
        URL url = TestCorpus.class.getResource("/corpus/" + relative);
        if (url == null) {
            throw new IllegalStateException("corpus/" + relative + " is not on the test classpath");
        }
        return url;
    }
}
