package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.units.Percent;

class CommunityModelTest {

    @Test
    void theLeadTownMustBeAMember() {
        Program valley = Fixtures.valleyProgram();
        assertThatThrownBy(() -> new Program(valley.id(), valley.name(), "Hadley", valley.towns(), valley.launchDate()))
                .hasMessageContaining("lead town 'Hadley'");
        assertThat(valley.town(" pelham ")).map(Town::utility).contains(Utility.EVERSOURCE_WMA);
        assertThat(valley.town("Hadley")).isEmpty();
    }

    @Test
    void anAccountHasAProductExactlyWhenTheProgramSuppliesIt() {
        Account alice = Fixtures.valleyAccounts().get(0);
        assertThatThrownBy(() -> new Account(alice.id(), alice.program(), alice.number(), alice.utility(), alice.town(),
                alice.rateClass(), alice.customerName(), alice.serviceAddress(), SupplyStatus.BASIC_SERVICE,
                alice.product(), false, false, LoadZone.WCMA))
                .hasMessageContaining("a product is required exactly when");
        assertThatThrownBy(() -> new Account(alice.id(), alice.program(), alice.number(), alice.utility(), alice.town(),
                alice.rateClass(), alice.customerName(), alice.serviceAddress(), SupplyStatus.PROGRAM,
                Optional.empty(), false, false, LoadZone.WCMA))
                .hasMessageContaining("a product is required exactly when");
    }

    @Test
    void greenContentRulesReadAgainstTheYearsMinimum() {
        Percent minimum2025 = Percent.of(27);
        assertThat(new GreenContent.StateMinimum().percentGiven(minimum2025)).isEqualTo(Percent.of(27));
        assertThat(new GreenContent.MinimumPlus(20).percentGiven(minimum2025)).isEqualTo(Percent.of(47));
        assertThat(new GreenContent.Absolute(Percent.of(100)).percentGiven(minimum2025)).isEqualTo(Percent.of(100));
        assertThat(new GreenContent.MinimumPlus(20).describe()).isEqualTo("state minimum + 20 points");
    }

    @Test
    void utilitiesAndRateClassesAreReadAsPeopleWriteThem() {
        assertThat(Utility.parse("National Grid")).contains(Utility.NATIONAL_GRID_MA);
        assertThat(Utility.parse("WMECO")).contains(Utility.EVERSOURCE_WMA);
        assertThat(Utility.parse("Unitil")).isEmpty();
        assertThat(RateClass.parse("r1")).contains(RateClass.R_1);
        assertThat(RateClass.parse("G 3")).contains(RateClass.G_3);
        assertThat(RateClass.parse("R-9")).isEmpty();
    }

    @Test
    void identifiersValidateTheirShape() {
        assertThatThrownBy(() -> new ProgramId("Valley Green")).hasMessageContaining("lowercase slug");
        assertThatThrownBy(() -> new ProgramId(null)).hasMessageContaining("lowercase slug");
        assertThatThrownBy(() -> new UtilityAccountNumber("12")).hasMessageContaining("4 to 30");
        assertThat(new UtilityAccountNumber("54012345678").masked()).isEqualTo("•••••••5678");
        assertThatThrownBy(() -> new ServiceAddress("1 Main St", "Amherst", "0100")).hasMessageContaining("ZIP");
    }

    @Test
    void aProgramListsEachTownOnce() {
        Town amherst = Fixtures.valleyProgram().towns().get(0);
        assertThatThrownBy(() -> new Program(Fixtures.VALLEY, "X", "Amherst", List.of(amherst, amherst),
                Fixtures.LAUNCH)).hasMessageContaining("twice");
    }
}
