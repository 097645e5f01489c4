package org.opencce.domain.community.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.units.EnergyPrice;

class SyntheticPopulationPropertyTest {

    @Property(tries = 25)
    void everySeedGivesAConsistentCommunity(@ForAll long seed) {
        List<Account> accounts = new SyntheticPopulation(Fixtures.valleyProgram(), DemoProducts.create(Fixtures.VALLEY,
                YearMonth.of(2025, 1), DemoProducts.Prices.spreadFrom(EnergyPrice.ofCentsPerKilowattHour("14.210"))))
                .generate(seed, 0.02);
        // 2 % of 12,000 + 1,200 + 13,000 + 1,500 + 600 + 40, town by town and rounded: 240 + 24 + 260 + 30 + 12 + 1.
        assertThat(accounts).hasSize(567);
        assertThat(accounts.stream().map(a -> a.number().value()).distinct().count()).isEqualTo(accounts.size());
        assertThat(accounts).allSatisfy(a -> assertThat(a.product().isPresent())
                .isEqualTo(a.supplyStatus() == SupplyStatus.PROGRAM));
    }
}
