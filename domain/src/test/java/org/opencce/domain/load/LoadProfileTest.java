package org.opencce.domain.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import java.util.stream.Collectors;

class LoadProfileTest {

    @Test
    void monthlyTotalsFollowLocalMonthsNotUtcOnes() {
        // Three hours straddling local midnight of Feb 1 (05:00Z): the first two are January's.
        Instant start = Instant.parse("2025-02-01T03:00:00Z");
        LoadProfile p = new LoadProfile(List.of("Amherst", "Pelham"), start,
                new double[][] {{10, 20, 30}, {1, 2, 3}});
        Map<YearMonth, double[]> monthly = p.monthlyKwh();
        assertThat(monthly.keySet()).containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        assertThat(monthly.get(YearMonth.of(2025, 1))).containsExactly(30, 3);
        assertThat(monthly.get(YearMonth.of(2025, 2))).containsExactly(30, 3);
        assertThat(p.totalKwhByHour()).containsExactly(11, 22, 33);
        assertThat(p.totalKwh(0)).isEqualTo(60);
    }

    @Test
    void aSliceKeepsTheHoursInsideThePeriod() {
        Instant start = Instant.parse("2025-01-01T05:00:00Z");
        LoadProfile p = new LoadProfile(List.of("all"), start, new double[][] {{1, 2, 3, 4}});
        LoadProfile s = p.slice(start.plusSeconds(3600), start.plusSeconds(3 * 3600));
        assertThat(s.start()).isEqualTo(start.plusSeconds(3600));
        assertThat(s.kwhByHour(0)).containsExactly(2, 3);
    }

    @Test
    void accountsGroupByTownClassOrProduct() {
        Map<ProductId, String> names = Fixtures.valleyProducts().stream()
                .collect(Collectors.toMap(Product::id, Product::name));
        List<Account> accounts = Fixtures.valleyAccounts();
        assertThat(accounts.stream().map(a -> Grouping.TOWN.groupOf(a, names)).distinct())
                .containsExactly("Amherst", "Northampton", "Pelham");
        assertThat(Grouping.RATE_CLASS.groupOf(accounts.get(1), names)).isEqualTo("R-2");
        assertThat(Grouping.PRODUCT.groupOf(accounts.get(0), names)).isEqualTo("Valley Standard");
        // Bob opted out and Main Street Deli buys from a competitive supplier.
        assertThat(Grouping.PRODUCT.groupOf(accounts.get(1), names)).isEqualTo("Basic Service");
        assertThat(Grouping.PRODUCT.groupOf(accounts.get(3), names)).isEqualTo("Competitive supplier");
        assertThat(Grouping.parse("class")).contains(Grouping.RATE_CLASS);
        assertThat(Grouping.parse("zone")).isEmpty();
    }

    @Test
    void groupsAndHoursAreReadBack() {
        Instant start = Instant.parse("2025-01-01T05:00:00Z");
        LoadProfile p = new LoadProfile(List.of("R-1", "G-1"), start, new double[][] {{1, 2}, {30, 40}});
        assertThat(p.groups()).containsExactly("R-1", "G-1");
        assertThat(p.kwh(1, 0)).isEqualTo(30);
        assertThat(p.hours()).isEqualTo(2);
        assertThat(p.hourStart(1)).isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
        assertThat(new LoadProfile(List.of(), start, new double[0][]).hours()).isZero();
        assertThatThrownBy(() -> new LoadProfile(List.of("R-1"), start, new double[][] {{1}, {2}}))
                .hasMessageContaining("1 groups but 2 series");
        assertThatThrownBy(() -> new LoadProfile(List.of("R-1", "G-1"), start, new double[][] {{1, 2}, {3}}))
                .hasMessageContaining("G-1").hasMessageContaining("1 hours, expected 2");
    }

    @Test
    void groupingsAreReadAsACommandLineGivesThem() {
        assertThat(Grouping.parse("rate-class")).contains(Grouping.RATE_CLASS);
        assertThat(Grouping.parse(" Product ")).contains(Grouping.PRODUCT);
        assertThat(Grouping.parse("TOWN")).contains(Grouping.TOWN);
        assertThat(Grouping.parse(null)).isEmpty();
        // A product missing from the names is shown by its id.
        assertThat(Grouping.PRODUCT.groupOf(Fixtures.valleyAccounts().get(0), Map.of())).isEqualTo("standard");
    }
}
