package io.supporthub.hub.contact;

import io.supporthub.channels.SenderAuthentication;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Puts a mail's sender in the company whose domain is the sender's (exactly, any case), in the transaction that takes
 * the mail: only a contact with no company yet (a company set by a person, or matched before, is never replaced), only
 * when the receiving server authenticated the From domain ({@link #authenticated}), never for a free-mail domain
 * ({@link FreeMailDomains}). One statement on {@code company_domain}'s primary key, which also writes the contact's
 * history; none at all for a free-mail or unauthenticated sender.
 */
public final class DomainMatching {

    private DomainMatching() {
    }

    /**
     * Whether the mail's authentication results vouch for the domain of its From address: DMARC passed, the one
     * result that ties SPF or DKIM to that domain (an SPF or DKIM pass alone may be for the sender's own relay's
     * domain, which would let anyone write "From: ceo@client.example" and join the client's company).
     */
    public static boolean authenticated(SenderAuthentication auth) {
        return auth != null && "pass".equals(auth.dmarc());
    }

    /** The company the contact joined now, if it did. */
    public static Optional<Long> match(Handle handle, long contactId, String email, SenderAuthentication auth, Instant now) {
        String domain = FreeMailDomains.domainOf(email);
        if (domain == null || FreeMailDomains.isFreeMail(domain) || !authenticated(auth)) {
            return Optional.empty();
        }
        return handle.createQuery("with matched as (update contact c set company_id = d.company_id, company_source = 'domain' "
                        + "from company_domain d where d.domain = :domain and c.id = :contactId and c.company_id is null "
                        + "returning c.id, d.company_id) "
                        + "insert into client_event (contact_id, company_id, kind, detail, created_at) "
                        + "select id, company_id, 'company_by_domain', jsonb_build_object('domain', cast(:domain as text)), :now "
                        + "from matched returning company_id")
                .bind("domain", domain)
                .bind("contactId", contactId)
                .bind("now", now)
                .mapTo(Long.class)
                .findOne();
    }
}
