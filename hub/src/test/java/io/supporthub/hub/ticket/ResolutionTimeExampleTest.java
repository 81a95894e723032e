package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's example, end to end through the API with a hand-moved clock. */
class ResolutionTimeExampleTest {

    @Test
    void answeredAndArchivedAfterAnHour_reopenedSixDaysLater_archivedAfter30Minutes_isOneAndAHalfHours() {
        try (TestHub hub = new TestHub()) {
            long id = hub.inbound("ex-1", "Maria", "maria@example.com", "My card was charged twice").json().get("ticketId").asLong();

            hub.clock.advance(Duration.ofMinutes(20));
            hub.logIn();
            assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Looking into it")).status()).isEqualTo(201);
            hub.clock.advance(Duration.ofMinutes(40));
            assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Refunded", "resolve", true)).status()).isEqualTo(201);

            hub.clock.advance(Duration.ofDays(6));
            TestHub.Response again = hub.inbound("ex-2", "Maria", "maria@example.com", "The refund has not arrived");
            assertThat(again.json().get("outcome").asText()).isEqualTo("reopened");
            assertThat(again.json().get("ticketId").asLong()).isEqualTo(id);

            hub.clock.advance(Duration.ofMinutes(30));
            hub.logIn();
            assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "It arrives tomorrow", "resolve", true)).status())
                    .isEqualTo(201);
            hub.clock.advance(Duration.ofDays(1));

            JsonNode detail = hub.get("/api/tickets/" + id).json();
            assertThat(detail.get("resolutionSeconds").asLong()).isEqualTo(Duration.ofMinutes(90).toSeconds());
            assertThat(detail.get("firstResponseSeconds").asLong()).isEqualTo(Duration.ofMinutes(20).toSeconds());
            assertThat(detail.get("status").asText()).isEqualTo("resolved");
            assertThat(detail.get("timeline").toString()).contains("reopened");
        }
    }
}
