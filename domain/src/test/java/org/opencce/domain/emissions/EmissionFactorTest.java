package org.opencce.domain.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmissionFactorTest {

    @Test
    void yearsOutside1990To2100AndNegativeOrNonFiniteValuesAreRefused() {
        assertThat(factor(1990, 0).year()).isEqualTo(1990);
        assertThat(factor(2100, 658).year()).isEqualTo(2100);
        assertThatThrownBy(() -> factor(1989, 658)).hasMessageContaining("1990..2100").hasMessageContaining("1989");
        assertThatThrownBy(() -> factor(2101, 658)).hasMessageContaining("2101");
        assertThatThrownBy(() -> factor(2017, -1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> factor(2017, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> factor(2017, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    @Test
    void kindsUnitsAndFuelsAreReadAsDataFilesWriteThem() {
        assertThat(EmissionFactor.Kind.parse(" system_average ")).contains(EmissionFactor.Kind.SYSTEM_AVERAGE);
        assertThat(EmissionFactor.Kind.parse("Marginal_Proxy_Derived"))
                .contains(EmissionFactor.Kind.MARGINAL_PROXY_DERIVED);
        assertThat(EmissionFactor.Kind.parse("average")).isEmpty();
        assertThat(EmissionFactor.Kind.parse(null)).isEmpty();

        assertThat(EmissionFactor.PublishedUnit.parse("LB  co2/mwh")).contains(EmissionFactor.PublishedUnit.POUNDS_PER_MWH);
        assertThat(EmissionFactor.PublishedUnit.parse(" metric t CO2 per MW per minute "))
                .contains(EmissionFactor.PublishedUnit.METRIC_TONS_PER_MW_MINUTE);
        assertThat(EmissionFactor.PublishedUnit.parse("kg/MWh")).isEmpty();
        assertThat(EmissionFactor.PublishedUnit.parse(null)).isEmpty();
        assertThat(EmissionFactor.PublishedUnit.METRIC_TONS_PER_MWH.symbol()).isEqualTo("metric t CO2/MWh");
        assertThat(EmissionFactor.PublishedUnit.POUNDS_PER_MWH.toString()).isEqualTo("lb CO2/MWh");

        assertThat(Fuel.parse("Natural Gas")).contains(Fuel.NATURAL_GAS);
        assertThat(Fuel.parse("landfill-gas")).contains(Fuel.LANDFILL_GAS);
        assertThat(Fuel.parse(" all ")).contains(Fuel.ALL);
        assertThat(Fuel.parse("nuclear")).isEmpty();
        assertThat(Fuel.parse(null)).isEmpty();
        assertThat(Fuel.NATURAL_GAS.displayName()).isEqualTo("natural gas");
        assertThat(Fuel.REFUSE.toString()).isEqualTo("refuse");
    }

    private static EmissionFactor factor(int year, double value) {
        return new EmissionFactor(EmissionFactor.Kind.SYSTEM_AVERAGE, "ISO-NE", year, "", Fuel.ALL, value,
                EmissionFactor.PublishedUnit.POUNDS_PER_MWH, "published", "https://www.iso-ne.com/");
    }
}
