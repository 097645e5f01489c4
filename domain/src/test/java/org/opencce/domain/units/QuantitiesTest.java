package org.opencce.domain.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Energy, power, emissions and percentages: conversions and arithmetic worked out by hand. */
class QuantitiesTest {
    private static final double EXACT = 1e-12;

    @Test
    void energyConvertsBetweenKilowattAndMegawattHours() {
        assertThat(Energy.ofMegawattHours(1.5).kilowattHours()).isCloseTo(1_500, within(EXACT));
        assertThat(Energy.ofKilowattHours(2_500).megawattHours()).isCloseTo(2.5, within(EXACT));
    }

    @Test
    void energyAddsSubtractsAndScales() {
        Energy may = Energy.ofKilowattHours(540);
        Energy june = Energy.ofKilowattHours(760);
        assertThat(may.plus(june).kilowattHours()).isCloseTo(1_300, within(EXACT));
        assertThat(june.minus(may).kilowattHours()).isCloseTo(220, within(EXACT));
        assertThat(may.minus(june).kilowattHours()).isCloseTo(-220, within(EXACT));
        assertThat(may.times(1.4).kilowattHours()).isCloseTo(756, within(1e-9));
        assertThat(may).isLessThan(june);
        assertThat(may.compareTo(Energy.ofKilowattHours(540))).isZero();
        assertThat(may.toString()).isEqualTo("540.0 kWh");
        assertThatThrownBy(() -> Energy.ofKilowattHours(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void powerConvertsAndIntegratesOverTime() {
        assertThat(Power.ofMegawatts(2).kilowatts()).isCloseTo(2_000, within(EXACT));
        assertThat(Power.ofKilowatts(250).megawatts()).isCloseTo(0.25, within(EXACT));
        // 2 kW for 90 minutes is 3 kWh; 3 kWh in 90 minutes is an average of 2 kW.
        assertThat(Power.ofKilowatts(2).over(Duration.ofMinutes(90)).kilowattHours()).isCloseTo(3, within(EXACT));
        assertThat(Power.average(Energy.ofKilowattHours(3), Duration.ofMinutes(90)).kilowatts())
                .isCloseTo(2, within(EXACT));
        assertThatThrownBy(() -> Power.average(Energy.ofKilowattHours(3), Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Power.average(Energy.ofKilowattHours(3), Duration.ofHours(-1)))
                .hasMessageContaining("positive");
        assertThat(Power.ofKilowatts(5)).isGreaterThan(Power.ofKilowatts(4.5));
        assertThat(Power.ofKilowatts(5).compareTo(Power.ofKilowatts(5))).isZero();
        assertThat(Power.ofKilowatts(5).toString()).isEqualTo("5.0 kW");
    }

    @Test
    void emissionsConvertBetweenKilogramsTonnesAndPounds() {
        assertThat(Emissions.ofMetricTons(2).kilograms()).isCloseTo(2_000, within(EXACT));
        assertThat(Emissions.ofKilograms(750).metricTons()).isCloseTo(0.75, within(EXACT));
        // 45.359237 kg is exactly 100 lb.
        assertThat(Emissions.ofKilograms(45.359237).pounds()).isCloseTo(100, within(1e-9));
        assertThat(Emissions.ofKilograms(300).plus(Emissions.ofKilograms(200)).kilograms()).isCloseTo(500, within(EXACT));
        assertThat(Emissions.ofKilograms(1)).isLessThan(Emissions.ofKilograms(2));
        assertThat(Emissions.ZERO.compareTo(Emissions.ofKilograms(0))).isZero();
        assertThat(Emissions.ofKilograms(12.5).toString()).isEqualTo("12.5 kg CO2");
        assertThatThrownBy(() -> Emissions.ofKilograms(Double.NEGATIVE_INFINITY)).hasMessageContaining("kg");
    }

    @Test
    void percentagesAddSubtractAndOrder() {
        assertThat(Percent.of(27).plus(Percent.of(20))).isEqualTo(Percent.of(47));
        assertThat(Percent.of(27).minus(Percent.of(30))).isEqualTo(Percent.of(-3));
        assertThat(Percent.of(-8.5).fraction()).isCloseTo(-0.085, within(EXACT));
        assertThat(Percent.of(30)).isLessThan(Percent.of(30.5));
        assertThat(Percent.HUNDRED.compareTo(Percent.of(100))).isZero();
        assertThat(Percent.of(12.5).toString()).isEqualTo("12.5 %");
    }
}
