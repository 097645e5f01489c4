package org.opencce.formats.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.emissions.EmissionFactor;
import org.opencce.domain.emissions.Fuel;
import org.opencce.domain.rates.BasicServiceHistory;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.rates.DeliveryCharge;
import org.opencce.domain.rates.PeerProduct;
import org.opencce.domain.rates.TypicalMonthlyUsage;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.domain.units.Energy;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Money;
import org.opencce.domain.units.Percent;
import org.opencce.formats.FormatException;

/**
 * Each reference file reader on small hand-made files. {@link ReferenceDataTest} checks the vendored
 * files; it cannot show a reader's rules alone, because the vendored files are read once per JVM.
 */
class ReferenceFilesTest {

    private static <T> T read(BiFunction<Reader, String, T> reader, String text) {
        return reader.apply(new StringReader(text), "x.csv");
    }

    private static void assertFails(BiFunction<Reader, String, ?> reader, String text, String message) {
        assertThatThrownBy(() -> read(reader, text)).isInstanceOf(FormatException.class).hasMessage(message);
    }

    private static final String RATES = "utility,rate_class,start_date,end_date,rate_cents_per_kwh,source\n";

    @Test
    void basicServiceRatesAreReadRowByRow() {
        List<BasicServiceRate> rates = read(ReferenceFiles::basicServiceRates, RATES
                + "Eversource,R-1,2024-08-01,2025-01-31,14.02,https://example.org/e\n"
                + "National Grid,R-1/R-2,2025-08-01,2026-01-31,15.484,https://example.org/n\n").rates();

        assertThat(rates).containsExactly(
                new BasicServiceRate(Utility.EVERSOURCE_WMA, "R-1", LocalDate.of(2024, 8, 1), LocalDate.of(2025, 1, 31),
                        EnergyPrice.ofCentsPerKilowattHour("14.02"), "https://example.org/e"),
                new BasicServiceRate(Utility.NATIONAL_GRID_MA, "R-1/R-2", LocalDate.of(2025, 8, 1),
                        LocalDate.of(2026, 1, 31), EnergyPrice.ofCentsPerKilowattHour("15.484"), "https://example.org/n"));
    }

