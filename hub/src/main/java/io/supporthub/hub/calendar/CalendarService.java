package io.supporthub.hub.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;

/**
 * Creating, changing, copying and deleting service calendars, each in one transaction, and the business-time
 * arithmetic over a stored calendar. The first calendar becomes the default; the default cannot be deleted or
 * un-defaulted (make another calendar the default instead).
 */
public final class CalendarService {

    private final Transactions transactions;
    private final CalendarChanges changes;

    public CalendarService(Transactions transactions, CalendarChanges changes) {
        this.transactions = transactions;
        this.changes = changes;
    }

    /** Every calendar as the API shows it, read without a service (the audit log's before and after). */
    public static List<com.fasterxml.jackson.databind.node.ObjectNode> allAsJson(Transactions transactions) {
        return transactions.read(handle -> new CalendarQueries(handle).all()).stream().map(CalendarJson::toJson).toList();
    }

    public List<StoredCalendar> all() {
        return transactions.read(handle -> new CalendarQueries(handle).all());
    }

    public Optional<StoredCalendar> find(long id) {
        return transactions.read(handle -> new CalendarQueries(handle).find(id));
    }

    public StoredCalendar get(long id) {
        return find(id).orElseThrow(() -> Refusal.notFound("no calendar " + id));
    }

    /** The company's default calendar, if one exists. */
    public Optional<StoredCalendar> defaultCalendar() {
        return all().stream().filter(StoredCalendar::isDefault).findFirst();
    }

    public StoredCalendar create(JsonNode body) {
        ServiceCalendar calendar = CalendarJson.calendar(body);
        Map<LocalDate, DayMark> marks = CalendarJson.marks(body);
        Boolean makeDefault = CalendarJson.defaultFlag(body);
        return write(calendar.name(), (handle, afterCommit) -> {
            CalendarQueries queries = new CalendarQueries(handle);
            refuseTakenName(queries, calendar.name(), 0);
            boolean isDefault = Boolean.TRUE.equals(makeDefault) || !queries.hasDefault();
            long id = queries.create(calendar, marks, false);
            StoredCalendar created = queries.find(id).orElseThrow();
            if (isDefault) {
                queries.makeDefault(id);
                created = queries.find(id).orElseThrow();
                changes.changed(handle, created, afterCommit);
            }
            return created;
        });
    }

    /**
     * Replaces the calendar's name, zone, hours and exceptions (with their names and "imported" marks as sent);
     * {@code "default": true} makes it the default.
     */
    public StoredCalendar update(long id, JsonNode body) {
        ServiceCalendar calendar = CalendarJson.calendar(body);
        Map<LocalDate, DayMark> marks = CalendarJson.marks(body);
        Boolean makeDefault = CalendarJson.defaultFlag(body);
        return write(calendar.name(), (handle, afterCommit) -> {
            CalendarQueries queries = new CalendarQueries(handle);
            StoredCalendar current = queries.findForUpdate(id).orElseThrow(() -> Refusal.notFound("no calendar " + id));
            if (Boolean.FALSE.equals(makeDefault) && current.isDefault()) {
                throw Refusal.unprocessable("this is the default calendar; make another calendar the default instead");
            }
            refuseTakenName(queries, calendar.name(), id);
            queries.update(id, calendar, marks);
            if (Boolean.TRUE.equals(makeDefault)) {
                queries.makeDefault(id);
            }
            StoredCalendar updated = queries.find(id).orElseThrow();
            changes.changed(handle, updated, afterCommit);
            return updated;
        });
    }

    /** A copy under a new name ({@code name}, or "… (copy)"), not the default. */
    public StoredCalendar copy(long id, String name) {
        return write(name, (handle, afterCommit) -> {
            CalendarQueries queries = new CalendarQueries(handle);
            StoredCalendar source = queries.find(id).orElseThrow(() -> Refusal.notFound("no calendar " + id));
            String copyName = name;
            if (copyName == null) {
                String base = source.calendar().name() + " (copy)";
                copyName = base;
                for (int n = 2; queries.nameTaken(copyName, 0); n++) {
                    copyName = source.calendar().name() + " (copy " + n + ")";
                }
            } else {
                refuseTakenName(queries, copyName, 0);
            }
            ServiceCalendar original = source.calendar();
            ServiceCalendar copy = new ServiceCalendar(copyName, original.zone(), original.weekly(), original.exceptions());
            return queries.find(queries.create(copy, source.marks(), false)).orElseThrow();
        });
    }

