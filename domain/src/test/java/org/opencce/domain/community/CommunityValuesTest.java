package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.synthetic.ValleyTowns;
import org.opencce.domain.units.Percent;

class CommunityValuesTest {

    @Test
    void rateClassesAndUtilitiesHaveTheirTariffNames() {
        assertThat(RateClass.R_3.description()).isEqualTo("residential electric heat");
        assertThat(RateClass.G_3.toString()).isEqualTo("G-3");
        assertThat(RateClass.R_4.isResidential()).isTrue();
        assertThat(RateClass.G_1.isResidential()).isFalse();
        assertThat(RateClass.parse(null)).isEmpty();
        assertThat(RateClass.parse(" r_4 ")).contains(RateClass.R_4);
        assertThat(Utility.NATIONAL_GRID_MA.displayName()).isEqualTo("National Grid (Massachusetts Electric Co.)");
        assertThat(Utility.parse(null)).isEmpty();
        assertThat(Utility.parse("NSTAR")).contains(Utility.EVERSOURCE_WMA);
        assertThat(Utility.parse("Eversource Energy")).contains(Utility.EVERSOURCE_WMA);
        assertThat(Utility.parse("eversource_wma")).contains(Utility.EVERSOURCE_WMA);
        assertThat(Utility.parse("NGRID")).contains(Utility.NATIONAL_GRID_MA);
        assertThat(Utility.parse("MECO")).contains(Utility.NATIONAL_GRID_MA);
        assertThat(Utility.parse("Massachusetts Electric")).contains(Utility.NATIONAL_GRID_MA);
        assertThat(Utility.parse("NATIONAL_GRID_MA")).contains(Utility.NATIONAL_GRID_MA);
        assertThat(LoadZone.WCMA.displayName()).isEqualTo("Western/Central Massachusetts");
        assertThat(SupplyStatus.COMPETITIVE.displayName()).isEqualTo("Competitive supplier");
    }

    @Test
    void greenContentRulesDescribeThemselvesAsAggregationsDo() {
        assertThat(new GreenContent.StateMinimum().describe()).isEqualTo("state minimum");
        assertThat(new GreenContent.MinimumPlus(2.5).describe()).isEqualTo("state minimum + 2.5 points");
        assertThat(new GreenContent.Absolute(Percent.of(138)).describe()).isEqualTo("138 %");
        assertThat(new GreenContent.Absolute(Percent.of(12.5)).describe()).isEqualTo("12.5 %");
        assertThat(new GreenContent.Absolute(Percent.ZERO).percentGiven(Percent.of(27))).isEqualTo(Percent.ZERO);
        assertThat(new GreenContent.MinimumPlus(1000).percentGiven(Percent.of(27))).isEqualTo(Percent.of(1027));
        assertThatThrownBy(() -> new GreenContent.MinimumPlus(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new GreenContent.MinimumPlus(Double.NaN)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new GreenContent.MinimumPlus(1000.5)).hasMessageContaining("1000.5");
        assertThatThrownBy(() -> new GreenContent.Absolute(Percent.of(-1))).hasMessageContaining("negative");
    }

    @Test
    void townsAddressesAndIdentifiersValidateAndPrint() {
        assertThat(new ServiceAddress("12 Kellogg Ave", "Amherst", "01002").toString())
                .isEqualTo("12 Kellogg Ave, Amherst MA 01002");
        assertThat(new ServiceAddress("1 Main St", "Amherst", "01002-1234").zip()).isEqualTo("01002-1234");
        assertThatThrownBy(() -> new ServiceAddress(" ", "Amherst", "01002")).hasMessageContaining("street");
        assertThatThrownBy(() -> new Town(" ", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 10)).hasMessageContaining("blank");
        assertThatThrownBy(() -> new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, -1))
                .hasMessageContaining("Pelham").hasMessageContaining("-1");
        assertThat(new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 0).population()).isZero();
        assertThat(new AccountId(1).toString()).isEqualTo("1");
        assertThatThrownBy(() -> new AccountId(0)).hasMessageContaining("positive");
        assertThat(new ProductId("green-100").toString()).isEqualTo("green-100");
        assertThatThrownBy(() -> new ProductId("-green")).hasMessageContaining("slug");
        assertThat(Fixtures.VALLEY.toString()).isEqualTo("valley-green-energy");
        assertThat(new UtilityAccountNumber("A-12").masked()).isEqualTo("A-12");
        assertThat(new UtilityAccountNumber("8123456789").toString()).isEqualTo("8123456789");
    }

    @Test
    void accountsOfResidentialClassesAreResidential() {
        assertThat(Fixtures.valleyAccounts()).extracting(Account::isResidential)
                .containsExactly(true, true, true, false, true);
    }

    @Test
    void theValleyTownsAreFoundByNameIgnoringCase() {
        assertThat(ValleyTowns.profile(" northampton ")).hasValueSatisfying(p -> {
            assertThat(p.town()).isEqualTo("Northampton");
            assertThat(p.residentialAccounts()).isEqualTo(13_000);
        });
        assertThat(ValleyTowns.profile("Hadley")).isEmpty();
        assertThat(ValleyTowns.profiles()).extracting(p -> p.town()).containsExactly("Amherst", "Northampton", "Pelham");
    }
}
