package org.opencce.domain.community.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

class SyntheticPopulationTest {
    private static final long SEED = 42;
    /** Shares are drawn account by account; at full size a share's standard error is below 0.3 points. */
    private static final double SHARE_TOLERANCE = 0.02;

    private static final Program VALLEY = Fixtures.valleyProgram();
    private static final List<Product> PRODUCTS = DemoProducts.create(Fixtures.VALLEY, YearMonth.of(2025, 1),
            DemoProducts.Prices.spreadFrom(EnergyPrice.ofCentsPerKilowattHour("14.210")));
    private static final List<Account> FULL = new SyntheticPopulation(VALLEY, PRODUCTS).generate(SEED, 1.0);

    @Test
    void fullSizeHasTheTownsAccountCounts() {
        assertThat(FULL).hasSize(28_340);
        assertThat(count(a -> a.town().equals("Amherst") && a.isResidential())).isEqualTo(12_000);
        assertThat(count(a -> a.town().equals("Amherst") && !a.isResidential())).isEqualTo(1_200);
        assertThat(count(a -> a.town().equals("Northampton") && a.isResidential())).isEqualTo(13_000);
        assertThat(count(a -> a.town().equals("Northampton") && !a.isResidential())).isEqualTo(1_500);
        assertThat(count(a -> a.town().equals("Pelham") && a.isResidential())).isEqualTo(600);
        assertThat(count(a -> a.town().equals("Pelham") && !a.isResidential())).isEqualTo(40);
    }

