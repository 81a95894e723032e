package io.supporthub.hub.bench;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA a benchmark's hub counts its new tickets on, as a support team would set it up: a default office-hours
 * calendar (Mon-Fri 09:00-13:00 and 14:00-18:00, Europe/Moscow) with two years of exception days, eight rules of which
 * the first seven do not hold for the benchmark's tickets (so every registration walks the list) and the defaults (4
 * working hours to respond, 3 working days to resolve). A hub without the SLA tables (code from before the SLA,
 * measured for comparison) is left as it is, so the same benchmark compares the two.
 */
final class BenchSla {

    private static final String HOURS = "{\"mon\": [[\"09:00\", \"13:00\"], [\"14:00\", \"18:00\"]], "
            + "\"tue\": [[\"09:00\", \"13:00\"], [\"14:00\", \"18:00\"]], \"wed\": [[\"09:00\", \"13:00\"], [\"14:00\", \"18:00\"]], "
            + "\"thu\": [[\"09:00\", \"13:00\"], [\"14:00\", \"18:00\"]], \"fri\": [[\"09:00\", \"13:00\"], [\"14:00\", \"18:00\"]], "
            + "\"sat\": [], \"sun\": []}";
    /** Russia's public holidays; the day before each a shortened day (09:00-13:00, 14:00-17:00) when it is a weekday. */
    private static final List<MonthDay> HOLIDAYS = List.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3),
            MonthDay.of(1, 4), MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8),
            MonthDay.of(2, 23), MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12),
            MonthDay.of(11, 4), MonthDay.of(12, 31));

    private BenchSla() {
    }

    /** True when the hub has the SLA (and it was set up), false for a hub from before it. */
    static boolean setUp(Jdbi jdbi) {
        return jdbi.inTransaction(handle -> {
            boolean hasSla = handle.createQuery("select to_regclass('public.sla_defaults') is not null")
                    .mapTo(Boolean.class).one();
            if (!hasSla) {
                return false;
            }
            long calendar = handle.createQuery("insert into calendar (name, time_zone, is_default, hours, exceptions) "
                            + "values ('Office hours', 'Europe/Moscow', true, cast(:hours as jsonb), cast(:exceptions as jsonb)) "
                            + "returning id")
                    .bind("hours", HOURS).bind("exceptions", exceptions(LocalDate.now().getYear())).mapTo(Long.class).one();
            String[][] rules = {
                    {"Telegram", "channels", "{telegram}"}, {"Viber", "channels", "{viber}"}, {"SMS", "channels", "{sms}"},
                    {"Email", "channels", "{email}"}, {"Key accounts", "company_ids", "{-1}"},
                    {"Weekend API", "weekdays", "{6,7}"}, {"Urgent", "priority_ids", "{-1}"}};
            int position = 0;
            for (String[] rule : rules) {
                handle.createUpdate("insert into sla_rule (name, position, " + rule[1] + ", response_seconds, "
                                + "resolution_seconds) values (:name, :position, cast(:values as " + type(rule[1]) + "), 3600, 28800)")
                        .bind("name", rule[0]).bind("position", ++position).bind("values", rule[2]).execute();
            }
            handle.createUpdate("insert into sla_rule (name, position, channels, weekdays, time_from, time_to, "
                            + "response_seconds, resolution_seconds) values ('API in office hours', :position, '{api}', "
                            + "'{1,2,3,4,5}', 32400, 64800, 7200, 57600)")
                    .bind("position", ++position).execute();
            handle.createUpdate("insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) "
                    + "values (:calendar, 14400, 86400)").bind("calendar", calendar).execute();
            return true;
        });
    }

    private static String type(String column) {
        return switch (column) {
            case "channels" -> "text[]";
            case "weekdays" -> "smallint[]";
            default -> "bigint[]";
        };
    }

    /** This year's and next year's holidays, and the shortened weekday before each, as the calendar stores them. */
    private static String exceptions(int year) {
        List<String> days = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            for (MonthDay holiday : HOLIDAYS) {
                LocalDate date = holiday.atYear(y);
                LocalDate before = date.minusDays(1);
                boolean weekday = before.getDayOfWeek().getValue() <= 5;
                if (weekday && !HOLIDAYS.contains(MonthDay.from(before))) {
                    days.add("{\"date\": \"" + before + "\", \"hours\": [[\"09:00\", \"13:00\"], [\"14:00\", \"17:00\"]]}");
                }
                days.add("{\"date\": \"" + date + "\", \"hours\": []}");
            }
        }
        return "[" + String.join(", ", days) + "]";
    }
}
