package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.FAYE;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FixedReadDayTest {

    @Test
    void theNextReadIsThisMonthsReadDayOrNextMonths() {
        FixedReadDay reads = new FixedReadDay(15);
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2025, 3, 14))).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2025, 3, 15))).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2025, 3, 16))).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2025, 12, 20))).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aReadDayBeyondTheMonthsEndReadsOnItsLastDay() {
        FixedReadDay reads = new FixedReadDay(31);
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2025, 4, 2))).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2024, 2, 10))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(reads.nextReadOnOrAfter(FAYE, LocalDate.of(2025, 1, 31))).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(new FixedReadDay(30).nextReadOnOrAfter(FAYE, LocalDate.of(2025, 3, 1)))
                .isEqualTo(LocalDate.of(2025, 3, 30));
        assertThat(new FixedReadDay(1).nextReadOnOrAfter(FAYE, LocalDate.of(2025, 3, 2))).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void aChangeRequestedOnAReadDayWaitsForTheFollowingRead() {
        FixedReadDay reads = new FixedReadDay(15);
        assertThat(reads.effectiveDateOfChange(FAYE, LocalDate.of(2025, 3, 15))).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(reads.effectiveDateOfChange(FAYE, LocalDate.of(2025, 3, 14))).isEqualTo(LocalDate.of(2025, 3, 15));
    }

    @Test
    void theReadDayIsADayOfTheMonth() {
        assertThat(new FixedReadDay(1).dayOfMonth()).isEqualTo(1);
        assertThat(new FixedReadDay(31).dayOfMonth()).isEqualTo(31);
        assertThatThrownBy(() -> new FixedReadDay(0)).hasMessage("meter-read day of the month must be 1 to 31, was 0");
        assertThatThrownBy(() -> new FixedReadDay(32)).hasMessageContaining("was 32");
    }
}
