package org.opencce.domain.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void aPriceTimesEnergyIsExactMoney() {
        EnergyPrice price = EnergyPrice.ofCentsPerKilowattHour("14.411");
        Money cost = price.times(Energy.ofKilowattHours(550));
        assertThat(cost.dollars()).isEqualByComparingTo("79.26050");
        assertThat(cost.roundedToCents()).isEqualTo(Money.ofDollars("79.26"));
        assertThat(cost.toString()).isEqualTo("$79.26");
    }

    @Test
    void billLinesRoundHalfUpToCents() {
        assertThat(Money.ofDollars("10.125").roundedToCents()).isEqualTo(Money.ofDollars("10.13"));
        assertThat(Money.ofDollars("-10.125").roundedToCents()).isEqualTo(Money.ofDollars("-10.13"));
    }

    @Test
    void moneyAndPricesCompareByValueWhateverTheirScale() {
        assertThat(Money.ofDollars("1.5")).isEqualTo(Money.ofDollars("1.50")).hasSameHashCodeAs(Money.ofDollars("1.50"));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14.0")).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.000"));
    }

    @Test
    void wholesalePricesConvertFromDollarsPerMegawattHour() {
        EnergyPrice lmp = EnergyPrice.ofDollarsPerMegawattHour(new BigDecimal("35.12"));
        assertThat(lmp.centsPerKilowattHour()).isEqualByComparingTo("3.512");
        assertThat(lmp.dollarsPerMegawattHour()).isEqualByComparingTo("35.12");
    }

    @Test
    void aPriceDifferenceIsAPercentOfTheReference() {
        EnergyPrice program = EnergyPrice.ofCentsPerKilowattHour("13.000");
        EnergyPrice basicService = EnergyPrice.ofCentsPerKilowattHour("14.020");
        assertThat(program.differenceFrom(basicService).value()).isCloseTo(-7.28, within(0.005));
    }

    @Test
    void powerOverTimeIsEnergy() {
        assertThat(Power.ofKilowatts(3).over(Duration.ofMinutes(30))).isEqualTo(Energy.ofKilowattHours(1.5));
        assertThat(Power.average(Energy.ofMegawattHours(1), Duration.ofHours(4)).kilowatts()).isEqualTo(250);
    }

    @Test
    void emissionsConvertFromPoundsAtTheInternationalPound() {
        // ISO-NE's 2017 system average was published in lb/MWh; 1 lb = 0.45359237 kg exactly.
        assertThat(Emissions.ofPounds(1000).kilograms()).isCloseTo(453.59237, within(1e-9));
        assertThat(Emissions.ofMetricTons(1.5).pounds()).isCloseTo(3306.93, within(0.01));
    }

    @Test
    void percentagesAboveHundredAreAllowedAndFractionsFollow() {
        assertThat(Percent.of(138).fraction()).isEqualTo(1.38);
        assertThatThrownBy(() -> Percent.of(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void nonFiniteQuantitiesAreRefusedWithTheirUnit() {
        assertThatThrownBy(() -> Energy.ofKilowattHours(Double.POSITIVE_INFINITY)).hasMessageContaining("kWh");
        assertThatThrownBy(() -> Power.ofKilowatts(Double.NaN)).hasMessageContaining("kW");
    }

    @Property
    void costIsLinearInEnergy(@ForAll @IntRange(min = 0, max = 100_000) int kwh,
            @ForAll @IntRange(min = 1, max = 50_000) int milliCents) {
        EnergyPrice price = EnergyPrice.ofCentsPerKilowattHour(BigDecimal.valueOf(milliCents, 3));
        Money once = price.times(Energy.ofKilowattHours(kwh));
        Money split = price.times(Energy.ofKilowattHours(kwh / 2)).plus(price.times(Energy.ofKilowattHours(kwh - kwh / 2)));
        assertThat(once).isEqualTo(split);
    }
}
