package io.supporthub.templates;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultTextsTest {
    private final DefaultTexts texts = new DefaultTexts();
    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void everyKey_existsAndIsAValidTemplate_inEveryLanguage() {
        for (String language : Languages.SUPPORTED) {
            Map<TextKey, String> all = texts.all(language);
            assertThat(all).as(language).containsOnlyKeys(TextKey.values());
            all.forEach((key, template) -> {
                assertThat(template).as(language + " " + key).isNotBlank();
                renderer.validate(template, TemplateVariables.ALL);
            });
        }
    }

    @Test
    void russianAndFrench_areTranslated() {
        for (TextKey key : TextKey.values()) {
            if (key == TextKey.REPLY_SUBJECT || key == TextKey.BOT_BUTTON_MENU) {
                continue; // "Re: ..." and "Menu" read the same in French
            }
            assertThat(texts.template("ru", key)).as("ru " + key).isNotEqualTo(texts.template("en", key));
            assertThat(texts.template("fr", key)).as("fr " + key).isNotEqualTo(texts.template("en", key));
        }
        assertThat(texts.template("ru", TextKey.BOT_BUTTON_MENU)).isEqualTo("Меню");
    }

    @Test
    void languageTag_fallsBack() {
        assertThat(texts.template("fr-CA", TextKey.BOT_BUTTON_NEW)).isEqualTo("Nouvelle demande");
        assertThat(texts.template("es", TextKey.BOT_BUTTON_NEW)).isEqualTo("New request");
        assertThat(texts.template(null, TextKey.BOT_BUTTON_NEW)).isEqualTo("New request");
    }

    @Test
    void statusLabel_isLocalised_andUnknownStatusKeepsItsName() {
        assertThat(texts.statusLabel("ru", "awaiting_reply")).isEqualTo("Ждём вашего ответа");
        assertThat(texts.statusLabel("fr", "resolved")).isEqualTo("Résolue");
        assertThat(texts.statusLabel("en", "closed")).isEqualTo("Closed");
        assertThat(texts.statusLabel("en", "weird")).isEqualTo("weird");
    }

    @Test
    void multiLineTexts_keepTheirLineBreaks() {
        String created = renderer.renderPlain(texts.template("en", TextKey.CREATED_TEXT),
                TemplateVariables.create().customer("Anna").ticket(1042, "Screen", null).company("Acme").asMap());

        assertThat(created).isEqualTo("Hello Anna,\n\nwe have received your request #1042 \"Screen\". "
                + "We will get back to you as soon as possible. To add details, simply reply to this message.\n\n"
                + "Acme support");
    }
}
