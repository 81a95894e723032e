package io.supporthub.bot;

import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TextKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BotTextsTest {

    @Test
    void theGreeting_namesTheCompanyWhenThereIsOne_andReadsWellWithout() {
        BotTexts named = new BotTexts(new DefaultTexts(), new TemplateRenderer(), "Acme");
        BotTexts unnamed = new BotTexts(new DefaultTexts(), new TemplateRenderer(), null);
        assertThat(named.say("en", TextKey.BOT_GREETING)).startsWith("Hello! You are writing to Acme support.");
        assertThat(unnamed.say("en", TextKey.BOT_GREETING)).startsWith("Hello! You are writing to support.");
        assertThat(unnamed.say("fr", TextKey.BOT_GREETING)).startsWith("Bonjour ! Vous écrivez au support.");
        assertThat(unnamed.say("ru", TextKey.BOT_GREETING)).startsWith("Здравствуйте! Вы пишете в службу поддержки.");
    }
}
