package io.supporthub.templates.notification;

import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsTest {
    private final Notifications notifications = new Notifications(new DefaultTexts(), new TemplateRenderer());

    private static Map<String, Object> vars() {
        return TemplateVariables.create().customer("D'Arcy <Жанна> & co").ticket(1042, "Screen <cracked>", "Pending")
                .agent("Marie").company("Acme").author("Paul").message("Line one & <two>\nLine 'three'")
                .link("https://hub.example.com/tickets/1042?tab=a&b=c").asMap();
    }

    @Test
    void ticketCreated_givesTheNumber_inEveryLanguage() {
        assertThat(notifications.render(Notification.TICKET_CREATED, "en", vars()).text())
                .contains("request #1042 \"Screen <cracked>\"").startsWith("Hello D'Arcy <Жанна> & co,");
        assertThat(notifications.render(Notification.TICKET_CREATED, "ru-RU", vars()).text())
                .contains("заявку №1042 «Screen <cracked>»");
        assertThat(notifications.render(Notification.TICKET_CREATED, "fr", vars()).subject())
                .isEqualTo("Votre demande n° 1042 a bien été reçue");
    }

    @Test
    void unknownLanguage_fallsBackToEnglish() {
        assertThat(notifications.render(Notification.TICKET_RESOLVED, "de", vars()).subject())
                .isEqualTo("Your request #1042 was resolved");
    }

    @Test
    void statusChanged_namesTheStatus() {
        RenderedNotification n = notifications.render(Notification.STATUS_CHANGED, "fr", vars());

        assertThat(n.subject()).isEqualTo("Demande n° 1042 : Pending");
        assertThat(n.text()).contains("est maintenant : Pending.");
    }

    @Test
    void plainText_isUnescaped_andHtml_isEscaped() {
        RenderedNotification reply = notifications.render(Notification.AGENT_REPLY, "en", vars());

        assertThat(reply.subject()).isEqualTo("Re: Screen <cracked>");
        assertThat(reply.text()).startsWith("Line one & <two>\nLine 'three'\n\n--\nMarie, Acme support\nRequest #1042.");
        assertThat(reply.html())
                .contains("Line one &amp; &lt;two&gt;<br>Line &#39;three&#39;")
                .contains("--<br>Marie, Acme support<br>Request #1042.")
                .contains("<title>Re: Screen &lt;cracked&gt;</title>")
                .contains("<html lang=\"en\">")
                .doesNotContain("<two>", "<cracked>");
    }

    @Test
    void cyrillic_survivesBothParts() {
        RenderedNotification n = notifications.render(Notification.TICKET_RESOLVED, "ru", vars());

        assertThat(n.text()).contains("Здравствуйте, D'Arcy <Жанна> & co!");
        assertThat(n.html()).contains("Здравствуйте, D&#39;Arcy &lt;Жанна&gt; &amp; co!").contains("<html lang=\"ru\">");
    }

    @Test
    void agentNotifications_carryAClickableLink() {
        RenderedNotification assigned = notifications.render(Notification.TICKET_ASSIGNED, "en", vars());
        RenderedNotification mentioned = notifications.render(Notification.MENTIONED, "ru", vars());

        assertThat(assigned.subject()).isEqualTo("Request #1042 was assigned to you");
        assertThat(assigned.text()).endsWith("Open it: https://hub.example.com/tickets/1042?tab=a&b=c");
        assertThat(assigned.html()).contains(
                "<a href=\"https://hub.example.com/tickets/1042?tab&#61;a&amp;b&#61;c\" style=\"color:#0b57d0;\">");
        assertThat(mentioned.subject()).isEqualTo("Paul упоминает вас в заявке №1042");
        assertThat(mentioned.text()).contains("Line one & <two>").endsWith("Открыть: https://hub.example.com/tickets/1042?tab=a&b=c");
    }

    @Test
    void queued_namesTheGroupWhoseQueueTheTicketArrivedIn() {
        Map<String, Object> vars = TemplateVariables.create().agent("Nora").ticket(77, "Printer", "Open")
                .customer("Ann").put("group.name", "Second line").link("https://h/tickets/77").asMap();

        RenderedNotification queued = notifications.render(Notification.QUEUED, "en", vars);

        assertThat(queued.subject()).isEqualTo("Request #77 is waiting in Second line");
        assertThat(queued.text()).contains("request #77 \"Printer\" from Ann arrived in the queue of Second line")
                .endsWith("Open it: https://h/tickets/77");
    }

    @Test
    void mention_withoutAuthor_saysAColleague() {
        Map<String, Object> vars = TemplateVariables.create().ticket(5, "S", "Open").link("https://h/t/5").asMap();

        assertThat(notifications.render(Notification.MENTIONED, "en", vars).subject())
                .isEqualTo("A colleague mentioned you on request #5");
    }

    @Test
    void subject_neverSpansLines() {
        Map<String, Object> vars = TemplateVariables.create().ticket(5, "Evil\r\nBcc: x@y", "Open").asMap();

        assertThat(notifications.render(Notification.AGENT_REPLY, "en", vars).subject()).isEqualTo("Re: Evil Bcc: x@y");
    }

    @Test
    void everyNotification_rendersInEveryLanguage_withoutLeftoverTags() {
        for (String language : Languages.SUPPORTED) {
            for (Notification kind : Notification.values()) {
                RenderedNotification n = notifications.render(kind, language, vars());
                assertThat(n.subject()).as(language + " " + kind).isNotBlank().doesNotContain("{{");
                assertThat(n.text()).as(language + " " + kind).contains("1042").doesNotContain("{{");
                assertThat(n.html()).as(language + " " + kind).startsWith("<!DOCTYPE html>").doesNotContain("{{");
            }
        }
    }
}
