package io.supporthub.channels.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared third-party email corpus, found by walking up from the working directory to {@code shared/corpus}. */
public final class Corpus {

    private Corpus() {
    }

    public static Path email() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/email");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus/email not found above " + Path.of("").toAbsolutePath());
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
