package io.supporthub.hub.sms;

import io.javalin.config.RoutesConfig;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.sms.TwilioChannel;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channel.ScheduledJob;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Transactions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The SMS channel in the hub: Twilio's sender, its webhooks ({@link TwilioWebhookRoutes}) and the reconciliation job
 * that imports what the webhooks never brought ({@link SmsReconciliation}, run by {@link SmsReconcileJob}).
 */
public final class SmsChannel implements ConfiguredChannel {

    private final TwilioChannel twilio;
    private final TwilioWebhookRoutes routes;
    private final SmsReconciliation reconciliation;
    private final List<ScheduledJob> jobs;

    SmsChannel(TwilioChannel twilio, Transactions transactions, ChannelEventHandler events, Clock clock) {
        this.twilio = twilio;
        this.routes = new TwilioWebhookRoutes(twilio, events);
        this.reconciliation = new SmsReconciliation(twilio.reconciler(SmsSetup.reconciledNumbers(twilio.settings())),
                transactions, events, clock);
        // Starts with the scheduler (messages missed while the hub was down), then every few minutes.
        this.jobs = List.of(new ScheduledJob(SmsReconcileJob.NAME, SmsReconcileJob.class,
                () -> new SmsReconcileJob(reconciliation), SmsReconcileJob.INTERVAL));
    }

    /** The channel when Twilio is configured ({@link SmsSetup}); empty (logged once) otherwise. */
    public static Optional<SmsChannel> fromConfig(Config config, Clock clock, Transactions transactions,
                                                  ChannelEventHandler events) {
        return SmsSetup.channel(config, clock).map(twilio -> new SmsChannel(twilio, transactions, events, clock));
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public OutboundSender sender() {
        return twilio.sender();
    }

    @Override
    public void register(RoutesConfig routes) {
        this.routes.register(routes);
    }

    @Override
    public List<ScheduledJob> jobs() {
        return jobs;
    }

    @Override
    public String mode() {
        return "webhook";
    }

    /** Twilio's account fetch. */
    @Override
    public io.supporthub.hub.channel.ProbeResult probe() {
        try {
            return io.supporthub.hub.channel.ProbeResult.ok("account fetch: " + twilio.fetchAccount());
        } catch (IllegalStateException e) {
            return io.supporthub.hub.channel.ProbeResult.failed("account fetch failed: " + e.getMessage());
        }
    }

    public SmsReconciliation reconciliation() {
        return reconciliation;
    }
}
