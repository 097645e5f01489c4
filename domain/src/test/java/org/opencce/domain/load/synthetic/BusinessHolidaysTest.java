package org.opencce.domain.load.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The business holidays, each date worked out by hand on a calendar. The weekend rule is the federal
 * one the class claims to follow: a holiday on a Saturday is observed the Friday before (5 U.S.C.
 * 6103(b)(1)), one on a Sunday the Monday after (Executive Order 11582, § 3(a)). OPM applies the
 * Saturday rule across the year boundary: New Year's Day 2022, a Saturday, was observed on Friday,
 * December 31, 2021.
 */
class BusinessHolidaysTest {

    @Test
    void the2025HolidaysAreTheSixWeekdaysAndNoOtherDay() {
        // 2025: Jan 1 Wednesday; Memorial Day the last Monday of May, May 26; July 4 Friday; Labor Day
        // the first Monday of September, Sep 1; Thanksgiving the fourth Thursday of November, Nov 27;
        // Christmas Thursday. None falls on a weekend, so none moves.
        List<LocalDate> expected = List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 26),
                LocalDate.of(2025, 7, 4), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27),
                LocalDate.of(2025, 12, 25));
        assertThat(holidaysIn(2025)).containsExactlyElementsOf(expected);
    }

    @Test
    void the2026HolidaysIncludeIndependenceDayObservedOnFridayJulyThird() {
        // July 4, 2026 is a Saturday: observed Friday, July 3. Memorial Day May 25, Labor Day Sep 7,
        // Thanksgiving Nov 26; Jan 1 (Thursday) and Dec 25 (Friday) stay.
        assertThat(holidaysIn(2026)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 25));
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2026, 7, 4))).as("the Saturday itself").isFalse();
    }

    @Test
    void christmas2027AndNewYear2028OnSaturdaysAreObservedOnTheFridaysBefore() {
        // December 25, 2027 is a Saturday: observed Friday, December 24. January 1, 2028 is a
        // Saturday too: observed Friday, December 31, 2027, in the year before. July 4, 2027 is a
        // Sunday: observed Monday, July 5.
        assertThat(holidaysIn(2027)).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31),
                LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6), LocalDate.of(2027, 11, 25),
                LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 31));
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2027, 12, 25))).isFalse();
        // OPM's own case: January 1, 2022 (a Saturday) was observed on Friday, December 31, 2021.
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2022, 1, 1))).isFalse();
    }

    @Test
    void holidaysOnASundayAreObservedOnTheMondayAfter() {
        // Sundays: July 4, 2021; December 25, 2022; January 1, 2023.
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2021, 7, 5))).isTrue();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2022, 12, 26))).isTrue();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2023, 1, 2))).isTrue();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2021, 7, 4))).isFalse();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2022, 12, 25))).isFalse();
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2023, 1, 1))).isFalse();
        // The Friday before a Sunday holiday is an ordinary day.
        assertThat(BusinessHolidays.isHoliday(LocalDate.of(2022, 12, 23))).isFalse();
    }

    private static List<LocalDate> holidaysIn(int year) {
        return Stream.iterate(LocalDate.of(year, 1, 1), d -> d.getYear() == year, d -> d.plusDays(1))
                .filter(BusinessHolidays::isHoliday).toList();
    }
}
