package io.supporthub.hub.clientimport;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.BodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/import/contacts} (a CSV as {@code text/csv}, or as the {@code file} of a multipart form for callers
 * with an API token) answering each line's outcome; {@code GET /api/export/contacts} and
 * {@code GET /api/export/companies} as CSV files. Seniors and administrators only (see RoutePermissions).
 */
public final class ImportRoutes {

    private static final Logger log = LoggerFactory.getLogger(ImportRoutes.class);
    /** The largest file an import takes. */
    public static final BodyLimit MAX_FILE = new BodyLimit(10L * 1024 * 1024);
    /** The most data lines one import takes. */
    public static final int MAX_LINES = 20_000;

    private final ContactImport imports;
    private final ClientExport export;
    private final Clock clock;

    public ImportRoutes(ContactImport imports, ClientExport export, Clock clock) {
        this.imports = imports;
        this.export = export;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        MAX_FILE.post(routes, "/api/import/contacts", this::importContacts);
        routes.get("/api/export/contacts", ctx -> csv(ctx, "contacts", () -> export.contacts(ctx.outputStream())));
        routes.get("/api/export/companies", ctx -> csv(ctx, "companies", () -> export.companies(ctx.outputStream())));
    }

    private void importContacts(Context ctx) {
        List<ContactCsv.Line> lines;
        try {
            lines = ContactCsv.read(file(ctx), MAX_LINES);
        } catch (ContactCsv.Malformed e) {
            log.info("Contact import refused: {}", e.getMessage());
            throw Refusal.invalid(e.getMessage());
        } catch (ContactCsv.TooManyLines e) {
            log.info("Contact import refused: {}", e.getMessage());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "too_large");
            body.put("message", e.getMessage());
            ctx.status(413).json(body);
            return;
        }
        ContactImport.Report report = imports.run(lines, Authentication.agent(ctx).id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", report.lines().stream().map(ImportRoutes::line).toList());
        body.put("created", report.created());
        body.put("updated", report.updated());
        body.put("refused", report.refused());
        ctx.json(body);
    }

    /** The CSV's bytes: the body itself, or the multipart form's {@code file}. */
    private static byte[] file(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            return ctx.bodyAsBytes();
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw Refusal.invalid("the form has no 'file'");
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> line(ContactImport.LineResult result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", result.line());
        line.put("outcome", result.outcome());
        if (result.contactId() != null) {
            line.put("contactId", result.contactId());
        }
        if (result.changed() != null) {
            line.put("changed", result.changed());
        }
        if (result.reason() != null) {
            line.put("reason", result.reason());
        }
        return line;
    }

    private void csv(Context ctx, String what, Runnable write) {
        String name = what + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Cache-Control", "no-store");
        write.run();
    }
}
