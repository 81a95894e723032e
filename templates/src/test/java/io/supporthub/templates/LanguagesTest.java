package io.supporthub.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {
    @Test
    void regionalTag_fallsBackToItsLanguage() {
        assertThat(Languages.resolve("fr-CA")).isEqualTo("fr");
        assertThat(Languages.resolve("ru_RU")).isEqualTo("ru");
        assertThat(Languages.resolve("RU")).isEqualTo("ru");
    }

    @Test
    void unknownMissingOrMalformedTag_fallsBackToEnglish() {
        assertThat(Languages.resolve("de")).isEqualTo("en");
        assertThat(Languages.resolve(null)).isEqualTo("en");
        assertThat(Languages.resolve(" ")).isEqualTo("en");
        assertThat(Languages.resolve("%%")).isEqualTo("en");
    }
}
