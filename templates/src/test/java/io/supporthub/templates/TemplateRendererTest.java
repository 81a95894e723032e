package io.supporthub.templates;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {
    private static final String TEMPLATE = "Hello {{customer.name}}, #{{ticket.number}} \"{{ticket.subject}}\" is {{ticket.status}}.";

    private final TemplateRenderer renderer = new TemplateRenderer();

    public record Customer(String name) {
    }

    public record Ticket(long number, String subject, String status) {
    }

    public record Scope(Customer customer, Ticket ticket) {
    }

    @Test
    void nestedMaps_fillDottedVariables() {
        Map<String, Object> vars = Map.of("customer", Map.of("name", "Anna"),
                "ticket", Map.of("number", 1042, "subject", "Screen", "status", "Open"));

        assertThat(renderer.renderPlain(TEMPLATE, vars)).isEqualTo("Hello Anna, #1042 \"Screen\" is Open.");
    }

    @Test
    void methodsOfValuesAndObjects_neverResolve() {
        Map<String, Object> vars = Map.of("customer", Map.of("name", "Anna"), "scope",
                new Scope(new Customer("Anna"), new Ticket(7, "Screen", "Resolved")));

        assertThat(renderer.renderPlain("[{{customer.name.bytes}}][{{customer.name.class}}][{{scope.customer.name}}]"
                + "[{{#customer.name}}{{bytes}}{{empty}}{{/customer.name}}][{{customer.getClass}}]", vars))
                .isEqualTo("[][][][][]");
    }

    @Test
    void unknownVariables_areRefusedByName() {
        assertThatThrownBy(() -> renderer.validate("Hi {{customer.name.bytes}}", TemplateVariables.TICKET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown variable 'customer.name.bytes'")
                .hasMessageContaining("customer.name, ticket.number");
        for (String template : List.of("{{customer}}", "{{#customer.name}}{{bytes}}{{/customer.name}}",
                "{{#customer}}{{.}}{{/customer}}", "{{^ticket}}{{class}}{{/ticket}}", "{{link}}", "{{#nope}}x{{/nope}}")) {
            assertThatThrownBy(() -> renderer.validate(template, TemplateVariables.TICKET)).as(template)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown variable");
        }
    }

    @Test
    void sectionsOnKnownNamesAndTheirStarts_pass() {
        renderer.validate("{{#customer.name}}Dear {{.}},{{/customer.name}}{{^customer.name}}Hello,{{/customer.name}} "
                + "{{#ticket}}#{{number}} {{#subject}}({{.}}){{/subject}}{{/ticket}} {{! a comment }}", TemplateVariables.TICKET);
    }

    @Test
    void plainMode_keepsApostropheAngleBracketAmpersandAndCyrillic() {
        Map<String, Object> vars = Map.of("customer", Map.of("name", "O'Brien <b> & Жанна"));

        assertThat(renderer.render("Hi {{customer.name}}!", vars, TextMode.PLAIN))
                .isEqualTo("Hi O'Brien <b> & Жанна!");
    }

    @Test
    void htmlMode_escapesApostropheAngleBracketAmpersand_andKeepsCyrillic() {
        Map<String, Object> vars = Map.of("customer", Map.of("name", "O'Brien <b> & Жанна"));

        assertThat(renderer.render("<p>Hi {{customer.name}}!</p>", vars, TextMode.HTML))
                .isEqualTo("<p>Hi O&#39;Brien &lt;b&gt; &amp; Жанна!</p>");
    }

    @Test
    void sameTemplate_rendersInBothModes() {
        Map<String, Object> vars = Map.of("ticket", Map.of("subject", "Fish & chips <cold>"));

        assertThat(renderer.renderPlain("{{ticket.subject}}", vars)).isEqualTo("Fish & chips <cold>");
        assertThat(renderer.renderHtml("{{ticket.subject}}", vars)).isEqualTo("Fish &amp; chips &lt;cold&gt;");
    }

    @Test
    void missingVariable_rendersEmpty() {
        assertThat(renderer.renderPlain("Dear {{customer.name}}{{agent.name}}.", Map.of("customer", Map.of())))
                .isEqualTo("Dear .");
        assertThat(renderer.renderPlain("[{{a.b.c}}]", null)).isEqualTo("[]");
    }

    @Test
    void section_showsTextOnlyWhenVariablePresent() {
        String template = "Hello{{#customer.name}} {{customer.name}}{{/customer.name}},";

        assertThat(renderer.renderPlain(template, Map.of("customer", Map.of("name", "Anna")))).isEqualTo("Hello Anna,");
        assertThat(renderer.renderPlain(template, Map.of())).isEqualTo("Hello,");
    }

    @Test
    void unclosedSection_isRejectedWithClearMessage() {
        assertThatThrownBy(() -> renderer.validate("Hi {{#customer}}{{name}}", TemplateVariables.TICKET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid template: ")
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> renderer.renderPlain("Hi {{#customer}}{{name}}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mismatchedClosingTag_isRejected() {
        assertThatThrownBy(() -> renderer.validate("{{#a}}x{{/b}}", TemplateVariables.TICKET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid template: ");
    }

    @Test
    void partial_isRejected_soTemplatesCannotReadFiles() {
        assertThatThrownBy(() -> renderer.validate("{{> /etc/passwd}}", TemplateVariables.TICKET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partials");
    }

    @Test
    void tripleBraces_areRejected() {
        assertThatThrownBy(() -> renderer.validate("{{{customer.name}}}", TemplateVariables.TICKET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unescaped");
    }

    @Test
    void validTemplate_passesValidation() {
        renderer.validate("Hello {{customer.name}}, {{#ticket}}#{{number}}{{/ticket}}", TemplateVariables.TICKET);
    }

    @Test
    void cache_isBounded() {
        TemplateRenderer small = new TemplateRenderer(3);
        for (int i = 0; i < 20; i++) {
            assertThat(small.renderPlain("n" + i + " {{x}}", Map.of("x", i))).isEqualTo("n" + i + " " + i);
        }

        assertThat(small.cachedTemplates()).isLessThanOrEqualTo(6);
    }

    @Test
    void concurrentRendering_givesEveryCallerItsOwnResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> renderer.renderHtml("{{n}}-{{#x}}<{{y}}>{{/x}}", Map.of("n", n % 7,
                        "x", Map.of("y", n)))));
            }
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            for (Future<String> f : results) {
                out.add(f.get());
            }
            for (int i = 0; i < 200; i++) {
                assertThat(out.get(i)).isEqualTo((i % 7) + "-<" + i + ">");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