    /** What a holiday import did: the days added (closed, marked imported) and the dates kept as they were. */
    public record HolidayImport(Map<LocalDate, String> added, Map<LocalDate, String> skipped, StoredCalendar calendar) {
    }

    /**
     * Adds a country's public holidays of a year as closed exception days marked "imported" with their names. A date
     * that has an exception already keeps it as the admin made it and is listed as skipped.
     */
    public HolidayImport importHolidays(long id, String country, int year) {
        Map<LocalDate, String> holidays = PublicHolidays.of(country, year);
        return transactions.inTransaction((handle, afterCommit) -> {
            CalendarQueries queries = new CalendarQueries(handle);
            StoredCalendar current = queries.findForUpdate(id).orElseThrow(() -> Refusal.notFound("no calendar " + id));
            ServiceCalendar calendar = current.calendar();
            TreeMap<LocalDate, List<ServiceCalendar.Interval>> exceptions = new TreeMap<>(calendar.exceptions());
            TreeMap<LocalDate, DayMark> marks = new TreeMap<>(current.marks());
            Map<LocalDate, String> added = new LinkedHashMap<>();
            Map<LocalDate, String> skipped = new LinkedHashMap<>();
            holidays.forEach((date, name) -> {
                if (exceptions.containsKey(date)) {
                    String existing = current.mark(date).name();
                    skipped.put(date, "the calendar has an exception on this date already"
                            + (existing != null ? " (" + existing + ")" : "") + "; kept as it is");
                } else {
                    exceptions.put(date, List.of());
                    marks.put(date, new DayMark(name, true));
                    added.put(date, name);
                }
            });
            if (!added.isEmpty()) {
                queries.update(id, new ServiceCalendar(calendar.name(), calendar.zone(), calendar.weekly(), exceptions),
                        marks);
            }
            StoredCalendar imported = queries.find(id).orElseThrow();
            if (!added.isEmpty()) {
                changes.changed(handle, imported, afterCommit);
            }
            return new HolidayImport(added, skipped, imported);
        });
    }

    /** Deletes a calendar that is not the default and that no SLA rule nor the SLA defaults use. */
    public void delete(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            CalendarQueries queries = new CalendarQueries(handle);
            StoredCalendar calendar = queries.findForUpdate(id).orElseThrow(() -> Refusal.notFound("no calendar " + id));
            if (calendar.isDefault()) {
                throw Refusal.conflict("'" + calendar.calendar().name()
                        + "' is the company's default calendar; make another calendar the default first");
            }
            List<String> users = queries.usersOf(id);
            if (!users.isEmpty()) {
                throw Refusal.conflict("'" + calendar.calendar().name() + "' is used by " + String.join(", ", users)
                        + "; choose another calendar there first");
            }
            queries.delete(id);
            return null;
        });
    }

    public Instant add(long id, Instant from, Duration duration) {
        return arithmetic(() -> BusinessTime.add(get(id).calendar(), from, duration));
    }

    public Instant subtract(long id, Instant from, Duration duration) {
        return arithmetic(() -> BusinessTime.subtract(get(id).calendar(), from, duration));
    }

    public Duration between(long id, Instant from, Instant to) {
        return arithmetic(() -> BusinessTime.between(get(id).calendar(), from, to));
    }

    private static <T> T arithmetic(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable(e.getMessage());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw Refusal.unprocessable("the result is out of range");
        }
    }

    private static void refuseTakenName(CalendarQueries queries, String name, long id) {
        if (queries.nameTaken(name, id)) {
            throw Refusal.conflict("a calendar named '" + name + "' exists already");
        }
    }

    /** Runs the write in a transaction; a name taken meanwhile by another request is a conflict too. */
    private <T> T write(String name, Transactions.Work<T> write) {
        try {
            return transactions.inTransaction(write);
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("calendar_name_key")) {
                throw Refusal.conflict("a calendar named '" + name + "' exists already");
            }
            if (e.getMessage() != null && e.getMessage().contains("calendar_one_default")) {
                throw Refusal.conflict("another request changed the default calendar meanwhile; try again");
            }
            throw e;
        }
    }
}
