package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.calendar.CalendarService;
import io.supporthub.hub.calendar.DayMark;
import io.supporthub.hub.calendar.PublicHolidays;
import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.calendar.ServiceCalendar.Interval;
import io.supporthub.hub.calendar.StoredCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /admin/calendars}: the calendars, and the editor of one ({@code ?id=}, else the default): a weekly grid of
 * intervals per weekday as text ("09:00-13:00, 14:00-18:00"), the exception days one a line ("2026-12-31
 * 09:00-14:00", "2027-01-01 closed # New Year's Day"), the public holiday import (imported days listed to check) and a
 * due-time preview; the page's script saves through {@code /api/calendars}.
 */
final class CalendarPage {

    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final String[][] DAYS = {{"mon", "Monday"}, {"tue", "Tuesday"}, {"wed", "Wednesday"},
            {"thu", "Thursday"}, {"fri", "Friday"}, {"sat", "Saturday"}, {"sun", "Sunday"}};

    private final CalendarService calendars;
    private final PageAccess access;
    private final Pages pages;

    CalendarPage(CalendarService calendars, PageAccess access, Pages pages) {
        this.calendars = calendars;
        this.access = access;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/calendars", this::show);
    }

    private void show(Context ctx) {
        Agent viewer = access.agent(ctx);
        List<StoredCalendar> all = calendars.all();
        Long wanted = null;
        String id = ctx.queryParam("id");
        if (id != null && id.matches("\\d{1,18}")) {
            wanted = Long.parseLong(id);
        }
        StoredCalendar selected = null;
        for (StoredCalendar calendar : all) {
            if (wanted != null ? calendar.id() == wanted : calendar.isDefault()) {
                selected = calendar;
            }
        }
        if (selected == null && !all.isEmpty()) {
            selected = all.get(0);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("section", "calendars");
        model.put("title", "Admin");
        model.put("calendars", all.stream().map(c -> Map.of("id", c.id(), "name", c.calendar().name(),
                "isDefault", c.isDefault(), "timeZone", c.calendar().zone().getId())).toList());
        model.put("zones", TIME_ZONES);
        model.put("countries", PublicHolidays.countries().stream()
                .map(c -> Map.of("code", c.code(), "name", c.name())).toList());
        model.put("nextYear", LocalDate.now(ZoneOffset.UTC).getYear() + 1);
        if (selected != null) {
            model.put("selected", editor(selected));
        }
        pages.render(ctx, 200, "admin_calendars", viewer, model);
    }

    private static Map<String, Object> editor(StoredCalendar stored) {
        ServiceCalendar calendar = stored.calendar();
        List<Map<String, String>> days = new ArrayList<>();
        for (int i = 0; i < DAYS.length; i++) {
            days.add(Map.of("key", DAYS[i][0], "label", DAYS[i][1],
                    "text", text(calendar.weekly().get(DayOfWeek.of(i + 1)))));
        }
        StringBuilder exceptions = new StringBuilder();
        List<Map<String, String>> imported = new ArrayList<>();
        calendar.exceptions().forEach((date, intervals) -> {
            DayMark mark = stored.mark(date);
            exceptions.append(date).append(' ').append(intervals.isEmpty() ? "closed" : text(intervals));
            if (mark.name() != null) {
                exceptions.append(" # ").append(mark.name());
            }
            exceptions.append('\n');
            if (mark.imported()) {
                imported.add(Map.of("date", date.toString(), "name", mark.name() == null ? "" : mark.name()));
            }
        });
        Map<String, Object> editor = new LinkedHashMap<>();
        editor.put("id", stored.id());
        editor.put("name", calendar.name());
        editor.put("timeZone", calendar.zone().getId());
        editor.put("isDefault", stored.isDefault());
        editor.put("days", days);
        editor.put("exceptions", exceptions.toString());
        editor.put("exceptionCount", calendar.exceptions().size());
        editor.put("imported", imported);
        return editor;
    }

    private static String text(List<Interval> intervals) {
        return intervals.stream().map(Interval::toString).collect(Collectors.joining(", "));
    }
}
