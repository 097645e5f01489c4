package org.opencce.domain.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.opencce.domain.units.Energy;

/** Conversions worked out by hand: 1 lb = 0.45359237 kg exactly, 1 t = 1,000 kg, 1 MW·min = 1/60 MWh. */
class EmissionRateTest {
    private static final double KG = 1e-9;

    @Test
    void tonnesPerMegawattHourAreAThousandKilogramsEach() {
        EmissionRate rate = EmissionRate.ofMetricTonsPerMegawattHour(0.4);
        assertThat(rate.kilogramsPerMegawattHour()).isCloseTo(400, within(KG));
        assertThat(rate.metricTonsPerMegawattHour()).isCloseTo(0.4, within(KG));
    }

    @Test
    void tonnesPerMegawattMinuteAreSixtyTimesAsManyPerMegawattHour() {
        // 0.006 t per MW held a minute: 60 minutes make 1 MWh and 0.36 t, 360 kg.
        assertThat(EmissionRate.ofMetricTonsPerMegawattMinute(0.006).kilogramsPerMegawattHour())
                .isCloseTo(360, within(KG));
    }

    @Test
    void poundsConvertAtTheInternationalPound() {
        // ISO-NE publishes lb/MWh: 1,000 lb/MWh is 453.59237 kg/MWh.
        EmissionRate rate = EmissionRate.ofPoundsPerMegawattHour(1000);
        assertThat(rate.kilogramsPerMegawattHour()).isCloseTo(453.59237, within(KG));
        assertThat(EmissionRate.ofKilogramsPerMegawattHour(453.59237).poundsPerMegawattHour())
                .isCloseTo(1000, within(1e-6));
    }

    @Test
    void emissionsAreTheRateTimesTheEnergy() {
        // 400 kg/MWh × 2,500 kWh (2.5 MWh) = 1,000 kg.
        assertThat(EmissionRate.ofKilogramsPerMegawattHour(400).times(Energy.ofKilowattHours(2_500)).kilograms())
                .isCloseTo(1_000, within(KG));
    }

    @Test
    void publishedUnitsGiveTheRateInKilogramsPerMegawattHour() {
        assertThat(EmissionFactor.PublishedUnit.POUNDS_PER_MWH.rate(1000).kilogramsPerMegawattHour())
                .isCloseTo(453.59237, within(KG));
        assertThat(EmissionFactor.PublishedUnit.METRIC_TONS_PER_MWH.rate(0.4).kilogramsPerMegawattHour())
                .isCloseTo(400, within(KG));
        assertThat(EmissionFactor.PublishedUnit.METRIC_TONS_PER_MW_MINUTE.rate(0.006).kilogramsPerMegawattHour())
                .isCloseTo(360, within(KG));
        EmissionFactor factor = new EmissionFactor(EmissionFactor.Kind.SYSTEM_AVERAGE, "ISO-NE", 2017, "", Fuel.ALL,
                658, EmissionFactor.PublishedUnit.POUNDS_PER_MWH, "published", "https://www.iso-ne.com/");
        // 658 lb/MWh × 0.45359237 = 298.46377946 kg/MWh.
        assertThat(factor.rate().kilogramsPerMegawattHour()).isCloseTo(298.46377946, within(1e-6));
    }

    @Test
    void ratesOrderByKilogramsAndPrintTheirUnit() {
        assertThat(EmissionRate.ofKilogramsPerMegawattHour(300)).isLessThan(EmissionRate.ofKilogramsPerMegawattHour(301));
        assertThat(EmissionRate.ofMetricTonsPerMegawattHour(0.3).compareTo(EmissionRate.ofKilogramsPerMegawattHour(300)))
                .isZero();
        assertThat(EmissionRate.ofKilogramsPerMegawattHour(400).toString()).isEqualTo("400.0 kg CO2/MWh");
    }

    @Test
    void negativeOrNonFiniteRatesAreRefused() {
        assertThat(EmissionRate.ofKilogramsPerMegawattHour(0).kilogramsPerMegawattHour()).isZero();
        assertThatThrownBy(() -> EmissionRate.ofKilogramsPerMegawattHour(-0.1)).hasMessageContaining("non-negative")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> EmissionRate.ofKilogramsPerMegawattHour(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> EmissionRate.ofKilogramsPerMegawattHour(Double.POSITIVE_INFINITY))
                .hasMessageContaining("finite");
    }
}