    @Test
    void aBasicServiceRateOfAnUnknownUtilityOrEndingBeforeItStartsIsABadRow() {
        assertFails(ReferenceFiles::basicServiceRates, RATES + "Unitil,R-1,2024-08-01,2025-01-31,14.02,s\n",
                "x.csv, line 2: utility 'Unitil' is not a known utility");
        assertThatThrownBy(() -> read(ReferenceFiles::basicServiceRates,
                RATES + "Eversource,R-1,2024-08-01,2024-01-31,14.02,s\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("x.csv, line 2: Basic Service rate of")
                .hasMessageEndingWith("ends (2024-01-31) before it starts (2024-08-01)");
        assertFails(ReferenceFiles::basicServiceRates, RATES + "Eversource,R-1,2024-02-30,2025-01-31,14.02,s\n",
                "x.csv, line 2: start_date '2024-02-30' is not a date yyyy-mm-dd");
        assertFails(ReferenceFiles::basicServiceRates, RATES + "Eversource,R-1,2024-08-01,2025-01-31,14¢,s\n",
                "x.csv, line 2: rate_cents_per_kwh '14¢' is not a decimal number");
    }

    private static final String MONTHS = "month,rate_cents_per_kwh,source\n";

    @Test
    void theNationalGridHistoryKeepsEachMonthAndNamesEachSourceOnce() {
        BasicServiceHistory history = read(ReferenceFiles::nationalGridMonthlyBasicService,
                MONTHS + "2018-01,12.673,a\n2018-02,12.5,b\n2018-03,12.5,a\n");

        assertThat(history.utility()).isEqualTo(Utility.NATIONAL_GRID_MA);
        assertThat(history.priceByMonth()).hasSize(3);
        assertThat(history.priceIn(YearMonth.of(2018, 1))).contains(EnergyPrice.ofCentsPerKilowattHour("12.673"));
        assertThat(history.priceIn(YearMonth.of(2018, 3))).contains(EnergyPrice.ofCentsPerKilowattHour("12.5"));
        assertThat(history.source()).isEqualTo("a ; b");
    }

    @Test
    void aMonthTwiceOrNoMonthAtAllIsAnError() {
        assertFails(ReferenceFiles::nationalGridMonthlyBasicService, MONTHS + "2018-01,12.673,a\n2018-01,12.5,a\n",
                "x.csv, line 3: month 2018-01 appears twice");
        assertFails(ReferenceFiles::nationalGridMonthlyBasicService, MONTHS, "x.csv: has no months");
        assertFails(ReferenceFiles::nationalGridMonthlyBasicService, MONTHS + "2018-13,12.673,a\n",
                "x.csv, line 2: month '2018-13' is not a month yyyy-mm");
    }

    private static final String CLASS_I = "year,class_i_minimum_pct\n";

    @Test
    void theClassIScheduleIsAPercentPerYear() {
        ClassIStandard standard = read(ReferenceFiles::classIStandard, CLASS_I + "2025,27\n2026,29.5\n");
        assertThat(standard.minimumFor(2025)).contains(Percent.of(27));
        assertThat(standard.minimumFor(2026)).contains(Percent.of(29.5));
        assertThat(standard.minimumFor(2027)).isEmpty();
    }

    @Test
    void aYearTwiceOrNoYearAtAllIsAnError() {
        assertFails(ReferenceFiles::classIStandard, CLASS_I + "2025,27\n2025,29\n", "x.csv, line 3: year 2025 appears"
                + " twice");
        assertFails(ReferenceFiles::classIStandard, CLASS_I, "x.csv: has no years");
        assertFails(ReferenceFiles::classIStandard, CLASS_I + "2025,\n", "x.csv, line 2: class_i_minimum_pct is empty");
    }

    @Test
    void townsGetTheirUtilityPopulationAndLoadZone() {
        List<Town> towns = read(ReferenceFiles::towns, "town,utility,population_2020\n"
                + "Pelham,Eversource (Western Massachusetts),1280\nNorthampton,National Grid,29571\n");
        assertThat(towns).containsExactly(new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1280),
                new Town("Northampton", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 29571));
    }

    private static final String PRODUCTS = "town,town_option_name,is_default,broker,green_rule,green_value,local_rule,"
            + "local_value,start_month,end_month,rate_cents_per_kwh,url\n";

    @Test
    void peerProductsReadTheThreeGreenRulesAndTheDefaultFlag() {
        List<PeerProduct> products = read(ReferenceFiles::peerProducts, PRODUCTS
                + "Acton,Acton Basic,false,MPC,minimum,0,minimum,0,2023-12,2026-12,14.411,https://example.org/a\n"
                + "Acton,Acton Green,true,MPC,absolute,100,minimum_plus,20,2024-01,2025-12,16.5,https://example.org/b\n");

        assertThat(products).hasSize(2);
        PeerProduct basic = products.get(0);
        assertThat(basic.town()).isEqualTo("Acton");
        assertThat(basic.optionName()).isEqualTo("Acton Basic");
        assertThat(basic.isDefault()).isFalse();
        assertThat(basic.broker()).isEqualTo("MPC");
        assertThat(basic.greenContent()).isEqualTo(new GreenContent.StateMinimum());
        assertThat(basic.localContent()).isEqualTo(new GreenContent.StateMinimum());
        assertThat(basic.termStart()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(basic.termEnd()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(basic.price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.411"));
        assertThat(basic.url()).isEqualTo("https://example.org/a");

        PeerProduct green = products.get(1);
        assertThat(green.isDefault()).isTrue();
        assertThat(green.greenContent()).isEqualTo(new GreenContent.Absolute(Percent.of(100)));
        assertThat(green.localContent()).isEqualTo(new GreenContent.MinimumPlus(20));
    }

    @Test
    void theStateMinimumRuleTakesNoPointsAndTheDefaultFlagIsTrueOrFalse() {
        assertFails(ReferenceFiles::peerProducts, PRODUCTS
                + "Acton,Acton Basic,false,MPC,minimum,5,minimum,0,2023-12,2026-12,14.411,https://example.org/a\n",
                "x.csv, line 2: green_rule 'minimum' must have green_value 0, was 5");
        assertFails(ReferenceFiles::peerProducts, PRODUCTS
                + "Acton,Acton Basic,yes,MPC,minimum,0,minimum,0,2023-12,2026-12,14.411,https://example.org/a\n",
                "x.csv, line 2: is_default 'yes' must be true or false");
    }

    private static final String CHARGES = "charge,rate,unit,note,source\n";

    @Test
    void deliveryChargesArePerMonthOrPerKilowattHour() {
        List<DeliveryCharge> charges = read(ReferenceFiles::deliveryCharges, CHARGES
                + "customer_charge,10.00,USD/month,,https://example.org/c\n"
                + "distribution,8.549,cents/kWh,as of 2025,https://example.org/d\n");

        assertThat(charges).containsExactly(
                new DeliveryCharge(Utility.NATIONAL_GRID_MA, RateClass.R_1, "customer_charge",
                        new DeliveryCharge.PerMonth(Money.ofDollars("10.00")), "", "https://example.org/c"),
                new DeliveryCharge(Utility.NATIONAL_GRID_MA, RateClass.R_1, "distribution",
                        new DeliveryCharge.PerKilowattHour(EnergyPrice.ofCentsPerKilowattHour("8.549")), "as of 2025",
                        "https://example.org/d"));
    }

    private static final String FACTORS = "kind,scope,year,as_of,fuel,value,unit,derivation,source\n";

    @Test
    void anEmissionFactorKeepsItsPublishedValueAndUnit() {
        List<EmissionFactor> factors = read(ReferenceFiles::emissionFactors, FACTORS
                + "system_average,ISO-NE generation,2017,,all,682,lb CO2/MWh,published,https://example.org/f\n");

        assertThat(factors).containsExactly(new EmissionFactor(EmissionFactor.Kind.SYSTEM_AVERAGE, "ISO-NE generation",
                2017, "", Fuel.ALL, 682, EmissionFactor.PublishedUnit.POUNDS_PER_MWH, "published",
                "https://example.org/f"));
    }

    @Test
    void anEmissionFactorOfUnknownKindFuelOrUnitOrAnImpossibleYearIsABadRow() {
        assertFails(ReferenceFiles::emissionFactors, FACTORS + "average,ISO-NE,2017,,all,682,lb CO2/MWh,,s\n",
                "x.csv, line 2: kind 'average' is unknown");
        assertFails(ReferenceFiles::emissionFactors, FACTORS + "system_average,ISO-NE,2017,,peat,682,lb CO2/MWh,,s\n",
                "x.csv, line 2: fuel 'peat' is unknown");
        assertFails(ReferenceFiles::emissionFactors, FACTORS + "system_average,ISO-NE,2017,,all,682,kg/MWh,,s\n",
                "x.csv, line 2: unit 'kg/MWh' is unknown");
        assertFails(ReferenceFiles::emissionFactors, FACTORS + "system_average,ISO-NE,1980,,all,682,lb CO2/MWh,,s\n",
                "x.csv, line 2: emission factor year must be within 1990..2100, was 1980");
    }

    private static final String USAGE = "rate_class,description,typical_monthly_kwh_low,typical_monthly_kwh_high,note,"
            + "source\n";

    @Test
    void typicalUsageIsByRateClassOrForAll() {
        List<TypicalMonthlyUsage> usage = read(ReferenceFiles::typicalMonthlyUsage, USAGE
                + "R-1,residential non-heating,530,550,,https://example.org/u\nALL,all residential,500,700,n,s\n");

        assertThat(usage).containsExactly(
                new TypicalMonthlyUsage(Utility.EVERSOURCE_WMA, Optional.of(RateClass.R_1), "residential non-heating",
                        Energy.ofKilowattHours(530), Energy.ofKilowattHours(550), "", "https://example.org/u"),
                new TypicalMonthlyUsage(Utility.EVERSOURCE_WMA, Optional.empty(), "all residential",
                        Energy.ofKilowattHours(500), Energy.ofKilowattHours(700), "n", "s"));
    }

    @Test
    void typicalUsageOfAnUnknownRateClassOrAnUpsideDownRangeIsABadRow() {
        assertFails(ReferenceFiles::typicalMonthlyUsage, USAGE + "X-9,x,530,550,,s\n",
                "x.csv, line 2: rate_class 'X-9' is not a rate class or ALL");
        assertThatThrownBy(() -> read(ReferenceFiles::typicalMonthlyUsage, USAGE + "R-1,x,550,530,,s\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("x.csv, line 2: typical monthly usage must be a positive range low ≤ high");
    }

    @Test
    void anEmptyFileOrARowWithTheWrongNumberOfFieldsIsAnError() {
        assertFails(ReferenceFiles::classIStandard, "", "x.csv: the file is empty; expected a header with"
                + " [year, class_i_minimum_pct]");
        assertFails(ReferenceFiles::classIStandard, CLASS_I + "2025,27,extra\n", "x.csv, line 2: has 3 fields, the"
                + " header has 2");
    }

    @Test
    void aRowNamesItsLineAndRefusesAColumnThatWasNotDeclared() {
        ReferenceTable table = ReferenceTable.read(new StringReader("year,note\n\n2025,first\n"), "x.csv", "year");
        ReferenceTable.Row row = table.rows().get(0);

        assertThat(table.source()).isEqualTo("x.csv");
        assertThat(row.line()).isEqualTo(3);
        assertThat(row.text("note")).isEqualTo("first");
        assertThatThrownBy(() -> row.text("population"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'population' was not declared as required");
    }

    @Test
    void aVendoredFileMissingFromTheJarSaysToRebuildIt() {
        assertThatThrownBy(() -> ReferenceData.load("no-such-file.csv", ReferenceFiles::towns))
                .isInstanceOf(FormatException.class)
                .hasMessage("no-such-file.csv: is missing from the classpath (/org/opencce/formats/reference/); the"
                        + " opencce-formats jar is incomplete, rebuild it");
        assertThat(ReferenceData.load("towns.csv", ReferenceFiles::towns)).extracting(Town::name)
                .containsExactly("Amherst", "Northampton", "Pelham");
    }
}
