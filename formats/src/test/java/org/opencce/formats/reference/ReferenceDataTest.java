package org.opencce.formats.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
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
import org.opencce.domain.units.Energy;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Money;
import org.opencce.domain.units.Percent;
import org.opencce.domain.weather.TypicalYear;
import org.opencce.formats.FormatException;
import org.opencce.formats.isone.SmdColumn;

class ReferenceDataTest {
    private static final ReferenceData DATA = ReferenceData.instance();

    @Test
    void isReadOnceAndShared() {
        assertThat(ReferenceData.instance()).isSameAs(DATA);
    }

    @Test
    void eversourceWmaBasicServiceInForceMidSeptember2024Is14_02CentsPerKwh() {
        BasicServiceRate rate = DATA.basicServiceRates().inForce(Utility.EVERSOURCE_WMA, LocalDate.of(2024, 9, 15))
                .orElseThrow();
        assertThat(rate.price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.02"));
        assertThat(rate.start()).isEqualTo(LocalDate.of(2024, 8, 1));
        assertThat(rate.end()).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @Test
    void noEversourceRateIsKnownFromFebruary2025SoTheLatestIsTheBestBenchmark() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(DATA.basicServiceRates().inForce(Utility.EVERSOURCE_WMA, day)).isEmpty();
        assertThat(DATA.basicServiceRates().latestOnOrBefore(Utility.EVERSOURCE_WMA, day).orElseThrow().price())
                .isEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.02"));
    }

    @Test
    void theLatestNationalGridRateIs15_484CentsFromAugust2025ToJanuary2026() {
        BasicServiceRate latest = DATA.basicServiceRates()
                .latestOnOrBefore(Utility.NATIONAL_GRID_MA, LocalDate.of(2026, 1, 31)).orElseThrow();
        assertThat(latest.price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("15.484"));
        assertThat(latest.start()).isEqualTo(LocalDate.of(2025, 8, 1));

        BasicServiceHistory history = DATA.nationalGridMonthlyBasicService();
        assertThat(history.utility()).isEqualTo(Utility.NATIONAL_GRID_MA);
        assertThat(history.lastMonth()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(history.latestPrice()).isEqualTo(latest.price());
    }

    @Test
    void theNationalGridHistoryHasEveryMonthFromJanuary2018() {
        BasicServiceHistory history = DATA.nationalGridMonthlyBasicService();
        assertThat(history.firstMonth()).isEqualTo(YearMonth.of(2018, 1));
        assertThat(history.priceByMonth()).hasSize(97);
        assertThat(history.priceIn(YearMonth.of(2018, 1))).contains(EnergyPrice.ofCentsPerKilowattHour("12.673"));
        assertThat(history.priceIn(YearMonth.of(2017, 12))).isEmpty();
    }

    @Test
    void theBasicServiceFileHasSixEversourceAndTenNationalGridPeriods() {
        assertThat(DATA.basicServiceRates().rates()).filteredOn(r -> r.utility() == Utility.EVERSOURCE_WMA).hasSize(6);
        assertThat(DATA.basicServiceRates().rates()).filteredOn(r -> r.utility() == Utility.NATIONAL_GRID_MA)
                .hasSize(10);
    }

    @Test
    void theClassIMinimumIs27PercentIn2025And40PercentIn2030() {
        assertThat(DATA.classIStandard().minimumFor(2025)).contains(Percent.of(27));
        assertThat(DATA.classIStandard().minimumFor(2019)).contains(Percent.of(14));
        assertThat(DATA.classIStandard().minimumFor(2030)).contains(Percent.of(40));
        assertThat(DATA.classIStandard().minimumFor(2018)).isEmpty();
    }

    @Test
    void theThreeTownsAreInWcmaWithTheirUtilityAndPopulation() {
        assertThat(DATA.towns()).containsExactly(
                new Town("Amherst", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 39_263),
                new Town("Northampton", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 29_571),
                new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_280));
    }

    @Test
    void thereAre86PeerProductsWithTheirRulesAsPublished() {
        List<PeerProduct> products = DATA.peerProducts();
        assertThat(products).hasSize(86);
        assertThat(products.stream().map(PeerProduct::town).distinct()).hasSize(34);

        PeerProduct acton = products.get(0);
        assertThat(acton.optionName()).isEqualTo("Acton Power Choice Basic");
        assertThat(acton.isDefault()).isFalse();
        assertThat(acton.broker()).isEqualTo("Mass Power Choice");
        assertThat(acton.greenContent()).isEqualTo(new GreenContent.StateMinimum());
        assertThat(acton.termStart()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(acton.termEnd()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(acton.price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.411"));
        assertThat(acton.url()).isEqualTo("https://masspowerchoice.com/acton/options-pricing");

        PeerProduct watertown = product("Watertown 100% Green");
        assertThat(watertown.greenContent()).isEqualTo(new GreenContent.Absolute(Percent.of(138)));
        assertThat(watertown.localContent()).isEqualTo(new GreenContent.Absolute(Percent.of(100)));

        PeerProduct lexington = product("Lexington 100% Green");
        assertThat(lexington.isDefault()).isTrue();
        assertThat(lexington.greenContent().percentGiven(Percent.of(27))).isEqualTo(Percent.of(100));
        assertThat(lexington.localContent()).isEqualTo(new GreenContent.MinimumPlus(20));
        assertThat(lexington.localContent().percentGiven(Percent.of(27))).isEqualTo(Percent.of(47));
    }

    @Test
    void everyTownWithPeerProductsHasExactlyOneDefault() {
        DATA.peerProducts().stream().map(PeerProduct::town).distinct().forEach(town ->
                assertThat(DATA.peerProducts()).as(town)
                        .filteredOn(p -> p.town().equals(town) && p.isDefault()).hasSize(1));
    }

    @Test
    void nationalGridR1DeliveryIsTenDollarsAMonthPlus18_160CentsPerKwh() {
        List<DeliveryCharge> charges = DATA.deliveryCharges();
        assertThat(charges).hasSize(9).allSatisfy(c -> {
            assertThat(c.utility()).isEqualTo(Utility.NATIONAL_GRID_MA);
            assertThat(c.rateClass()).isEqualTo(RateClass.R_1);
        });
        assertThat(charges.get(0).name()).isEqualTo("customer_charge");
        assertThat(charges.get(0).amount()).isEqualTo(new DeliveryCharge.PerMonth(Money.ofDollars("10.00")));

        EnergyPrice perKwh = charges.stream().map(DeliveryCharge::amount)
                .filter(a -> a instanceof DeliveryCharge.PerKilowattHour)
                .map(a -> ((DeliveryCharge.PerKilowattHour) a).price())
                .reduce(EnergyPrice.ofCentsPerKilowattHour("0"), EnergyPrice::plus);
        assertThat(perKwh).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("18.160"));

        // 600 kWh: $10.00 + 600 × 18.160 ¢ = $118.96.
        Money month = charges.stream().map(c -> c.forMonth(Energy.ofKilowattHours(600))).reduce(Money.ZERO, Money::plus);
        assertThat(month.roundedToCents()).isEqualTo(Money.ofDollars("118.96"));
    }

    @Test
    void theTransitionChargeIsACredit() {
        assertThat(DATA.deliveryCharges()).filteredOn(DeliveryCharge::isCredit)
                .extracting(DeliveryCharge::name).containsExactly("transition");
    }

    @Test
    void emissionFactorsKeepThePublishedValueAndConvertToOneUnit() {
        List<EmissionFactor> factors = DATA.emissionFactors();
        assertThat(factors).hasSize(16);

        EmissionFactor average2017 = factors.stream()
                .filter(f -> f.kind() == EmissionFactor.Kind.SYSTEM_AVERAGE && f.year() == 2017).findFirst().orElseThrow();
        assertThat(average2017.publishedValue()).isEqualTo(682);
        assertThat(average2017.publishedUnit()).isEqualTo(EmissionFactor.PublishedUnit.POUNDS_PER_MWH);
        assertThat(average2017.fuel()).isEqualTo(Fuel.ALL);
        assertThat(average2017.asOf()).isEmpty();
        // 682 lb × 0.45359237 kg/lb.
        assertThat(average2017.rate().kilogramsPerMegawattHour()).isCloseTo(309.35, within(0.005));
    }

    @Test
    void theDerivedGasProxyAgreesWithTheRealTimeFactorItWasComputedFrom() {
        // The file rounds the derived lb/MWh to 0.1, so the conversions must agree within 0.05 lb/MWh.
        for (int year : new int[] {2024, 2025}) {
            EmissionFactor realTime = factor(EmissionFactor.Kind.REALTIME_FUEL_FACTOR, year,
                    EmissionFactor.PublishedUnit.METRIC_TONS_PER_MW_MINUTE);
            EmissionFactor derived = factor(EmissionFactor.Kind.MARGINAL_PROXY_DERIVED, year,
                    EmissionFactor.PublishedUnit.POUNDS_PER_MWH);
            EmissionFactor derivedTonnes = factor(EmissionFactor.Kind.MARGINAL_PROXY_DERIVED, year,
                    EmissionFactor.PublishedUnit.METRIC_TONS_PER_MWH);
            assertThat(realTime.rate().poundsPerMegawattHour()).as("%d", year)
                    .isCloseTo(derived.publishedValue(), within(0.05));
            assertThat(realTime.rate().metricTonsPerMegawattHour()).as("%d", year)
                    .isCloseTo(derivedTonnes.publishedValue(), within(1e-9));
        }
    }

    @Test
    void eversourceTypicalUseIsGivenByRateClassAndForAllResidentialCustomers() {
        List<TypicalMonthlyUsage> usage = DATA.typicalMonthlyUsage();
        assertThat(usage).hasSize(5);
        TypicalMonthlyUsage r1 = usage.get(0);
        assertThat(r1.rateClass()).contains(RateClass.R_1);
        assertThat(r1.low()).isEqualTo(Energy.ofKilowattHours(530));
        assertThat(r1.high()).isEqualTo(Energy.ofKilowattHours(550));
        assertThat(r1.midpoint()).isEqualTo(Energy.ofKilowattHours(540));

        TypicalMonthlyUsage all = usage.get(4);
        assertThat(all.rateClass()).isEqualTo(Optional.empty());
        assertThat(all.midpoint()).isEqualTo(Energy.ofKilowattHours(600));
        assertThat(all.describes(RateClass.R_3)).isTrue();
        assertThat(all.describes(RateClass.G_1)).isFalse();
        assertThat(r1.describes(RateClass.R_2)).isFalse();
    }

    @Test
    void theChicopeeTypicalYearAndTheWcmaLoadAreThere() {
        TypicalYear chicopee = DATA.chicopeeTypicalYear();
        assertThat(chicopee.station().id()).isEqualTo("744910");
        assertThat(chicopee.station().latitude()).isEqualTo(42.2);
        assertThat(DATA.wcmassSmd2017().hours()).hasSize(2879);
        assertThat(DATA.wcmassSmd2017().columns()).contains(SmdColumn.DEMAND, SmdColumn.RT_LMP, SmdColumn.DRY_BULB);
    }

    @Test
    void aBadRowInAReferenceFileFailsWithFileAndLine() {
        String towns = "town,utility,population_2020\nAmherst,Eversource,39263\nPelham,Eversource,many\n";
        assertThatThrownBy(() -> ReferenceFiles.towns(new StringReader(towns), "towns.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("towns.csv, line 3: population_2020 'many' is not a whole number");
    }

    @Test
    void aTownWithoutAKnownLoadZoneIsABugInTheReferenceData() {
        String towns = "town,utility,population_2020\nBoston,Eversource,675647\n";
        assertThatThrownBy(() -> ReferenceFiles.towns(new StringReader(towns), "towns.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("towns.csv, line 2: the ISO-NE load zone of Boston is not known");
    }

    @Test
    void anUnknownGreenRuleFailsWithFileAndLine() {
        String products = "town,town_option_name,is_default,broker,green_rule,green_value,local_rule,local_value,"
                + "start_month,end_month,rate_cents_per_kwh,url\n"
                + "Acton,Acton Basic,false,MPC,most,0,minimum,0,2023-12,2026-12,14.411,https://example.org/acton\n";
        assertThatThrownBy(() -> ReferenceFiles.peerProducts(new StringReader(products), "aggregation-products.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("aggregation-products.csv, line 2: green_rule 'most' must be minimum, minimum_plus or"
                        + " absolute");
    }

    @Test
    void aMissingColumnInAReferenceFileIsNamed() {
        assertThatThrownBy(() -> ReferenceFiles.classIStandard(new StringReader("year,pct\n2025,27\n"), "rps.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("rps.csv, line 1: column 'class_i_minimum_pct' is missing; the header is [year, pct]");
    }

    @Test
    void aDeliveryChargeInAnUnknownUnitFailsWithFileAndLine() {
        String charges = "charge,rate,unit,note,source\ndemand,5,USD/kW,,https://example.org\n";
        assertThatThrownBy(() -> ReferenceFiles.deliveryCharges(new StringReader(charges), "delivery.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("delivery.csv, line 2: unit 'USD/kW' must be USD/month or cents/kWh");
    }

    private static PeerProduct product(String name) {
        return DATA.peerProducts().stream().filter(p -> p.optionName().equals(name)).findFirst().orElseThrow();
    }

    private static EmissionFactor factor(EmissionFactor.Kind kind, int year, EmissionFactor.PublishedUnit unit) {
        return DATA.emissionFactors().stream()
                .filter(f -> f.kind() == kind && f.year() == year && f.fuel() == Fuel.NATURAL_GAS
                        && f.publishedUnit() == unit)
                .findFirst().orElseThrow();
    }
}
