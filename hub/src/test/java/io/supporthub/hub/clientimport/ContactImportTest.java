package io.supporthub.hub.clientimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/import/contacts} against PostgreSQL: each line created, updated or refused, nothing partial kept. */
class ContactImportTest {

    private final TestHub hub = new TestHub();
    private final CsvCalls calls = new CsvCalls(hub);

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void newLines_createContactsWithTheirCompany_andAKnownAddress_updatesItsContact() {
        JsonNode first = calls.upload("name,email,phone,company,category\n"
                + "Ann Archer,Ann@Acme.example,+33 6 12 34 56 78,Acme,VIP client\n"
                + "Bob Baker,bob@acme.example,,ACME,\n").json();

        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("refused").asInt()).isZero();
        assertThat(first.get("lines").get(0).get("line").asInt()).isEqualTo(2);
        long ann = first.get("lines").get(0).get("contactId").asLong();
        long bob = first.get("lines").get(1).get("contactId").asLong();
        assertThat(addresses(ann)).containsExactlyInAnyOrder("ann@acme.example", "+33612345678");
        assertThat(companyOf(ann)).isEqualTo("Acme").isEqualTo(companyOf(bob));
        assertThat(sql("select count(*) from company")).isEqualTo(1);
        assertThat(text("select cc.name from company c join client_category cc on cc.id = c.category_id")).isEqualTo("VIP client");
        assertThat(text("select company_source from contact where id = " + ann)).isEqualTo("person");
        assertThat(sql("select count(*) from client_event where kind = 'imported'")).isEqualTo(2);
        // The search keys were recomputed: the phone's last digits find Ann.
        assertThat(sql("select count(*) from contact where id = " + ann + " and search_keys::text like '%#87654321633%'"))
                .isEqualTo(1);

