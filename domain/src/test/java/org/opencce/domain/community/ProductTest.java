package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

class ProductTest {
    private static final Product SPRING_2025_TO_2026 = product(YearMonth.of(2025, 3), YearMonth.of(2026, 2), "14.450");

    @Test
    void aProductIsOfferedFromItsFirstToItsLastMonthInclusive() {
        assertThat(SPRING_2025_TO_2026.isOfferedIn(YearMonth.of(2025, 3))).as("first month").isTrue();
        assertThat(SPRING_2025_TO_2026.isOfferedIn(YearMonth.of(2025, 11))).isTrue();
        assertThat(SPRING_2025_TO_2026.isOfferedIn(YearMonth.of(2026, 2))).as("last month").isTrue();
    }

    @Test
    void aProductIsNotOfferedBeforeOrAfterItsTerm() {
        assertThat(SPRING_2025_TO_2026.isOfferedIn(YearMonth.of(2025, 2))).as("month before").isFalse();
        assertThat(SPRING_2025_TO_2026.isOfferedIn(YearMonth.of(2026, 3))).as("month after").isFalse();
        assertThat(SPRING_2025_TO_2026.isOfferedIn(YearMonth.of(2024, 3))).isFalse();
    }

    @Test
    void aOneMonthTermIsOfferedInThatMonthOnly() {
        Product july = product(YearMonth.of(2025, 7), YearMonth.of(2025, 7), "14.450");
        assertThat(july.isOfferedIn(YearMonth.of(2025, 7))).isTrue();
        assertThat(july.isOfferedIn(YearMonth.of(2025, 6))).isFalse();
        assertThat(july.isOfferedIn(YearMonth.of(2025, 8))).isFalse();
    }

    @Test
    void aTermEndingBeforeItStartsOrANonPositivePriceIsRefusedNamingTheProduct() {
        assertThatThrownBy(() -> product(YearMonth.of(2025, 7), YearMonth.of(2025, 6), "14.450"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard").hasMessageContaining("2025-06").hasMessageContaining("2025-07");
        assertThatThrownBy(() -> product(YearMonth.of(2025, 1), YearMonth.of(2025, 12), "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price must be positive");
        assertThatThrownBy(() -> product(YearMonth.of(2025, 1), YearMonth.of(2025, 12), "-1"))
                .hasMessageContaining("price must be positive");
        assertThat(product(YearMonth.of(2025, 1), YearMonth.of(2025, 12), "0.001").price())
                .isEqualTo(EnergyPrice.ofCentsPerKilowattHour("0.001"));
    }

    private static Product product(YearMonth from, YearMonth to, String cents) {
        return new Product(Fixtures.STANDARD, Fixtures.VALLEY, "Valley Standard", new GreenContent.MinimumPlus(20),
                Percent.of(5), EnergyPrice.ofCentsPerKilowattHour(cents), from, to, true, true);
    }
}
