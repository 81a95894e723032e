package io.supporthub.hub.email;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail's sender joins the company of its domain only when the receiving server authenticated the From domain (DMARC
 * pass); free-mail senders and a company set by a person are never matched; the ticket takes the contact's company.
 */
class DomainMatchingTest {

    private static final String PASS = "Authentication-Results: mx.support.example; spf=pass smtp.mailfrom=acme.example; "
            + "dkim=pass header.d=acme.example; dmarc=pass header.from=acme.example";
    private static final String FAIL = "Authentication-Results: mx.support.example; spf=fail smtp.mailfrom=acme.example; "
            + "dkim=none; dmarc=fail header.from=acme.example";

    private final MailHub mail = new MailHub(Map.of());
    private final TestHub hub = mail.hub;
    private long acme;

    @BeforeEach
    void companies() {
        acme = company("Acme", "acme.example");
        company("Gmail users", "gmail.com");
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void authenticatedSender_joinsTheCompanyOfItsDomain_anyCase_andItsTicketIsTheCompanys() {
        mail.deliver("Ann <Ann@ACME.example>", "Invoice", "Where is my invoice?", "a1@acme.example", PASS);
        mail.poll();

        long contact = contactOf("ann@acme.example");
        assertThat(number("select company_id from contact where id = " + contact)).isEqualTo(acme);
        assertThat(text("select company_source from contact where id = " + contact)).isEqualTo("domain");
        assertThat(number("select company_id from ticket where id = " + mail.ticketOfMail("a1@acme.example"))).isEqualTo(acme);
        assertThat(number("select count(*) from client_event where contact_id = " + contact + " and kind = 'company_by_domain'"))
                .isEqualTo(1);
    }

    @Test
    void failedOrMissingAuthentication_joinsNoCompany_butALaterAuthenticatedMailDoes() {
        mail.deliver("bob@acme.example", "Hello", "First, forged or not.", "b1@acme.example", FAIL);
        mail.deliver("bob@acme.example", "Hello", "Second, no checks at all.", "b2@acme.example");
        mail.deliver("bob@acme.example", "Hello", "SPF alone passed.", "b3@acme.example",
                "Authentication-Results: mx.support.example; spf=pass smtp.mailfrom=relay.example; dmarc=none");
        mail.poll();
        long contact = contactOf("bob@acme.example");
        assertThat(number("select count(*) from contact where id = " + contact + " and company_id is null")).isEqualTo(1);
        assertThat(number("select company_id from ticket where id = " + mail.ticketOfMail("b1@acme.example"))).isNull();

        mail.deliver("bob@acme.example", "Again", "Now from our real server.", "b4@acme.example", PASS);
        mail.poll();
        assertThat(number("select company_id from contact where id = " + contact)).isEqualTo(acme);
    }

    @Test
    void freeMailSender_neverJoinsACompany_evenOneListingTheDomain() {
        mail.deliver("carl@gmail.com", "Hi", "From my own mailbox.", "c1@gmail.com",
                "Authentication-Results: mx.support.example; spf=pass; dkim=pass; dmarc=pass header.from=gmail.com");
        mail.poll();
        assertThat(number("select company_id from contact where id = " + contactOf("carl@gmail.com"))).isNull();
    }

    @Test
    void aCompanySetByAPerson_isNeverReplacedByDomainMatching() {
        long other = company("Other Ltd", "other.example");
        mail.deliver("dora@acme.example", "Hi", "First mail.", "d1@acme.example", FAIL);
        mail.poll();
        long contact = contactOf("dora@acme.example");
        hub.app.transactions().inTransaction((h, after) -> h.createUpdate("update contact set company_id = :c, "
                + "company_source = 'person' where id = :id").bind("c", other).bind("id", contact).execute());

        mail.deliver("dora@acme.example", "Hi", "Second mail, authenticated.", "d2@acme.example", PASS);
        mail.poll();

        assertThat(number("select company_id from contact where id = " + contact)).isEqualTo(other);
        assertThat(text("select company_source from contact where id = " + contact)).isEqualTo("person");
    }

    private long company(String name, String domain) {
        return hub.app.transactions().inTransaction((h, after) -> {
            long id = h.createQuery("insert into company (name) values (:name) returning id").bind("name", name)
                    .mapTo(Long.class).one();
            h.createUpdate("insert into company_domain (domain, company_id) values (:d, :id)").bind("d", domain)
                    .bind("id", id).execute();
            return id;
        });
    }

    private long contactOf(String email) {
        return number("select contact_id from contact_address where kind = 'email' and value = '" + email + "'");
    }

    private Long number(String sql) {
        return hub.app.transactions().read(h -> h.createQuery(sql).mapTo(Long.class).findOne().orElse(null));
    }

    private String text(String sql) {
        return hub.app.transactions().read(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
