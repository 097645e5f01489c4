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

/**
 * Which product a synthetic customer's choice lands on. Green content is compared at a 27 % Class I
 * minimum, so "minimum + 20" is 47 %, "minimum + 5" 32 % and the state minimum 27 %.
 */
class ProductChoicesTest {
    private static final Product DEFAULT = product("everyday", new GreenContent.MinimumPlus(20), 5, true);

    @Test
    void aProductAsGreenAsTheDefaultIsNeitherAnOptUpNorAnOptDown() {
        Product sameGreen = product("same", new GreenContent.MinimumPlus(20), 5, false);
        assertThat(ProductChoices.of(List.of(DEFAULT, sameGreen)))
                .isEqualTo(new ProductChoices(id("everyday"), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void aLessGreenProductIsTheOptDownAndNotTheGreenest() {
        Product economy = product("economy", new GreenContent.StateMinimum(), 0, false);
        assertThat(ProductChoices.of(List.of(economy, DEFAULT)))
                .isEqualTo(new ProductChoices(id("everyday"), Optional.empty(), Optional.empty(),
                        Optional.of(id("economy"))));
    }

    @Test
    void theMostLocalProductMustBeMoreLocalThanTheDefault() {
        Product equallyLocal = product("equally-local", new GreenContent.MinimumPlus(20), 5, false);
        Product moreLocal = product("more-local", new GreenContent.MinimumPlus(20), 6, false);
        assertThat(ProductChoices.of(List.of(DEFAULT, equallyLocal)).mostLocal()).isEmpty();
        assertThat(ProductChoices.of(List.of(DEFAULT, equallyLocal, moreLocal)).mostLocal()).contains(id("more-local"));
    }

    @Test
    void theGreenestProductIsNotAlsoOfferedAsTheMostLocal() {
        // "wind-max" is both the greenest (100 %) and the most local (60 %); it is taken as the
        // greenest, so the most-local choice goes to the next most local, "hilltown" (40 %).
        Product windMax = product("wind-max", new GreenContent.Absolute(Percent.HUNDRED), 60, false);
        Product hilltown = product("hilltown", new GreenContent.MinimumPlus(30), 40, false);
        ProductChoices choices = ProductChoices.of(List.of(DEFAULT, windMax, hilltown));
        assertThat(choices.greenest()).contains(id("wind-max"));
        assertThat(choices.mostLocal()).contains(id("hilltown"));
    }

    @Test
    void theMostLocalProductIsNotAlsoOfferedAsTheOptDown() {
        // "local-only" (27 %, 30 % local) is the most local and the least green; once taken as the most
        // local, the opt-down is the next least green below the default, "lean" (32 %).
        Product localOnly = product("local-only", new GreenContent.StateMinimum(), 30, false);
        Product lean = product("lean", new GreenContent.MinimumPlus(5), 0, false);
        ProductChoices choices = ProductChoices.of(List.of(DEFAULT, localOnly, lean));
        assertThat(choices.mostLocal()).contains(id("local-only"));
        assertThat(choices.optDown()).contains(id("lean"));
    }

    @Test
    void tiesGoToTheFirstIdInAlphabeticalOrderWhateverTheMenuOrder() {
        Product zeta = product("zeta", new GreenContent.Absolute(Percent.HUNDRED), 0, false);
        Product alpha = product("alpha", new GreenContent.Absolute(Percent.HUNDRED), 0, false);
        assertThat(ProductChoices.of(List.of(DEFAULT, zeta, alpha)).greenest()).contains(id("alpha"));
        assertThat(ProductChoices.of(List.of(alpha, zeta, DEFAULT)).greenest()).contains(id("alpha"));
    }

    @Test
    void aMenuNeedsExactlyOneDefault() {
        Product secondDefault = product("second", new GreenContent.StateMinimum(), 0, true);
        assertThatThrownBy(() -> ProductChoices.of(List.of(DEFAULT, secondDefault)))
                .hasMessageContaining("exactly one default").hasMessageContaining("found 2")
                .hasMessageContaining("everyday").hasMessageContaining("second");
    }

    private static Product product(String id, GreenContent green, double localPercent, boolean isDefault) {
        return new Product(id(id), Fixtures.VALLEY, id, green, Percent.of(localPercent),
                EnergyPrice.ofCentsPerKilowattHour("14.000"), YearMonth.of(2025, 1), YearMonth.of(2027, 12),
                isDefault, true);
    }

    private static ProductId id(String value) {
        return new ProductId(value);
    }
}