    @Test
    void aTenthScaleHasATenthOfEveryTown() {
        List<Account> small = new SyntheticPopulation(VALLEY, PRODUCTS).generate(SEED, 0.1);
        Map<String, Long> byTownAndKind = small.stream().collect(Collectors.groupingBy(
                a -> a.town() + (a.isResidential() ? " residential" : " commercial"), Collectors.counting()));
        assertThat(byTownAndKind).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Amherst residential", 1_200L, "Amherst commercial", 120L,
                "Northampton residential", 1_300L, "Northampton commercial", 150L,
                "Pelham residential", 60L, "Pelham commercial", 4L));
    }

    @Test
    void idsRunFromOneInTownOrderResidentialFirst() {
        for (int i = 0; i < FULL.size(); i++) {
            assertThat(FULL.get(i).id().value()).isEqualTo(i + 1L);
        }
        assertThat(FULL.get(0).town()).isEqualTo("Amherst");
        assertThat(FULL.get(0).isResidential()).isTrue();
        assertThat(FULL.get(12_000).isResidential()).isFalse();
        assertThat(FULL.get(13_200).town()).isEqualTo("Northampton");
        assertThat(FULL.get(FULL.size() - 1).town()).isEqualTo("Pelham");
    }

    @Test
    void theSameSeedGivesTheSameCommunityAndAnotherSeedAnotherOne() {
        SyntheticPopulation population = new SyntheticPopulation(VALLEY, PRODUCTS);
        assertThat(population.generate(7, 0.1)).isEqualTo(population.generate(7, 0.1));
        List<Account> other = population.generate(8, 0.1);
        List<Account> seven = population.generate(7, 0.1);
        assertThat(other).hasSameSizeAs(seven);
        long differentNames = java.util.stream.IntStream.range(0, seven.size())
                .filter(i -> !seven.get(i).customerName().equals(other.get(i).customerName())).count();
        assertThat(differentNames).isGreaterThan(seven.size() * 9L / 10);
    }

    @Test
    void aboutFifteenPercentOfHomesAreLowIncomeAndEightPercentHeatElectrically() {
        long homes = count(Account::isResidential);
        long lowIncome = count(a -> a.rateClass() == RateClass.R_2 || a.rateClass() == RateClass.R_4);
        long electricHeat = count(a -> a.rateClass() == RateClass.R_3 || a.rateClass() == RateClass.R_4);
        assertThat((double) lowIncome / homes).isCloseTo(0.15, within(SHARE_TOLERANCE));
        assertThat((double) electricHeat / homes).isCloseTo(0.08, within(SHARE_TOLERANCE));
        assertThat(FULL).allSatisfy(a -> assertThat(a.lowIncome())
                .isEqualTo(a.rateClass() == RateClass.R_2 || a.rateClass() == RateClass.R_4));
        assertThat(count(a -> a.rateClass() == RateClass.R_1)).isGreaterThan(homes * 3 / 4);
    }

    @Test
    void businessesAreMostlySmall() {
        long businesses = count(a -> !a.isResidential());
        assertThat((double) count(a -> a.rateClass() == RateClass.G_1) / businesses).isCloseTo(0.80, within(0.03));
        assertThat((double) count(a -> a.rateClass() == RateClass.G_2) / businesses).isCloseTo(0.17, within(0.03));
        assertThat((double) count(a -> a.rateClass() == RateClass.G_3) / businesses).isCloseTo(0.03, within(0.015));
    }

    @Test
    void aboutAThirdAreOnCompetitiveSupplyBusinessesMoreThanHomes() {
        double all = (double) count(a -> a.supplyStatus() == SupplyStatus.COMPETITIVE) / FULL.size();
        double homes = share(Account::isResidential, a -> a.supplyStatus() == SupplyStatus.COMPETITIVE);
        double businesses = share(a -> !a.isResidential(), a -> a.supplyStatus() == SupplyStatus.COMPETITIVE);
        assertThat(all).isCloseTo(1.0 / 3, within(0.03));
        assertThat(homes).isLessThan(all);
        assertThat(businesses).isGreaterThan(all + 0.1);
    }

    @Test
    void sixPercentOfHomesAreNetMeteredAndNoBusinesses() {
        assertThat(share(Account::isResidential, Account::netMetered)).isCloseTo(0.06, within(SHARE_TOLERANCE));
        assertThat(FULL).filteredOn(a -> !a.isResidential()).noneMatch(Account::netMetered);
    }

    @Test
    void programCustomersAreSplitOverTheMenuByTheirChoices() {
        Predicate<Account> onProgram = a -> a.supplyStatus() == SupplyStatus.PROGRAM;
        assertThat(share(onProgram, on(DemoProducts.GREEN_100))).isCloseTo(0.10, within(SHARE_TOLERANCE));
        assertThat(share(onProgram, on(DemoProducts.LOCAL_GREEN))).isCloseTo(0.05, within(SHARE_TOLERANCE));
        assertThat(share(onProgram, on(DemoProducts.BASIC))).isCloseTo(0.03, within(0.01));
        assertThat(share(onProgram, on(DemoProducts.STANDARD))).isCloseTo(0.82, within(SHARE_TOLERANCE));
        Predicate<Account> eligible = a -> a.supplyStatus() != SupplyStatus.COMPETITIVE;
        assertThat(share(eligible, a -> a.supplyStatus() == SupplyStatus.BASIC_SERVICE))
                .isCloseTo(0.03, within(0.01));
    }

    @Test
    void exactlyTheProgramsCustomersHaveAProduct() {
        assertThat(FULL).allSatisfy(a -> assertThat(a.product().isPresent())
                .isEqualTo(a.supplyStatus() == SupplyStatus.PROGRAM));
    }

    @Test
    void accountNumbersAreUniqueAndInTheUtilitysStyle() {
        Set<String> seen = new HashSet<>();
        assertThat(FULL).allSatisfy(a -> {
            assertThat(seen.add(a.utility() + ":" + a.number().value())).as("unique %s", a.number()).isTrue();
            if (a.utility() == Utility.EVERSOURCE_WMA) {
                assertThat(a.number().value()).matches("54\\d{9}");
            } else {
                assertThat(a.number().value()).matches("[1-9]\\d{9}");
            }
        });
    }

    @Test
    void addressesAreInTheRightTownsZipCodesUtilitiesAndLoadZone() {
        Map<String, Set<String>> zips = Map.of("Amherst", Set.of("01002", "01003"),
                "Northampton", Set.of("01060", "01062"), "Pelham", Set.of("01002"));
        Map<String, Utility> utilities = Map.of("Amherst", Utility.EVERSOURCE_WMA,
                "Northampton", Utility.NATIONAL_GRID_MA, "Pelham", Utility.EVERSOURCE_WMA);
        assertThat(FULL).allSatisfy(a -> {
            assertThat(a.serviceAddress().city()).isEqualTo(a.town());
            assertThat(zips.get(a.town())).contains(a.serviceAddress().zip());
            assertThat(a.utility()).isEqualTo(utilities.get(a.town()));
            assertThat(a.loadZone()).isEqualTo(LoadZone.WCMA);
            assertThat(a.serviceAddress().street()).matches("\\d+ .+");
            assertThat(a.program()).isEqualTo(Fixtures.VALLEY);
        });
        assertThat(FULL.stream().map(Account::customerName).distinct().count()).isGreaterThan(10_000);
        assertThat(FULL).filteredOn(a -> a.town().equals("Northampton"))
                .anyMatch(a -> a.serviceAddress().zip().equals("01062"));
    }

    @Test
    void choicesAreFoundByContentWhateverTheProductIds() {
        YearMonth from = YearMonth.of(2025, 1);
        YearMonth to = YearMonth.of(2027, 12);
        List<Product> menu = List.of(
                product("wind-max", new GreenContent.Absolute(Percent.of(100)), 0, "16.000", false, from, to),
                product("economy", new GreenContent.StateMinimum(), 0, "13.500", false, from, to),
                product("neighbourhood", new GreenContent.MinimumPlus(40), 40, "16.500", false, from, to),
                product("everyday", new GreenContent.MinimumPlus(5), 5, "14.000", true, from, to));
        List<Account> accounts = new SyntheticPopulation(VALLEY, menu).generate(SEED, 1.0);
        Predicate<Account> onProgram = a -> a.supplyStatus() == SupplyStatus.PROGRAM;
        assertThat(share(accounts, onProgram, on(new ProductId("wind-max")))).isCloseTo(0.10, within(SHARE_TOLERANCE));
        assertThat(share(accounts, onProgram, on(new ProductId("neighbourhood")))).isCloseTo(0.05, within(SHARE_TOLERANCE));
        assertThat(share(accounts, onProgram, on(new ProductId("economy")))).isCloseTo(0.03, within(0.01));
    }

    @Test
    void aMenuWithOnlyADefaultPutsEveryProgramCustomerOnIt() {
        List<Product> onlyDefault = PRODUCTS.stream().filter(Product::isDefault).toList();
        List<Account> accounts = new SyntheticPopulation(VALLEY, onlyDefault).generate(SEED, 0.1);
        assertThat(accounts).filteredOn(a -> a.supplyStatus() == SupplyStatus.PROGRAM)
                .isNotEmpty()
                .allMatch(on(DemoProducts.STANDARD));
    }

    @Test
    void aMenuWithoutADefaultIsRejected() {
        List<Product> noDefault = PRODUCTS.stream().filter(p -> !p.isDefault()).toList();
        assertThatThrownBy(() -> new SyntheticPopulation(VALLEY, noDefault))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one default");
    }

    @Test
    void aTownWithoutAProfileIsNamed() {
        Program withLeverett = new Program(Fixtures.VALLEY, "Valley Green Energy", "Amherst", List.of(
                VALLEY.towns().get(0), new Town("Leverett", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 1_865)),
                Fixtures.LAUNCH);
        assertThatThrownBy(() -> new SyntheticPopulation(withLeverett, PRODUCTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Leverett");
    }

    @Test
    void scalesOutsideTheRangeAreRejected() {
        SyntheticPopulation population = new SyntheticPopulation(VALLEY, PRODUCTS);
        assertThatThrownBy(() -> population.generate(SEED, 0)).hasMessageContaining("scale");
        assertThatThrownBy(() -> population.generate(SEED, Double.NaN)).hasMessageContaining("scale");
        assertThatThrownBy(() -> population.generate(SEED, 11)).hasMessageContaining("scale");
    }

    @Property(tries = 25)
    void everySeedGivesAConsistentCommunity(@ForAll long seed) {
        List<Account> accounts = new SyntheticPopulation(VALLEY, PRODUCTS).generate(seed, 0.02);
        assertThat(accounts).hasSize(567);
        assertThat(accounts.stream().map(a -> a.number().value()).distinct().count()).isEqualTo(accounts.size());
        assertThat(accounts).allSatisfy(a -> assertThat(a.product().isPresent())
                .isEqualTo(a.supplyStatus() == SupplyStatus.PROGRAM));
    }

    private static Product product(String id, GreenContent green, double local, String cents, boolean isDefault,
            YearMonth from, YearMonth to) {
        return new Product(new ProductId(id), Fixtures.VALLEY, id, green, Percent.of(local),
                EnergyPrice.ofCentsPerKilowattHour(cents), from, to, isDefault, true);
    }

    private static Predicate<Account> on(ProductId product) {
        return a -> a.product().filter(product::equals).isPresent();
    }

    private static long count(Predicate<Account> filter) {
        return FULL.stream().filter(filter).count();
    }

    private static double share(Predicate<Account> among, Predicate<Account> which) {
        return share(FULL, among, which);
    }

    private static double share(List<Account> accounts, Predicate<Account> among, Predicate<Account> which) {
        long base = accounts.stream().filter(among).count();
        return (double) accounts.stream().filter(among).filter(which).count() / base;
    }
}
