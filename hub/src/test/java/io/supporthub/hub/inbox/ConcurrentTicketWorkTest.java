package io.supporthub.hub.inbox;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer keeps writing while agents reply on the same ticket: the two paths take the address and the ticket rows
 * in opposite orders, and PostgreSQL's deadlock detector must never cost a message.
 */
class ConcurrentTicketWorkTest {

    @Test
    void customerMessagesAndAgentReplies_onOneTicket_allSucceed() throws Exception {
        try (TestHub hub = new TestHub()) {
            Address address = Address.telegram(777);
            long ticketId = hub.app.inbox().accept(InboundMessage.text(ChannelKind.TELEGRAM, address, SenderProfile.named("Cat"),
                    "777:0", "Hello", hub.clock.instant())).ticketId();
            Agent admin = hub.app.agents().all().get(0);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        AcceptResult result = hub.app.inbox().accept(InboundMessage.text(ChannelKind.TELEGRAM, address,
                                SenderProfile.named("Cat"), "777:" + thread + "-" + i, "More " + i, hub.clock.instant()));
                        assertThat(result.ticketId()).isEqualTo(ticketId);
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        hub.app.tickets().reply(ticketId, admin, "Reply " + thread + "-" + i, null, false);
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            pool.shutdown();
            long messages = hub.app.transactions().read(h -> h.createQuery("select count(*) from message where ticket_id = :id")
                    .bind("id", ticketId).mapTo(Long.class).one());
            assertThat(messages).isEqualTo(1 + 100 + 100);
        }
    }
}
