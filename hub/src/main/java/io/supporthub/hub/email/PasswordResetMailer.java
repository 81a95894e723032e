package io.supporthub.hub.email;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.PasswordResetMail;
import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

import java.time.Duration;

/** The "forgot password" link, mailed to the agent through the queue of mail to agents. */
public final class PasswordResetMailer implements PasswordResetMail {

    private final AgentMailOutbox outbox;
    private final String companyName;

    public PasswordResetMailer(AgentMailOutbox outbox, String companyName) {
        this.outbox = outbox;
        this.companyName = companyName;
    }

    @Override
    public void queue(Handle handle, Agent agent, String link, Duration validFor, AfterCommit afterCommit) {
        String subject = "Set a new password for the " + companyName + " support hub";
        String text = "Hello " + agent.name() + ",\n\nsomeone (we hope you) asked to set a new password for your account."
                + "\nOpen this link within " + validFor.toMinutes() + " minutes to choose one; it works once:\n\n" + link
                + "\n\nIf it was not you, ignore this mail: your password stays as it is.\n";
        String html = "<p>Hello " + escape(agent.name()) + ",</p><p>someone (we hope you) asked to set a new password for your "
                + "account. Open this link within " + validFor.toMinutes() + " minutes to choose one; it works once:</p>"
                + "<p><a href=\"" + escape(link) + "\">Set a new password</a></p>"
                + "<p>If it was not you, ignore this mail: your password stays as it is.</p>";
        outbox.enqueueAccountMail(handle, agent.id(), "password_reset", subject, text, html);
        afterCommit.add(outbox::wake);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
