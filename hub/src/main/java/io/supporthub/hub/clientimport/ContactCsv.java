package io.supporthub.hub.clientimport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contacts' CSV, both ways: UTF-8 with or without a byte-order mark, comma or semicolon separated (whichever the
 * header row uses), a header row naming the {@link #COLUMNS} in any order and any case. A value that a spreadsheet
 * would run as a formula is written with a leading apostrophe, and read back without it.
 */
final class ContactCsv {

    static final List<String> COLUMNS = List.of("name", "email", "phone", "company", "category");
    private static final char BOM = '\uFEFF';

    private ContactCsv() {
    }

    /**
     * A data row: the line of the file it starts on (the header is line 1, blank lines count) and its values by column,
     * blank ones left out.
     */
    record Line(long line, Map<String, String> values) {

        String get(String column) {
            return values.get(column);
        }
    }

    /** The file cannot be read as the contacts' CSV: the line where it went wrong and why. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** The file's data rows; at most {@code maxLines} of them, else {@link TooManyLines}. */
    static List<Line> read(byte[] bytes, int maxLines) {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        if (header.isBlank()) {
            throw new Malformed("line 1: the file is empty; its first line names the columns ("
                    + String.join(",", COLUMNS) + ")");
        }
        char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
        // The header row is read as a record like the others, so that every column, a nameless one too, keeps its place.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true)
                .get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            var records = parser.iterator();
            List<String> names;
            try {
                names = records.next().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new Malformed("line 1: " + reason(e));
            }
            for (String name : names) {
                if (!name.isEmpty() && !COLUMNS.contains(name)) {
                    throw new Malformed("line 1: unknown column '" + name + "'; the columns are " + String.join(", ", COLUMNS));
                }
            }
            List<String> named = names.stream().filter(name -> !name.isEmpty()).toList();
            if (Set.copyOf(named).size() != named.size()) {
                throw new Malformed("line 1: a column is named twice");
            }
            LineCounter counter = new LineCounter(text);
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new Malformed("line " + (parser.getCurrentLineNumber() + 1) + ": " + reason(e));
                }
                if (lines.size() == maxLines) {
                    throw new TooManyLines(maxLines);
                }
                long lineNumber = counter.lineOf(record.getCharacterPosition());
                if (record.size() > names.size()) {
                    throw new Malformed("line " + lineNumber + ": " + record.size()
                            + " values for " + names.size() + " columns");
                }
                Map<String, String> values = new java.util.HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String value = unescape(record.get(i));
                    // A column without a name (a spreadsheet's trailing empty column) is not read.
                    if (!value.isEmpty() && !names.get(i).isEmpty()) {
                        values.put(names.get(i), value);
                    }
                }
                lines.add(new Line(lineNumber, values));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Malformed("line 1: " + reason(e));
        }
        return lines;
    }

    /** More data rows than an import takes. */
    static final class TooManyLines extends RuntimeException {
        TooManyLines(int max) {
            super("the file has more than " + max + " lines; split it into smaller files");
        }
    }

    /** A value as written to a cell: a leading =, +, - or @ (a formula to a spreadsheet) gets an apostrophe first. */
    static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean phone = first == '+' && value.substring(1).chars().allMatch(Character::isDigit);
        return !phone && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\'') ? "'" + value : value;
    }

    private static String unescape(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@'".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("line 1: the file is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    /** Lines of the text up to a position, counted on from the last position asked (records come in order). */
    private static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        /** The line (from 1) of the character at {@code at}: blank lines and values spanning lines count. */
        long lineOf(long at) {
            int end = (int) Math.min(at, text.length());
            // A record's position is where the parser started on it, before the blank lines it skipped.
            while (end < text.length() && (text.charAt(end) == '\n' || text.charAt(end) == '\r')) {
                end++;
            }
            for (; position < end; position++) {
                char c = text.charAt(position);
                if (c == '\n' || (c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
