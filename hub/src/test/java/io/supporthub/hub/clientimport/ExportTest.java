package io.supporthub.hub.clientimport;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/export/contacts} and {@code /api/export/companies}: CSV files for seniors and administrators. */
class ExportTest {

    private final TestHub hub = new TestHub();
    private final CsvCalls calls = new CsvCalls(hub);

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void contactsExport_hasTheImportsColumns_andImportedAgainChangesNothing() {
        calls.upload("name,email,phone,company,category\n"
                + "\"Archer, Ann\",ann@acme.example,+33612345678,Acme,VIP client\n"
                + "=cmd,eve@example.org,,,\n"
                + "Bob,,+33698765432,,\n");
        hub.inbound("tg-like", "Web Visitor", null, "no email, no phone");

        TestHub.Response export = calls.get("/api/export/contacts", calls.adminToken);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"contacts-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(export.body()).isEqualTo("\uFEFFname,email,phone,company,category\r\n"
                + "\"Archer, Ann\",ann@acme.example,+33612345678,Acme,VIP client\r\n"
                + "'=cmd,eve@example.org,,,\r\n"
                + "Bob,,+33698765432,,\r\n");

        var again = calls.upload(export.body()).json();
        assertThat(again.get("updated").asInt()).isEqualTo(3);
        assertThat(again.get("lines").findValuesAsText("changed")).containsOnly("false");
    }

    @Test
    void companiesExport_listsCompaniesWithCategoryAndDomains() {
        calls.upload("name,email,company,category\nAnn,ann@acme.example,Acme,Partner\n");
        hub.app.transactions().inTransaction((h, after) -> h.createUpdate("insert into company_domain (domain, company_id) "
                + "select d, id from company, unnest(array['acme.example', 'acme.org']) d").execute());

        TestHub.Response export = calls.get("/api/export/companies", calls.adminToken);

        assertThat(export.body()).isEqualTo("\uFEFFname,category,domains,emails,phones,notes\r\n"
                + "Acme,Partner,acme.example acme.org,,,\r\n");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("companies-");
    }

    @Test
    void exportsAreForSeniorsAndAdministrators() {
        String specialist = calls.tokenOf("specialist");
        String senior = calls.tokenOf("senior");
        assertThat(calls.get("/api/export/contacts", specialist).status()).isEqualTo(403);
        assertThat(calls.get("/api/export/companies", specialist).status()).isEqualTo(403);
        assertThat(calls.get("/api/export/contacts", senior).status()).isEqualTo(200);
        assertThat(calls.get("/api/export/companies", senior).status()).isEqualTo(200);
    }
}
