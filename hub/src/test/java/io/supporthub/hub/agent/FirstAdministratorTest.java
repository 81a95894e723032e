package io.supporthub.hub.agent;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FirstAdministratorTest {

    @Test
    void adminSettingsForADatabaseWithAgents_areReportedAsIgnored_inOneLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(AgentService.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (TestHub hub = new TestHub()) {
            lines.list.clear();
            assertThat(hub.app.agents().ensureFirstAdmin(AgentService.DEFAULT_ADMIN_EMAIL, null)).isEmpty();
            assertThat(lines.list).as("nothing was given, nothing is ignored").isEmpty();

            assertThat(hub.app.agents().ensureFirstAdmin("boss@test.local", "given but too late")).isEmpty();
            List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0)).contains("ADMIN_EMAIL/ADMIN_PASSWORD ignored").doesNotContain("given but too late");
            assertThat(hub.app.agents().all()).extracting(Agent::email).containsExactly(TestHub.ADMIN_EMAIL);
        } finally {
            logger.detachAppender(lines);
        }
    }
}
