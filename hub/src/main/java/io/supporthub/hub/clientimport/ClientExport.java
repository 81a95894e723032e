package io.supporthub.hub.clientimport;

import io.supporthub.hub.db.Transactions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * The client base as CSV, streamed row by row from one read: contacts in the import's columns (so an export imported
 * again changes nothing), companies with their domains, emails and phones. Written UTF-8 with a byte-order mark, which
 * spreadsheets need to read it as UTF-8 and the import skips.
 */
public final class ClientExport {

    static final List<String> COMPANY_COLUMNS = List.of("name", "category", "domains", "emails", "phones", "notes");
    private static final int FETCH_SIZE = 1000;

    private final Transactions transactions;

    public ClientExport(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Every contact not merged into another that has an email or a phone (what an import can find again): its
     * name, its first email and first phone, its company and the company's category.
     */
    public void contacts(OutputStream out) {
        write(out, ContactCsv.COLUMNS, "select c.name, "
                + "(select a.value from contact_address a where a.contact_id = c.id and a.kind = 'email' order by a.id limit 1) as email, "
                + "(select a.value from contact_address a where a.contact_id = c.id and a.kind = 'phone' order by a.id limit 1) as phone, "
                + "co.name as company, cc.name as category "
                + "from contact c left join company co on co.id = c.company_id left join client_category cc on cc.id = co.category_id "
                + "where c.merged_into_id is null and exists (select 1 from contact_address a where a.contact_id = c.id "
                + "and a.kind in ('email', 'phone')) order by c.id");
    }

    /** Every company: domains, emails and phones each space-separated. */
    public void companies(OutputStream out) {
        write(out, COMPANY_COLUMNS, "select co.name, cc.name as category, "
                + "(select string_agg(d.domain, ' ' order by d.domain) from company_domain d where d.company_id = co.id) as domains, "
                + "array_to_string(co.emails, ' ') as emails, array_to_string(co.phones, ' ') as phones, co.notes "
                + "from company co left join client_category cc on cc.id = co.category_id order by co.id");
    }

    private void write(OutputStream out, List<String> columns, String sql) {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            writer.write('\uFEFF');
            printer.printRecord(columns);
            transactions.inTransaction((handle, afterCommit) -> {
                // A cursor (fetch size inside a transaction): the rows are read as they are written, never all held.
                try (Stream<List<String>> rows = handle.createQuery(sql).setFetchSize(FETCH_SIZE)
                        .map((rs, ctx) -> columns.stream().map(column -> {
                            try {
                                return ContactCsv.escape(rs.getString(column));
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }).toList()).stream()) {
                    rows.forEach(row -> {
                        try {
                            printer.printRecord(row);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
