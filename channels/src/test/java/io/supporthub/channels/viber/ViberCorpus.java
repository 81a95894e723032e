package io.supporthub.channels.viber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared third-party Viber payloads in {@code shared/corpus/viber}, found by walking up from here. */
final class ViberCorpus {

    private ViberCorpus() {
    }

    static Path dir() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path corpus = at.resolve("shared/corpus/viber");
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        throw new IllegalStateException("shared/corpus/viber not found above " + Path.of("").toAbsolutePath());
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
