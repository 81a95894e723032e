package io.supporthub.channels.sms;

import io.supporthub.channels.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads the third-party Twilio payloads in the test resources ({@code corpus/twilio}). */
final class TwilioCorpus {

    private TwilioCorpus() {
    }

    static Path dir() {
        return TestCorpus.dir("twilio");
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
