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
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
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

    // Instance fields, built for each test: under mutation testing every test then runs on the
    // mutated code and is counted as covering it, which static fields (built once per JVM, with
    // whichever mutant came first) would not.
    private final Program valley = Fixtures.valleyProgram();
    private final List<Product> products = DemoProducts.create(Fixtures.VALLEY, YearMonth.of(2025, 1),
            DemoProducts.Prices.spreadFrom(EnergyPrice.ofCentsPerKilowattHour("14.210")));
    /** The full-size community of {@link #SEED}, generated on first use. */
    private List<Account> full;

    @Test
    void fullSizeHasTheTownsAccountCounts() {
        assertThat(full()).hasSize(28_340);
        assertThat(count(a -> a.town().equals("Amherst") && a.isResidential())).isEqualTo(12_000);
        assertThat(count(a -> a.town().equals("Amherst") && !a.isResidential())).isEqualTo(1_200);
        assertThat(count(a -> a.town().equals("Northampton") && a.isResidential())).isEqualTo(13_000);
        assertThat(count(a -> a.town().equals("Northampton") && !a.isResidential())).isEqualTo(1_500);
        assertThat(count(a -> a.town().equals("Pelham") && a.isResidential())).isEqualTo(600);
        assertThat(count(a -> a.town().equals("Pelham") && !a.isResidential())).isEqualTo(40);
    }

    @Test
    void aTenthScaleHasATenthOfEveryTown() {
        List<Account> small = new SyntheticPopulation(valley, products).generate(SEED, 0.1);
        Map<String, Long> byTownAndKind = small.stream().collect(Collectors.groupingBy(
                a -> a.town() + (a.isResidential() ? " residential" : " commercial"), Collectors.counting()));
        assertThat(byTownAndKind).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Amherst residential", 1_200L, "Amherst commercial", 120L,
                "Northampton residential", 1_300L, "Northampton commercial", 150L,
                "Pelham residential", 60L, "Pelham commercial", 4L));
    }

    @Test
    void idsRunFromOneInTownOrderResidentialFirst() {
        for (int i = 0; i < full().size(); i++) {
            assertThat(full().get(i).id().value()).isEqualTo(i + 1L);
        }
        assertThat(full().get(0).town()).isEqualTo("Amherst");
        assertThat(full().get(0).isResidential()).isTrue();
        assertThat(full().get(12_000).isResidential()).isFalse();
        assertThat(full().get(13_200).town()).isEqualTo("Northampton");
        assertThat(full().get(full().size() - 1).town()).isEqualTo("Pelham");
    }

    @Test
    void theSameSeedGivesTheSameCommunityAndAnotherSeedAnotherOne() {
        SyntheticPopulation population = new SyntheticPopulation(valley, products);
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
        assertThat(full()).allSatisfy(a -> assertThat(a.lowIncome())
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
        double all = (double) count(a -> a.supplyStatus() == SupplyStatus.COMPETITIVE) / full().size();
        double homes = share(Account::isResidential, a -> a.supplyStatus() == SupplyStatus.COMPETITIVE);
        double businesses = share(a -> !a.isResidential(), a -> a.supplyStatus() == SupplyStatus.COMPETITIVE);
        assertThat(all).isCloseTo(1.0 / 3, within(0.03));
        assertThat(homes).isLessThan(all);
        assertThat(businesses).isGreaterThan(all + 0.1);
    }

    @Test
    void sixPercentOfHomesAreNetMeteredAndNoBusinesses() {
        assertThat(share(Account::isResidential, Account::netMetered)).isCloseTo(0.06, within(SHARE_TOLERANCE));
        assertThat(full()).filteredOn(a -> !a.isResidential()).noneMatch(Account::netMetered);
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
        assertThat(full()).allSatisfy(a -> assertThat(a.product().isPresent())
                .isEqualTo(a.supplyStatus() == SupplyStatus.PROGRAM));
    }

    @Test
    void accountNumbersAreUniqueAndInTheUtilitysStyle() {
        Set<String> seen = new HashSet<>();
        assertThat(full()).allSatisfy(a -> {
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
        assertThat(full()).allSatisfy(a -> {
            assertThat(a.serviceAddress().city()).isEqualTo(a.town());
            assertThat(zips.get(a.town())).contains(a.serviceAddress().zip());
            assertThat(a.utility()).isEqualTo(utilities.get(a.town()));
            assertThat(a.loadZone()).isEqualTo(LoadZone.WCMA);
            assertThat(a.serviceAddress().street()).matches("\\d+ .+");
            assertThat(a.program()).isEqualTo(Fixtures.VALLEY);
        });
        assertThat(full().stream().map(Account::customerName).distinct().count()).isGreaterThan(10_000);
        assertThat(full()).filteredOn(a -> a.town().equals("Northampton"))
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
        List<Account> accounts = new SyntheticPopulation(valley, menu).generate(SEED, 1.0);
        Predicate<Account> onProgram = a -> a.supplyStatus() == SupplyStatus.PROGRAM;
        assertThat(share(accounts, onProgram, on(new ProductId("wind-max")))).isCloseTo(0.10, within(SHARE_TOLERANCE));
        assertThat(share(accounts, onProgram, on(new ProductId("neighbourhood")))).isCloseTo(0.05, within(SHARE_TOLERANCE));
        assertThat(share(accounts, onProgram, on(new ProductId("economy")))).isCloseTo(0.03, within(0.01));
    }

    @Test
    void aMenuWithOnlyADefaultPutsEveryProgramCustomerOnIt() {
        List<Product> onlyDefault = products.stream().filter(Product::isDefault).toList();
        List<Account> accounts = new SyntheticPopulation(valley, onlyDefault).generate(SEED, 0.1);
        assertThat(accounts).filteredOn(a -> a.supplyStatus() == SupplyStatus.PROGRAM)
                .isNotEmpty()
                .allMatch(on(DemoProducts.STANDARD));
    }

    @Test
    void aMenuWithoutADefaultIsRejected() {
        List<Product> noDefault = products.stream().filter(p -> !p.isDefault()).toList();
        assertThatThrownBy(() -> new SyntheticPopulation(valley, noDefault))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one default");
    }

    @Test
    void aTownWithoutAProfileIsNamed() {
        Program withLeverett = new Program(Fixtures.VALLEY, "Valley Green Energy", "Amherst", List.of(
                valley.towns().get(0), new Town("Leverett", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 1_865)),
                Fixtures.LAUNCH);
        assertThatThrownBy(() -> new SyntheticPopulation(withLeverett, products))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Leverett");
    }

    @Test
    void scalesOutsideTheRangeAreRejected() {
        SyntheticPopulation population = new SyntheticPopulation(valley, products);
        assertThatThrownBy(() -> population.generate(SEED, 0)).hasMessageContaining("scale");
        assertThatThrownBy(() -> population.generate(SEED, Double.NaN)).hasMessageContaining("scale");
        assertThatThrownBy(() -> population.generate(SEED, 11)).hasMessageContaining("scale");
    }

    @Test
    void houseNumbersFavourLowNumbersAndOneHomeInSevenIsAnApartment() {
        // Homes are numbered 1 + ⌊u² × 240⌋ for a uniform u, so a number is at most 60 exactly when
        // u < 0.5: half of them. Businesses go up to 400. 15 % of homes and no business have an Apt.
        List<Account> homes = full().stream().filter(Account::isResidential).toList();
        List<Account> businesses = full().stream().filter(a -> !a.isResidential()).toList();
        assertThat(homes).allSatisfy(a -> assertThat(houseNumber(a)).isBetween(1, 240));
        assertThat(businesses).allSatisfy(a -> assertThat(houseNumber(a)).isBetween(1, 400));
        double atMost60 = (double) homes.stream().filter(a -> houseNumber(a) <= 60).count() / homes.size();
        assertThat(atMost60).isCloseTo(0.5, within(SHARE_TOLERANCE));
        assertThat(businesses.stream().filter(a -> houseNumber(a) > 240).count()).isPositive();
        double apartments = (double) homes.stream().filter(a -> a.serviceAddress().street().contains(" Apt "))
                .count() / homes.size();
        assertThat(apartments).isCloseTo(0.15, within(SHARE_TOLERANCE));
        assertThat(businesses).noneMatch(a -> a.serviceAddress().street().contains(" Apt "));
    }

    @Test
    void namesArePeopleForHomesAndTradesForBusinesses() {
        // 12 % of households are couples ("Ann & Joel Brown"); 35 % of small businesses carry a family
        // name ("Murphy's Bakery"), the rest a place ("Valley Bakery").
        List<Account> homes = full().stream().filter(Account::isResidential).toList();
        List<Account> shops = full().stream().filter(a -> a.rateClass() == RateClass.G_1).toList();
        double couples = (double) homes.stream().filter(a -> a.customerName().contains(" & ")).count() / homes.size();
        assertThat(couples).isCloseTo(0.12, within(SHARE_TOLERANCE));
        assertThat(homes).allSatisfy(a -> assertThat(a.customerName()).matches("[^ ]+( & [^ ]+)? .+"));
        double family = (double) shops.stream().filter(a -> a.customerName().matches("[A-Z][A-Za-z']*'s .+"))
                .count() / shops.size();
        assertThat(family).isCloseTo(0.35, within(0.04));
        assertThat(full()).filteredOn(a -> !a.isResidential())
                .allSatisfy(a -> assertThat(a.customerName()).contains(" "));
    }

    @Test
    void townProfilesNeedCountsAndStreets() {
        List<TownProfile.Street> streets = List.of(new TownProfile.Street("Main St", "01002"));
        assertThatThrownBy(() -> new TownProfile("Amherst", -1, 0, streets, streets))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new TownProfile("Amherst", 0, -1, streets, streets))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new TownProfile("Amherst", 1, 1, List.of(), streets))
                .hasMessageContaining("at least one residential and one commercial street");
        assertThatThrownBy(() -> new TownProfile("Amherst", 1, 1, streets, List.of()))
                .hasMessageContaining("at least one residential and one commercial street");
        assertThat(new TownProfile("Amherst", 0, 0, streets, streets).residentialAccounts()).isZero();
        assertThatThrownBy(() -> new TownProfile.Street(" ", "01002")).hasMessageContaining("blank");
        assertThatThrownBy(() -> new TownProfile.Street("Main St", "1002")).hasMessageContaining("5 digits");
    }

    @Test
    void productsNotYetOfferedAtLaunchAreNobodysChoice() {
        // A 150 % product that starts a year after the January 2025 launch would otherwise be the greenest.
        Product later = product("future-wind", new GreenContent.Absolute(Percent.of(150)), 0, "18.000", false,
                YearMonth.of(2026, 1), YearMonth.of(2028, 12));
        List<Product> menu = new java.util.ArrayList<>(products);
        menu.add(later);
        List<Account> accounts = new SyntheticPopulation(valley, menu).generate(SEED, 0.1);
        assertThat(accounts).noneMatch(on(new ProductId("future-wind")));
        assertThat(accounts).anyMatch(on(DemoProducts.GREEN_100));
    }

    @Test
    void aProductOfAnotherProgramIsRejected() {
        Product foreign = new Product(DemoProducts.STANDARD, new ProgramId("hilltown-power"), "Standard",
                new GreenContent.StateMinimum(), Percent.ZERO, EnergyPrice.ofCentsPerKilowattHour("14.000"),
                YearMonth.of(2025, 1), YearMonth.of(2027, 12), true, true);
        assertThatThrownBy(() -> new SyntheticPopulation(valley, List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hilltown-power")
                .hasMessageContaining("valley-green-energy");
    }

    @Test
    void theLargestScaleIsTenTimesTheTowns() {
        // Pelham alone keeps this cheap: 600 homes and 40 businesses, ten times over.
        Program pelham = new Program(Fixtures.VALLEY, "Pelham Power", "Pelham", List.of(valley.towns().get(2)),
                Fixtures.LAUNCH);
        SyntheticPopulation population = new SyntheticPopulation(pelham, products);
        assertThat(population.generate(SEED, 10.0)).hasSize(6_400);
        assertThatThrownBy(() -> population.generate(SEED, 10.001)).hasMessageContaining("at most 10.0");
        assertThat(population.generate(SEED, 0.01)).hasSize(6).allMatch(a -> a.town().equals("Pelham"));
    }

    @Test
    void townProfilesCanBeGivenForOtherTowns() {
        TownProfile leverett = new TownProfile("LEVERETT", 30, 5,
                List.of(new TownProfile.Street("Montague Rd", "01054")),
                List.of(new TownProfile.Street("Shutesbury Rd", "01054")));
        Program program = new Program(Fixtures.VALLEY, "Leverett Light", "Leverett",
                List.of(new Town("Leverett", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 1_865)), Fixtures.LAUNCH);
        List<Account> accounts = new SyntheticPopulation(program, products, List.of(leverett)).generate(SEED, 1.0);
        assertThat(accounts).hasSize(35).allSatisfy(a -> {
            assertThat(a.town()).isEqualTo("Leverett");
            assertThat(a.serviceAddress().zip()).isEqualTo("01054");
            assertThat(a.number().value()).matches("[1-9]\\d{9}");
        });
        assertThat(accounts.subList(0, 30)).allMatch(Account::isResidential);
        assertThat(accounts.subList(30, 35)).noneMatch(Account::isResidential);
    }

    private static Product product(String id, GreenContent green, double local, String cents, boolean isDefault,
            YearMonth from, YearMonth to) {
        return new Product(new ProductId(id), Fixtures.VALLEY, id, green, Percent.of(local),
                EnergyPrice.ofCentsPerKilowattHour(cents), from, to, isDefault, true);
    }

    private static int houseNumber(Account account) {
        String street = account.serviceAddress().street();
        return Integer.parseInt(street.substring(0, street.indexOf(' ')));
    }

    private static Predicate<Account> on(ProductId product) {
        return a -> a.product().filter(product::equals).isPresent();
    }

    private List<Account> full() {
        if (full == null) {
            full = new SyntheticPopulation(valley, products).generate(SEED, 1.0);
        }
        return full;
    }

    private long count(Predicate<Account> filter) {
        return full().stream().filter(filter).count();
    }

    private double share(Predicate<Account> among, Predicate<Account> which) {
        return share(full(), among, which);
    }

    private static double share(List<Account> accounts, Predicate<Account> among, Predicate<Account> which) {
        long base = accounts.stream().filter(among).count();
        return (double) accounts.stream().filter(among).filter(which).count() / base;
    }
}
