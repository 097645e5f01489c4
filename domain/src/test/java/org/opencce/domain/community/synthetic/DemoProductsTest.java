package org.opencce.domain.community.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

class DemoProductsTest {
    private static final YearMonth LAUNCH = YearMonth.of(2025, 1);
    private static final EnergyPrice MEDIAN_PEER_DEFAULT = EnergyPrice.ofCentsPerKilowattHour("14.210");

    private final List<Product> products = DemoProducts.create(Fixtures.VALLEY, LAUNCH,
            DemoProducts.Prices.spreadFrom(MEDIAN_PEER_DEFAULT));

    @Test
    void theMenuHasBasicStandardGreenAndLocalGreenWithStandardTheOnlyDefault() {
        assertThat(products).extracting(Product::id).containsExactly(DemoProducts.BASIC, DemoProducts.STANDARD,
                DemoProducts.GREEN_100, DemoProducts.LOCAL_GREEN);
        assertThat(products).filteredOn(Product::isDefault).extracting(Product::id)
                .containsExactly(DemoProducts.STANDARD);
        assertThat(products).allMatch(Product::illustrative).allMatch(p -> p.program().equals(Fixtures.VALLEY));
    }

    @Test
    void greenContentRisesFromTheStateMinimumToAHundredPercent() {
        Percent minimum2025 = Percent.of(27);
        assertThat(product(DemoProducts.BASIC).greenContent()).isEqualTo(new GreenContent.StateMinimum());
        assertThat(product(DemoProducts.STANDARD).greenContent().percentGiven(minimum2025)).isEqualTo(Percent.of(37));
        assertThat(product(DemoProducts.GREEN_100).greenContent().percentGiven(minimum2025)).isEqualTo(Percent.HUNDRED);
        assertThat(product(DemoProducts.LOCAL_GREEN).localContent())
                .isGreaterThan(product(DemoProducts.STANDARD).localContent())
                .isGreaterThan(product(DemoProducts.GREEN_100).localContent());
    }

    @Test
    void pricesFollowTheDocumentedSpreadsFromTheDefault() {
        assertThat(product(DemoProducts.BASIC).price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("13.610"));
        assertThat(product(DemoProducts.STANDARD).price()).isEqualTo(MEDIAN_PEER_DEFAULT);
        assertThat(product(DemoProducts.GREEN_100).price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("15.410"));
        assertThat(product(DemoProducts.LOCAL_GREEN).price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("15.710"));
    }

    @Test
    void theTermRunsThirtySixMonthsFromLaunch() {
        assertThat(products).allSatisfy(p -> {
            assertThat(p.termStart()).isEqualTo(LAUNCH);
            assertThat(p.termEnd()).isEqualTo(YearMonth.of(2027, 12));
        });
    }

    @Test
    void optUpPricesBelowTheDefaultOrBasicAboveItAreRejected() {
        EnergyPrice standard = EnergyPrice.ofCentsPerKilowattHour("14.000");
        assertThatThrownBy(() -> new DemoProducts.Prices(standard, standard,
                EnergyPrice.ofCentsPerKilowattHour("13.000"), standard))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opt-up");
        assertThatThrownBy(() -> new DemoProducts.Prices(EnergyPrice.ofCentsPerKilowattHour("15.000"), standard,
                standard, standard))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Basic");
    }

    @Test
    void oneEqualPriceForEveryProductIsAllowed() {
        EnergyPrice flat = EnergyPrice.ofCentsPerKilowattHour("14.000");
        assertThat(new DemoProducts.Prices(flat, flat, flat, flat).basic()).isEqualTo(flat);
        assertThatThrownBy(() -> new DemoProducts.Prices(flat, flat, flat, EnergyPrice.ofCentsPerKilowattHour("13.999")))
                .hasMessageContaining("Local Green 13.999");
    }

    @Test
    void aReferenceTooLowForAPositiveBasicPriceIsRefused() {
        // Basic is 0.600 ¢/kWh below the reference: 0.601 leaves 0.001, 0.600 leaves nothing.
        assertThat(DemoProducts.Prices.spreadFrom(EnergyPrice.ofCentsPerKilowattHour("0.601")).basic())
                .isEqualTo(EnergyPrice.ofCentsPerKilowattHour("0.001"));
        assertThatThrownBy(() -> DemoProducts.Prices.spreadFrom(EnergyPrice.ofCentsPerKilowattHour("0.600")))
                .hasMessageContaining("too low");
    }

    @Test
    void customersChoicesAreFoundByContentOnTheDemoMenuAndOnTheFixtureMenu() {
        ProductChoices demo = ProductChoices.of(products);
        assertThat(demo).isEqualTo(new ProductChoices(DemoProducts.STANDARD, Optional.of(DemoProducts.GREEN_100),
                Optional.of(DemoProducts.LOCAL_GREEN), Optional.of(DemoProducts.BASIC)));

        ProductChoices fixtures = ProductChoices.of(Fixtures.valleyProducts());
        assertThat(fixtures).isEqualTo(new ProductChoices(Fixtures.STANDARD, Optional.of(Fixtures.GREEN_100),
                Optional.of(Fixtures.LOCAL_GREEN), Optional.of(Fixtures.BASIC)));
    }

    private Product product(ProductId id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
