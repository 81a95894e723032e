package io.supporthub.hub.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.supporthub.hub.error.Refusal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A country's official public holidays of a year, from jollyday's data (observances and bank holidays left out). A
 * holiday that falls on a weekend and is moved is given on the day it is taken off (jollyday's observed date). The
 * data misses e.g. Russia's transferred working days: the import marks the days for an admin to check.
 */
public final class PublicHolidays {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    /** A country jollyday knows: its ISO 3166 alpha-2 code and English name. */
    public record Country(String code, String name) {
    }

    private static final List<Country> COUNTRIES = HolidayManager.getSupportedCalendarCodes().stream()
            .filter(code -> code.length() == 2) // leaves out stock exchanges (NYSE, TARGET, ...)
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();
    private static final Set<String> CODES = Set.copyOf(COUNTRIES.stream().map(Country::code).toList());

    private PublicHolidays() {
    }

    /** The countries with holiday data, by English name. */
    public static List<Country> countries() {
        return COUNTRIES;
    }

    /**
     * The public holidays of {@code year} by date, each date with its holidays' English names ("New Year's Day";
     * two holidays on one date are joined with " / "). An unknown country answers 422, a year outside 1900..2200 400.
     */
    public static Map<LocalDate, String> of(String country, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Refusal.invalid("'year' must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!CODES.contains(code)) {
            throw Refusal.unprocessable("no holiday data for country '" + country + "': write the country as its "
                    + "ISO 3166 alpha-2 code, e.g. RU, US, DE; known are " + String.join(", ",
                    COUNTRIES.stream().map(Country::code).sorted().toList()));
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        Map<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
            if (holiday.getType() != HolidayType.PUBLIC_HOLIDAY) {
                continue;
            }
            String name = holiday.getDescription(Locale.ENGLISH);
            days.merge(holiday.getDate(), name, (a, b) -> a.equals(b) ? a : a + " / " + b);
        }
        return new LinkedHashMap<>(days);
    }
}
