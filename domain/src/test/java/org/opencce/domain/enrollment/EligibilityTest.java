package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.ALICE;
import static org.opencce.domain.Fixtures.CAROL;
import static org.opencce.domain.Fixtures.DELI;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GUS;
import static org.opencce.domain.Fixtures.IAN;

import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;

class EligibilityTest {
    private static final Program VALLEY = Fixtures.valleyProgram();

    @Test
    void thePelhamLowIncomeAccountIsEligibleAndFlaggedNeverExcluded() {
        Eligibility faye = Eligibility.decide(Accounts.get(FAYE), VALLEY);
        assertThat(faye).isInstanceOf(Eligibility.Eligible.class);
        assertThat(faye.reason()).isEqualTo("in member town Pelham, on Basic Service; low-income (R-2): flagged, never"
                + " excluded; keeps the utility's low-income discount when enrolled");
    }

    @Test
    void aNetMeteredAccountIsEligibleAndKeepsItsCredits() {
        assertThat(Eligibility.decide(Accounts.get(GUS), VALLEY)).isEqualTo(new Eligibility.Eligible("in member town"
                + " Amherst, on Basic Service; net-metered: flagged, never excluded; keeps its net metering credits when"
                + " enrolled"));
        assertThat(Eligibility.decide(Accounts.withFlags(Accounts.get(GUS), true, true), VALLEY).reason()).isEqualTo(
                "in member town Amherst, on Basic Service; low-income (R-1): flagged, never excluded; keeps the"
                        + " utility's low-income discount when enrolled; net-metered: flagged, never excluded; keeps its"
                        + " net metering credits when enrolled");
    }

    @Test
    void anAccountOutsideTheMemberTownsIsIneligible() {
        assertThat(Eligibility.decide(Accounts.get(IAN), VALLEY))
                .isEqualTo(new Eligibility.Ineligible("Hadley is not a member town of Valley Green Energy"));
    }

    @Test
    void theCompetitiveDeliMayOnlyOptIn() {
        assertThat(Eligibility.decide(Accounts.get(DELI), VALLEY)).isEqualTo(new Eligibility.OptInOnly(
                "in member town Northampton, with a competitive supplier: not enrolled automatically, may opt in"));
    }

    @Test
    void accountsTheProgramSuppliesStayEligible() {
        assertThat(Eligibility.decide(Accounts.get(ALICE), VALLEY))
                .isEqualTo(new Eligibility.Eligible("in member town Amherst, supplied by the program"));
        assertThat(Eligibility.decide(Accounts.get(CAROL), VALLEY).reason()).startsWith(
                "in member town Northampton, supplied by the program; net-metered");
    }

    @Test
    void aTownIsFoundAsTheListWritesItAndNamedAsTheProgramDoes() {
        assertThat(Eligibility.decide(Accounts.withTown(Accounts.get(FAYE), " PELHAM "), VALLEY).reason())
                .startsWith("in member town Pelham, on Basic Service");
    }

    @Test
    void aListThatDisagreesWithTheProgramOrTheTownsUtilityIsNotGuessedAt() {
        assertThat(Eligibility.decide(Accounts.withUtility(Accounts.get(GUS), Utility.NATIONAL_GRID_MA), VALLEY))
                .isEqualTo(new Eligibility.Ineligible("Amherst is served by Eversource (Western Massachusetts), but the"
                        + " list gives National Grid (Massachusetts Electric Co.)"));
        assertThat(Eligibility.decide(Accounts.withProgram(Accounts.get(GUS), new ProgramId("hilltown-power")), VALLEY))
                .isEqualTo(new Eligibility.Ineligible("account of program hilltown-power, not of valley-green-energy"));
    }

    @Test
    void everyDecisionHasAReason() {
        assertThatThrownBy(() -> new Eligibility.Eligible(null)).hasMessage("reason");
        assertThatThrownBy(() -> new Eligibility.Ineligible(null)).hasMessage("reason");
        assertThatThrownBy(() -> new Eligibility.OptInOnly(null)).hasMessage("reason");
    }
}
