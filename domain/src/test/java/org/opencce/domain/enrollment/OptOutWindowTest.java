package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OptOutWindowTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    @Test
    void aThirtyDayWindowFromTheFirstOfMarchClosesOnTheThirtyFirstInclusive() {
        assertThat(OptOutWindow.DEFAULT.days()).isEqualTo(30);
        assertThat(OptOutWindow.DEFAULT_DAYS).isEqualTo(30);
        assertThat(OptOutWindow.closesOn(MARCH_1, 30)).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(OptOutWindow.DEFAULT.closesOn(LocalDate.of(2024, 11, 22))).isEqualTo(LocalDate.of(2024, 12, 22));
        // across the end of February in a leap year: 30 January + 30 days
        assertThat(OptOutWindow.closesOn(LocalDate.of(2024, 1, 30), 30)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(OptOutWindow.closesOn(MARCH_1, 45)).isEqualTo(LocalDate.of(2025, 4, 15));
    }

    @Test
    void anOptOutOnTheLastDayIsInTimeAndTheAccountMayBeEnrolledTheDayAfter() {
        OptOutWindow window = OptOutWindow.DEFAULT;
        assertThat(window.isOpen(MARCH_1, LocalDate.of(2025, 2, 28))).isFalse();
        assertThat(window.isOpen(MARCH_1, MARCH_1)).isTrue();
        assertThat(window.isOpen(MARCH_1, LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(window.isOpen(MARCH_1, LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(window.hasClosed(MARCH_1, LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(window.hasClosed(MARCH_1, LocalDate.of(2025, 4, 1))).isTrue();
        // a last day on a Saturday is not moved: it is printed on the letter
        assertThat(OptOutWindow.closesOn(LocalDate.of(2025, 2, 6), 30)).isEqualTo(LocalDate.of(2025, 3, 8));
    }

    @Test
    void aWindowLastsADayToAYear() {
        assertThat(new OptOutWindow(1).closesOn(MARCH_1)).isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(new OptOutWindow(366).days()).isEqualTo(366);
        assertThatThrownBy(() -> new OptOutWindow(0)).hasMessage("opt-out window must be 1 to 366 days, was 0");
        assertThatThrownBy(() -> new OptOutWindow(367)).hasMessageContaining("was 367");
        assertThatThrownBy(() -> OptOutWindow.DEFAULT.closesOn(null)).hasMessage("mailingDate");
    }
}
