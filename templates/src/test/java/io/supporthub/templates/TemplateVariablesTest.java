package io.supporthub.templates;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateVariablesTest {
    @Test
    void namedSetters_buildTheNestedNamesTemplatesRead() {
        Map<String, Object> vars = TemplateVariables.create()
                .customer("Анна").ticket(12, "Refund", "Open").agent("Paul").company("Acme").link("https://x/t/12")
                .put("order.id", "A-17").asMap();

        String out = new TemplateRenderer().renderPlain(
                "{{customer.name}}|{{ticket.number}}|{{ticket.subject}}|{{ticket.status}}|{{agent.name}}|"
                        + "{{company.name}}|{{link}}|{{order.id}}", vars);

        assertThat(out).isEqualTo("Анна|12|Refund|Open|Paul|Acme|https://x/t/12|A-17");
    }

    @Test
    void nullValue_isLeftOut() {
        assertThat(TemplateVariables.create().customer(null).asMap()).isEmpty();
    }

    @Test
    void nameUnderAValue_isRejected() {
        assertThatThrownBy(() -> TemplateVariables.create().link("x").put("link.url", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link.url");
    }
}
