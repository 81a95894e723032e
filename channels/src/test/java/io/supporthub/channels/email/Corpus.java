package io.supporthub.channels.email;

import io.supporthub.channels.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The third-party email corpus in the test resources ({@code corpus/email}; origins and licences in corpus/NOTICE.md). */
public final class Corpus {

    private Corpus() {
    }

    public static Path email() {
        return TestCorpus.dir("email");
    }

    public static Path email(String relative) {
        return email().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(email(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mail file of the corpus: not licences, notices, expected-output files or talon's extracted pairs. */
    public static List<Path> mailFiles() {
        try (Stream<Path> files = Files.walk(email())) {
            return files.filter(Files::isRegularFile)
                    .filter(Corpus::isMail)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMail(Path file) {
        String rel = email().relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        if (name.startsWith("LICENSE") || name.startsWith("NOTICE") || name.startsWith("README")) {
            return false;
        }
        if (rel.startsWith("talon/")) {
            return name.endsWith(".eml");
        }
        if (rel.startsWith("mime4j/")) {
            return name.endsWith(".msg") || rel.matches("mime4j/mbox/mbox\\.rlug-\\d+");
        }
        return true;
    }
}
