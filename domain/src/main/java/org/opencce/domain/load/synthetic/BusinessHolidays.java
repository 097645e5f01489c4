package org.opencce.domain.load.synthetic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The holidays on which most businesses close and load looks like a Sunday: New Year's Day, Memorial
 * Day, Independence Day, Labor Day, Thanksgiving and Christmas (federal holidays, 5 U.S.C. 6103). A
 * fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after, as
 * federal offices do. Stateless and thread-safe.
 */
final class BusinessHolidays {
    private BusinessHolidays() {
    }

    static boolean isHoliday(LocalDate day) {
        int year = day.getYear();
        return day.equals(observed(LocalDate.of(year, Month.JANUARY, 1)))
                // New Year's Day on a Saturday is observed on the last day of the year before.
                || day.equals(observed(LocalDate.of(year + 1, Month.JANUARY, 1)))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || day.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || day.equals(LocalDate.of(year, Month.SEPTEMBER, 1)
                        .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)))
                || day.equals(LocalDate.of(year, Month.NOVEMBER, 1)
                        .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)))
                || day.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    private static LocalDate observed(LocalDate holiday) {
        if (holiday.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return holiday.minusDays(1);
        }
        if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return holiday.plusDays(1);
        }
        return holiday;
    }
}
