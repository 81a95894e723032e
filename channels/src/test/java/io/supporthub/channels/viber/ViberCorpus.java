package io.supporthub.channels.viber;

import io.supporthub.channels.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the third-party Viber payloads in the test resources ({@code corpus/viber}). */
final class ViberCorpus {

    private ViberCorpus() {
    }

    static Path dir() {
        return TestCorpus.dir("viber");
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
