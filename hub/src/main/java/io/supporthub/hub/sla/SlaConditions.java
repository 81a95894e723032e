package io.supporthub.hub.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * An SLA rule's conditions. Each set is "any of"; an empty set is no condition. The registration time holds when the
 * ticket was registered on one of {@code weekdays} and at a local time in [{@code fromSecond}, {@code toSecond}) of
 * the day, both read in the rule's calendar's zone; {@code toSecond} may be 86400 (24:00) and a range whose start is
 * after its end wraps past midnight (22:00-06:00). A null time range is no condition.
 */
public record SlaConditions(Set<Long> typeIds, Set<Long> priorityIds, Set<Long> categoryIds, Set<Long> companyIds,
                            Set<String> channels, Set<DayOfWeek> weekdays, Integer fromSecond, Integer toSecond) {

    public static final SlaConditions NONE = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            null, null);

    public SlaConditions {
        typeIds = Set.copyOf(typeIds);
        priorityIds = Set.copyOf(priorityIds);
        categoryIds = Set.copyOf(categoryIds);
        companyIds = Set.copyOf(companyIds);
        channels = Set.copyOf(channels);
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(weekdays);
        if ((fromSecond == null) != (toSecond == null)) {
            throw new IllegalArgumentException("a time range needs both a start and an end");
        }
        if (fromSecond != null) {
            if (fromSecond < 0 || fromSecond >= 86_400 || toSecond <= 0 || toSecond > 86_400) {
                throw new IllegalArgumentException("a time range runs from 00:00 to 24:00");
            }
            if (fromSecond.equals(toSecond)) {
                throw new IllegalArgumentException("a time range must not start and end at the same time");
            }
        }
    }

    /** True when the rule catches every ticket. */
    public boolean isEmpty() {
        return typeIds.isEmpty() && priorityIds.isEmpty() && categoryIds.isEmpty() && companyIds.isEmpty()
                && channels.isEmpty() && weekdays.isEmpty() && fromSecond == null;
    }

    /** Whether all conditions hold for the ticket; {@code zone} is the rule's calendar's zone. */
    public boolean holdFor(TicketFacts facts, ZoneId zone) {
        return anyOf(typeIds, facts.typeId()) && anyOf(priorityIds, facts.priorityId())
                && anyOf(categoryIds, facts.clientCategoryId()) && anyOf(companyIds, facts.companyId())
                && anyOf(channels, facts.channel()) && registeredInTime(facts.registeredAt(), zone);
    }

    private static <T> boolean anyOf(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private boolean registeredInTime(Instant registeredAt, ZoneId zone) {
        if (weekdays.isEmpty() && fromSecond == null) {
            return true;
        }
        if (registeredAt == null || zone == null) {
            return false;
        }
        ZonedDateTime local = registeredAt.atZone(zone);
        if (fromSecond == null) {
            return weekdays.contains(local.getDayOfWeek());
        }
        int second = local.toLocalTime().toSecondOfDay();
        if (fromSecond < toSecond) {
            return second >= fromSecond && second < toSecond && (weekdays.isEmpty() || weekdays.contains(local.getDayOfWeek()));
        }
        // Wraps past midnight: the weekday is the one the range started on (Friday 22:00-06:00 includes Saturday 03:00).
        if (second >= fromSecond) {
            return weekdays.isEmpty() || weekdays.contains(local.getDayOfWeek());
        }
        return second < toSecond && (weekdays.isEmpty() || weekdays.contains(local.getDayOfWeek().minus(1)));
    }
}
