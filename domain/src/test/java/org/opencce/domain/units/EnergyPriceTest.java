package org.opencce.domain.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Prices per kWh, each expected value worked out by hand. */
class EnergyPriceTest {

    @Test
    void differentPricesAreNotEqual() {
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14.411")).isNotEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.412"));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14")).isNotEqualTo(EnergyPrice.ofCentsPerKilowattHour("-14"));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14")).isNotEqualTo(Money.ofDollars("0.14"));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14")).isNotEqualTo(null);
    }

    @Test
    void equalPricesOfAnyScaleHashAlike() {
        EnergyPrice cents = EnergyPrice.ofCentsPerKilowattHour("14.000");
        EnergyPrice dollars = new EnergyPrice(new BigDecimal("0.14"));
        assertThat(cents).isEqualTo(dollars);
        assertThat(cents.hashCode()).isEqualTo(dollars.hashCode());
        // Distinct prices spread over hash buckets rather than sharing one.
        assertThat(cents.hashCode()).isNotEqualTo(EnergyPrice.ofCentsPerKilowattHour("15").hashCode());
    }

    @Test
    void centsAndDollarsPerMegawattHourAreTheSamePriceInOtherUnits() {
        // 14.411 ¢/kWh = $0.14411/kWh = $144.11/MWh.
        EnergyPrice price = EnergyPrice.ofCentsPerKilowattHour(" 14.411 ");
        assertThat(price.dollarsPerKilowattHour()).isEqualByComparingTo("0.14411");
        assertThat(price.dollarsPerMegawattHour()).isEqualByComparingTo("144.11");
        assertThat(price.centsPerKilowattHour()).isEqualByComparingTo("14.411");
        assertThat(EnergyPrice.ofDollarsPerMegawattHour(new BigDecimal("144.11"))).isEqualTo(price);
    }

    @Test
    void aCostIsPriceTimesEnergy() {
        // 13.5 ¢/kWh × 600 kWh = $81.00; × 0.5 kWh = 6.75 ¢.
        EnergyPrice price = EnergyPrice.ofCentsPerKilowattHour("13.5");
        assertThat(price.times(Energy.ofKilowattHours(600)).dollars()).isEqualByComparingTo("81");
        assertThat(price.times(Energy.ofKilowattHours(0.5)).dollars()).isEqualByComparingTo("0.0675");
    }

    @Test
    void pricesAddAndSubtract() {
        EnergyPrice supply = EnergyPrice.ofCentsPerKilowattHour("14.210");
        EnergyPrice adder = EnergyPrice.ofCentsPerKilowattHour("1.200");
        assertThat(supply.plus(adder)).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("15.410"));
        assertThat(supply.minus(adder)).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("13.010"));
        assertThat(adder.minus(supply)).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("-13.010"));
    }

    @Test
    void theDifferenceFromAReferenceIsSignedAndRoundedToHundredthsOfAPercent() {
        EnergyPrice basicService = EnergyPrice.ofCentsPerKilowattHour("15.000");
        // (16.5 - 15) / 15 = +10 %; (12 - 15) / 15 = -20 %; (14 - 15) / 15 = -6.666… % → -6.67 %.
        assertThat(EnergyPrice.ofCentsPerKilowattHour("16.5").differenceFrom(basicService)).isEqualTo(Percent.of(10));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("12").differenceFrom(basicService)).isEqualTo(Percent.of(-20));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14").differenceFrom(basicService))
                .isEqualTo(Percent.of(-6.67));
        // A half at the hundredth rounds up: (10.0125 - 10) / 10 = 0.125 % → 0.13 %.
        assertThat(EnergyPrice.ofCentsPerKilowattHour("10.0125")
                .differenceFrom(EnergyPrice.ofCentsPerKilowattHour("10"))).isEqualTo(Percent.of(0.13));
        assertThatThrownBy(() -> basicService.differenceFrom(EnergyPrice.ofCentsPerKilowattHour("0.000")))
                .hasMessageContaining("zero reference price");
    }

    @Test
    void pricesOrderAndPrintInCentsPerKilowattHour() {
        assertThat(EnergyPrice.ofCentsPerKilowattHour("13.9")).isLessThan(EnergyPrice.ofCentsPerKilowattHour("14"));
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14.000").compareTo(EnergyPrice.ofCentsPerKilowattHour("14")))
                .isZero();
        assertThat(EnergyPrice.ofCentsPerKilowattHour("14.410").toString()).isEqualTo("14.41 ¢/kWh");
    }

    @Test
    void aPriceIsRequired() {
        assertThatThrownBy(() -> new EnergyPrice(null)).isInstanceOf(NullPointerException.class);
    }
}
