package io.supporthub.channels.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads the third-party Twilio payloads in {@code shared/corpus/twilio}, found by walking up from the working dir. */
final class TwilioCorpus {

    private TwilioCorpus() {
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpus/twilio");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus/twilio not found above " + Path.of("").toAbsolutePath());
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** A botbuilder-community WhatsApp adapter form, raw and decoded. */
    static String rawForm(String name) {
        try {
            return Files.readString(dir().resolve("botbuilder-community-whatsapp").resolve(name + ".form"),
                    StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<String>> form(String name) {
        return TwilioForm.parse(rawForm(name));
    }
}
