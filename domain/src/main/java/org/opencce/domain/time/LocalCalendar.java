package org.opencce.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The program's civil calendar. Instants are stored in UTC; days, bill cycles and time-of-use periods
 * are in {@code America/New_York}, where the spring-forward day has 23 hours and the fall-back day 25.
 * Stateless and thread-safe.
 */
public final class LocalCalendar {
    /** Massachusetts civil time (Eastern, with daylight saving time). */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private LocalCalendar() {
    }

    /** The first instant of a local day. */
    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** How many hours a local day has: 24, or 23 / 25 on DST transition days. */
    public static int hoursIn(LocalDate day) {
        return (int) Duration.between(startOfDay(day), startOfDay(day.plusDays(1))).toHours();
    }

    /** The UTC start and end of a local day, half-open. */
    public static Instant[] dayBounds(LocalDate day) {
        return new Instant[] {startOfDay(day), startOfDay(day.plusDays(1))};
    }

    /** How many hours a local calendar month has (DST months differ by one hour). */
    public static int hoursIn(YearMonth month) {
        return (int) Duration.between(startOfDay(month.atDay(1)), startOfDay(month.plusMonths(1).atDay(1))).toHours();
    }

    /** How many hours a local calendar year has: 8760 or 8784 in leap years; DST cancels out. */
    public static int hoursIn(int year) {
        return (int) Duration.between(startOfDay(LocalDate.of(year, 1, 1)),
                startOfDay(LocalDate.of(year + 1, 1, 1))).toHours();
    }

    /** The local date and time of an instant. */
    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    public static ZonedDateTime zoned(Instant instant) {
        return instant.atZone(ZONE);
    }

    /** The local calendar month an instant falls in. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZONE));
    }

    /**
     * The instant at which an hour-ending label of local prevailing time begins, as ISO-NE SMD data
     * give it ({@code date}, hour ending 1..24). On the fall-back day ISO-NE publishes 25 hours with a
     * repeated HE2 ("2X"); callers pass {@code hourEnding} up to 25 there.
     */
    public static Instant startOfHourEnding(LocalDate date, int hourEnding) {
        if (hourEnding < 1 || hourEnding > hoursIn(date)) {
            throw new IllegalArgumentException("hour ending " + hourEnding + " does not exist on " + date
                    + " (it has " + hoursIn(date) + " hours)");
        }
        return startOfDay(date).plus(Duration.ofHours(hourEnding - 1L));
    }
}
