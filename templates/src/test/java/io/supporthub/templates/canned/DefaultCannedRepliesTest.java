package io.supporthub.templates.canned;

import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultCannedRepliesTest {
    private static final List<String> GROUPS = List.of("greeting", "waiting", "delivery", "refunds", "technical", "closing");

    private final DefaultCannedReplies defaults = new DefaultCannedReplies();
    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void everyLanguage_hasTheSameSixGroups_withThreeOrFourRepliesEach() {
        for (String language : Languages.SUPPORTED) {
            List<CannedReplyGroup> groups = defaults.forLanguage(language);
            assertThat(groups).extracting(CannedReplyGroup::key).as(language).containsExactlyElementsOf(GROUPS);
            assertThat(groups).extracting(CannedReplyGroup::position).containsExactly(1, 2, 3, 4, 5, 6);
            for (CannedReplyGroup group : groups) {
                assertThat(group.replies()).as(language + " " + group.key()).hasSizeBetween(3, 4);
                assertThat(group.replies()).extracting(CannedReply::position)
                        .containsExactlyElementsOf(List.of(1, 2, 3, 4).subList(0, group.replies().size()));
            }
        }
    }

    @Test
    void groupNames_areTranslated() {
        assertThat(defaults.forLanguage("en").get(3).name()).isEqualTo("Refunds and payments");
        assertThat(defaults.forLanguage("ru").get(3).name()).isEqualTo("Возвраты и оплата");
        assertThat(defaults.forLanguage("fr-CA").get(3).name()).isEqualTo("Remboursements et paiements");
        assertThat(defaults.forLanguage("pt").get(0).name()).isEqualTo("Greeting");
    }

    @Test
    void everyBody_rendersWithTheStandardVariables_leavingNoTags() {
        Map<String, Object> vars = TemplateVariables.create().customer("O'Neil").ticket(1042, "Screen", "Open")
                .agent("Marie").company("Acme").asMap();
        for (String language : Languages.SUPPORTED) {
            for (CannedReplyGroup group : defaults.forLanguage(language)) {
                for (CannedReply reply : group.replies()) {
                    renderer.validate(reply.body(), TemplateVariables.TICKET);
                    String text = renderer.renderPlain(reply.body(), vars);
                    assertThat(reply.title()).isNotBlank();
                    assertThat(text).as(language + " " + reply.title()).doesNotContain("{{", "}}").hasSizeGreaterThan(20);
                }
            }
        }
    }

    @Test
    void greeting_fillsCustomerAgentAndTicket() {
        CannedReply hello = defaults.forLanguage("ru").get(0).replies().get(0);

        String text = renderer.renderPlain(hello.body(),
                TemplateVariables.create().customer("Анна").agent("Иван").ticket(7, "x", "y").company("Acme").asMap());

        assertThat(text).isEqualTo("Здравствуйте, Анна!\n\nСпасибо, что обратились в Acme. "
                + "Меня зовут Иван, я займусь вашей заявкой №7.");
    }
}
