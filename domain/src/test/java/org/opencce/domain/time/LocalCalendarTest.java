package org.opencce.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class LocalCalendarTest {

    @Test
    void springForwardDayHasTwentyThreeHours() {
        assertThat(LocalCalendar.hoursIn(LocalDate.of(2025, 3, 9))).isEqualTo(23);
        assertThat(LocalCalendar.hoursIn(YearMonth.of(2025, 3))).isEqualTo(31 * 24 - 1);
    }

    @Test
    void fallBackDayHasTwentyFiveHours() {
        assertThat(LocalCalendar.hoursIn(LocalDate.of(2025, 11, 2))).isEqualTo(25);
        assertThat(LocalCalendar.hoursIn(YearMonth.of(2025, 11))).isEqualTo(30 * 24 + 1);
    }

    @Test
    void ordinaryDaysAndYearsHaveTheirHours() {
        assertThat(LocalCalendar.hoursIn(LocalDate.of(2025, 7, 4))).isEqualTo(24);
        assertThat(LocalCalendar.hoursIn(2025)).isEqualTo(8760);
        assertThat(LocalCalendar.hoursIn(2024)).isEqualTo(8784);
    }

    @Test
    void localMidnightIsFiveOrFourHoursBehindUtc() {
        assertThat(LocalCalendar.startOfDay(LocalDate.of(2025, 1, 1))).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
        assertThat(LocalCalendar.startOfDay(LocalDate.of(2025, 7, 1))).isEqualTo(Instant.parse("2025-07-01T04:00:00Z"));
    }

    @Test
    void hourEndingLabelsBecomeHourStarts() {
        // ISO-NE HE1 on 2017-01-01 is [00:00, 01:00) EST.
        assertThat(LocalCalendar.startOfHourEnding(LocalDate.of(2017, 1, 1), 1))
                .isEqualTo(Instant.parse("2017-01-01T05:00:00Z"));
        // On the spring-forward day HE3 starts at 03:00 EDT = 07:00Z: HE2 and HE3 are one real hour apart.
        assertThat(LocalCalendar.startOfHourEnding(LocalDate.of(2017, 3, 12), 3))
                .isEqualTo(Instant.parse("2017-03-12T07:00:00Z"));
        // The fall-back day has a 25th hour ending.
        assertThat(LocalCalendar.startOfHourEnding(LocalDate.of(2017, 11, 5), 25))
                .isEqualTo(Instant.parse("2017-11-06T04:00:00Z"));
        assertThatThrownBy(() -> LocalCalendar.startOfHourEnding(LocalDate.of(2017, 3, 12), 24))
                .hasMessageContaining("has 23 hours");
    }

    @Test
    void theRepeatedHourOfFallBackBelongsToTheSameMonth() {
        assertThat(LocalCalendar.monthOf(Instant.parse("2025-11-02T05:30:00Z"))).isEqualTo(YearMonth.of(2025, 11));
        assertThat(LocalCalendar.monthOf(Instant.parse("2025-12-01T04:59:00Z"))).isEqualTo(YearMonth.of(2025, 11));
        assertThat(LocalCalendar.monthOf(Instant.parse("2025-12-01T05:00:00Z"))).isEqualTo(YearMonth.of(2025, 12));
    }
}