        JsonNode second = calls.upload("email;phone;name\nann@acme.example;;Ann Archer-Smith\n"
                + ";+33612345678;\n").json();
        assertThat(second.get("updated").asInt()).isEqualTo(2);
        assertThat(second.get("lines").findValuesAsText("line")).containsExactly("2", "3");
        assertThat(second.get("lines").get(0).get("contactId").asLong()).isEqualTo(ann);
        assertThat(second.get("lines").get(0).get("changed").asBoolean()).isTrue();
        assertThat(second.get("lines").get(1).get("changed").asBoolean()).isFalse();
        assertThat(text("select name from contact where id = " + ann)).isEqualTo("Ann Archer-Smith");
        assertThat(companyOf(ann)).as("a field the line does not give stays").isEqualTo("Acme");
        assertThat(sql("select count(*) from client_event where kind = 'updated_by_import'")).isEqualTo(1);
    }

    @Test
    void addressesOfTwoContacts_areRefused_namingBoth_andNothingIsMerged() {
        long ann = calls.upload("name,email\nAnn,ann@example.org\n").json().get("lines").get(0).get("contactId").asLong();
        long bob = calls.upload("name,phone\nBob,+33612345678\n").json().get("lines").get(0).get("contactId").asLong();

        JsonNode line = calls.upload("name,email,phone,company\nBoth,ann@example.org,+33612345678,NewCo\n")
                .json().get("lines").get(0);

        assertThat(line.get("outcome").asText()).isEqualTo("refused");
        assertThat(line.get("reason").asText()).contains("contact " + ann).contains("contact " + bob).contains("never merges");
        assertThat(addresses(ann)).containsExactly("ann@example.org");
        assertThat(addresses(bob)).containsExactly("+33612345678");
        assertThat(sql("select count(*) from company")).as("the refused line's company was not kept").isZero();
    }

    @Test
    void lineWithoutAddress_invalidPhone_invalidEmail_orUnknownCategory_isRefused_andStoresNothing() {
        JsonNode report = calls.upload("name,email,phone,company,category\n"
                + "Nobody,,,Acme,\n"
                + "Bad Phone,bad@example.org,12,Acme,\n"
                + "Bad Mail,not-an-address,,Acme,\n"
                + "Wrong Category,cat@example.org,,Acme,Gold\n"
                + "Good,good@example.org,,,\n").json();

        List<String> outcomes = report.get("lines").findValuesAsText("outcome");
        assertThat(outcomes).containsExactly("refused", "refused", "refused", "refused", "created");
        assertThat(report.get("lines").get(0).get("reason").asText()).contains("no address");
        assertThat(report.get("lines").get(1).get("reason").asText()).contains("12");
        assertThat(report.get("lines").get(2).get("reason").asText()).contains("not an email address");
        assertThat(report.get("lines").get(3).get("reason").asText()).contains("no client category 'Gold'");
        assertThat(report.get("refused").asInt()).isEqualTo(4);
        assertThat(sql("select count(*) from contact")).isEqualTo(1);
        assertThat(sql("select count(*) from company")).isZero();
        assertThat(sql("select count(*) from contact_address where value = 'bad@example.org'")).isZero();
    }

    @Test
    void lineNumbers_areTheFilesOwn_withBlankLinesAndValuesOnSeveralLines() {
        JsonNode report = calls.upload("name,email\n\n\"Ann\nArcher\",ann@example.org\n\n,\nBob,bob@example.org").json();
        assertThat(report.get("lines").findValuesAsText("line")).containsExactly("3", "6", "7");
        assertThat(report.get("lines").findValuesAsText("outcome")).containsExactly("created", "refused", "created");
    }

    @Test
    void columnsWithoutAName_areNotRead_wherever_theyAre() {
        JsonNode report = calls.upload("name,,email,\nAnn,ignored,ann@example.org,\n").json();
        long ann = report.get("lines").get(0).get("contactId").asLong();
        assertThat(text("select name from contact where id = " + ann)).isEqualTo("Ann");
        assertThat(addresses(ann)).containsExactly("ann@example.org");
    }

    @Test
    void semicolonsAndAByteOrderMark_areRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Name;EMAIL;Company\r\n\"Zoë; the boss\";zoe@example.org;Café Noir\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);

        JsonNode report = calls.upload(file, "text/csv", calls.adminToken).json();

        long zoe = report.get("lines").get(0).get("contactId").asLong();
        assertThat(text("select name from contact where id = " + zoe)).isEqualTo("Zoë; the boss");
        assertThat(companyOf(zoe)).isEqualTo("Café Noir");
    }

    @Test
    void theSameFileTwice_changesNothingTheSecondTime() {
        String file = "name,email,phone,company,category\nAnn,ann@example.org,+33612345678,Acme,Partner\n"
                + "Bob,bob@example.org,,,\n";
        calls.upload(file);
        String before = snapshot();
        long events = sql("select count(*) from client_event");

        JsonNode again = calls.upload(file).json();

        assertThat(again.get("updated").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("lines").findValuesAsText("changed")).containsOnly("false");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(sql("select count(*) from client_event")).isEqualTo(events);
    }

    @Test
    void malformedFiles_areRefusedWholeWithTheirLine() {
        TestHub.Response unknown = calls.upload("name,mail\nAnn,ann@example.org\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("line 1").contains("unknown column 'mail'");

        TestHub.Response quote = calls.upload("name,email\nAnn,ann@example.org\n\"Bob,bob@example.org\n");
        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.json().get("error").asText()).isEqualTo("bad_request");
        assertThat(quote.json().get("message").asText()).contains("line 3");

        TestHub.Response extra = calls.upload("name,email\nAnn,ann@example.org,oops\n");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("message").asText()).contains("line 2");
        assertThat(sql("select count(*) from contact")).isZero();
    }

    @Test
    void tooLargeAFile_is413() {
        StringBuilder file = new StringBuilder("name,email\n");
        while (file.length() <= ImportRoutes.MAX_FILE.bytes()) {
            file.append("Someone with a long name to fill the file quickly,someone@example.org\n");
        }
        assertThat(calls.upload(file.toString()).status()).isEqualTo(413);
        assertThat(sql("select count(*) from contact")).isZero();
    }

    @Test
    void tooManyLines_is413_storingNothing() {
        StringBuilder file = new StringBuilder("name,email\n");
        for (int i = 0; i <= ImportRoutes.MAX_LINES; i++) {
            file.append("P").append(i).append(",p").append(i).append("@example.org\n");
        }
        TestHub.Response response = calls.upload(file.toString());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("message").asText()).contains("more than " + ImportRoutes.MAX_LINES + " lines");
        assertThat(sql("select count(*) from contact")).isZero();
    }

    @Test
    void onlySeniorsAndAdministrators_import_andAPageFormCannotPostAsAnother() {
        String csv = "name,email\nAnn,ann@example.org\n";
        assertThat(calls.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", calls.tokenOf("specialist")).status())
                .isEqualTo(403);
        assertThat(calls.upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", calls.tokenOf("senior")).status())
                .isEqualTo(200);
        // A cross-site form can send text/plain: the import takes only text/csv (or multipart with a token).
        assertThat(hub.request("POST", "/api/import/contacts", null, Map.of("Content-Type", "text/plain")).status())
                .isEqualTo(415);
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,email\r\nMia,mia@example.org\r\n--b--\r\n";
        TestHub.Response form = calls.upload(multipart.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b",
                calls.adminToken);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().get("created").asInt()).isEqualTo(1);
    }

    private List<String> addresses(long contactId) {
        return hub.app.transactions().read(h -> h.createQuery("select value from contact_address where contact_id = :id order by id")
                .bind("id", contactId).mapTo(String.class).list());
    }

    private String companyOf(long contactId) {
        return text("select co.name from contact c join company co on co.id = c.company_id where c.id = " + contactId);
    }

    private String snapshot() {
        return text("select string_agg(concat_ws('|', c.id, c.name, c.company_id, c.company_source, c.search_keys::text, "
                + "(select string_agg(a.value, ' ' order by a.id) from contact_address a where a.contact_id = c.id)), ';' order by c.id) "
                + "from contact c") + text("select string_agg(concat_ws('|', id, name, category_id), ';' order by id) from company");
    }

    private long sql(String query) {
        return hub.app.transactions().read(h -> h.createQuery(query).mapTo(Long.class).one());
    }

    private String text(String query) {
        return hub.app.transactions().read(h -> h.createQuery(query).mapTo(String.class).one());
    }
}
