package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.RateClass;

/**
 * The campaign dashboard's figures from grouped counts. The cells below are the Valley campaign of the console
 * test: Alice (Amherst R-1) enrolled on Standard, Bob (Amherst R-2 low-income) opted out, Gus (Amherst R-1
 * net-metered) notified, Carol (Northampton R-1 net-metered) rejected, the Deli (Northampton G-1) competitive,
 * Hannah (Northampton R-1) returned mail, Erin (Pelham R-3) enrolled on Local Green, Faye (Pelham R-2
 * low-income) enrolled on Standard.
 */
class CampaignCountsTest {
    private static final double DELTA_PERCENT = 1e-9;
    private static final Optional<ProductId> NONE = Optional.empty();

    private static CampaignCounts valley() {
        return CampaignCounts.of(List.of(
                cell("Amherst", RateClass.R_1, Optional.of(Fixtures.STANDARD), EnrollmentState.ENROLLED, false, false),
                cell("Amherst", RateClass.R_2, NONE, EnrollmentState.OPTED_OUT, true, false),
                cell("Amherst", RateClass.R_1, NONE, EnrollmentState.NOTIFIED, false, true),
                cell("Northampton", RateClass.R_1, NONE, EnrollmentState.REJECTED, false, true),
                cell("Northampton", RateClass.G_1, NONE, EnrollmentState.COMPETITIVE, false, false),
                cell("Northampton", RateClass.R_1, NONE, EnrollmentState.RETURNED_MAIL, false, false),
                cell("Pelham", RateClass.R_3, Optional.of(Fixtures.LOCAL_GREEN), EnrollmentState.ENROLLED, false,
                        false),
                cell("Pelham", RateClass.R_2, Optional.of(Fixtures.STANDARD), EnrollmentState.ENROLLED, true,
                        false)));
    }

    private static CampaignCounts.Cell cell(String town, RateClass rateClass, Optional<ProductId> product,
            EnrollmentState state, boolean lowIncome, boolean netMetered) {
        return new CampaignCounts.Cell(town, rateClass, product, state, lowIncome, netMetered, 1);
    }

    @Test
    void theOptOutRateIsTheOptedOutAmongTheAccountsTheCampaignReached() {
        EnrollmentCounts.Tally total = valley().total();

        // 8 accounts, the competitive deli not reached: Bob's opt-out is 1 of 7
        assertThat(total.accounts()).isEqualTo(8);
        assertThat(total.reached()).isEqualTo(7);
        assertThat(total.optOutRate()).isEqualTo(new EnrollmentCounts.Share(1, 7));
        assertThat(total.optOutRate().percent().getAsDouble()).isCloseTo(100.0 / 7, within(DELTA_PERCENT));
    }

    @Test
    void participationIsEnrolledAmongEligibleFlaggedAccounts() {
        EnrollmentCounts.Tally total = valley().total();

        // low-income: Faye enrolled, Bob opted out; net-metered: Carol rejected, Gus notified
        assertThat(total.lowIncomeParticipation()).isEqualTo(new EnrollmentCounts.Share(1, 2));
        assertThat(total.netMeteredParticipation()).isEqualTo(new EnrollmentCounts.Share(0, 2));
        assertThat(total.netMeteredParticipation().percent().getAsDouble()).isZero();
    }

    @Test
    void eachTownHasItsStatesAndRates() {
        CampaignCounts counts = valley();

        assertThat(counts.byTown()).containsOnlyKeys("Amherst", "Northampton", "Pelham");
        EnrollmentCounts.Tally amherst = counts.byTown().get("Amherst");
        assertThat(amherst.count(EnrollmentState.ENROLLED)).isEqualTo(1);
        assertThat(amherst.count(EnrollmentState.OPTED_OUT)).isEqualTo(1);
        assertThat(amherst.count(EnrollmentState.NOTIFIED)).isEqualTo(1);
        assertThat(amherst.optOutRate()).isEqualTo(new EnrollmentCounts.Share(1, 3));
        EnrollmentCounts.Tally northampton = counts.byTown().get("Northampton");
        assertThat(northampton.reached()).as("Carol and Hannah; the deli is competitive").isEqualTo(2);
        assertThat(northampton.optOutRate()).isEqualTo(new EnrollmentCounts.Share(0, 2));
        assertThat(counts.byTown().get("Pelham").lowIncomeParticipation())
                .isEqualTo(new EnrollmentCounts.Share(1, 1));
    }

    @Test
    void rateClassesFollowTheirOrderAndProductsEndWithTheAccountsWithout() {
        CampaignCounts counts = valley();

        assertThat(counts.byRateClass().keySet()).containsExactly(RateClass.R_1, RateClass.R_2, RateClass.R_3,
                RateClass.G_1);
        assertThat(counts.byRateClass().get(RateClass.R_1).accounts()).isEqualTo(4);
        assertThat(counts.byRateClass().get(RateClass.R_2).count(EnrollmentState.ENROLLED)).isEqualTo(1);
        assertThat(counts.byProduct().keySet()).containsExactly(Optional.of(Fixtures.LOCAL_GREEN),
                Optional.of(Fixtures.STANDARD), NONE);
        assertThat(counts.byProduct().get(Optional.of(Fixtures.STANDARD)).count(EnrollmentState.ENROLLED))
                .isEqualTo(2);
        assertThat(counts.byProduct().get(NONE).accounts()).isEqualTo(5);
    }

    @Test
    void groupsShownAsOneAddUp() {
        CampaignCounts counts = valley();

        EnrollmentCounts.Tally r1r2 = counts.byRateClass().get(RateClass.R_1)
                .plus(counts.byRateClass().get(RateClass.R_2));

        assertThat(r1r2.accounts()).isEqualTo(6);
        assertThat(r1r2.optOutRate()).isEqualTo(new EnrollmentCounts.Share(1, 6));
        assertThat(r1r2.lowIncomeParticipation()).isEqualTo(new EnrollmentCounts.Share(1, 2));
    }

    @Test
    void addingTalliesAddsEveryStateAndEveryFlaggedCount() {
        Map<EnrollmentState, Integer> one = new EnumMap<>(EnrollmentState.class);
        one.put(EnrollmentState.ENROLLED, 5);
        one.put(EnrollmentState.OPTED_OUT, 1);
        Map<EnrollmentState, Integer> other = new EnumMap<>(EnrollmentState.class);
        other.put(EnrollmentState.ENROLLED, 7);
        other.put(EnrollmentState.NOTIFIED, 2);

        EnrollmentCounts.Tally sum = new EnrollmentCounts.Tally(one, 1, 2, 3, 4)
                .plus(new EnrollmentCounts.Tally(other, 10, 20, 30, 40));

        assertThat(sum.count(EnrollmentState.ENROLLED)).isEqualTo(12);
        assertThat(sum.count(EnrollmentState.OPTED_OUT)).isEqualTo(1);
        assertThat(sum.count(EnrollmentState.NOTIFIED)).isEqualTo(2);
        assertThat(sum.byState()).hasSize(EnrollmentState.values().length);
        assertThat(List.of(sum.eligibleLowIncome(), sum.eligibleNetMetered(), sum.enrolledLowIncome(),
                sum.enrolledNetMetered())).containsExactly(11, 22, 33, 44);
    }

    @Test
    void withNoAccountsThereIsNoRateRatherThanZero() {
        CampaignCounts none = CampaignCounts.none();

        assertThat(none.total().accounts()).isZero();
        assertThat(none.total().byState()).hasSize(EnrollmentState.values().length);
        assertThat(none.total().optOutRate().percent()).isEmpty();
        assertThat(none.byTown()).isEmpty();
    }

    @Test
    void aShareCannotExceedItsWholeNorBeNegative() {
        assertThatThrownBy(() -> new EnrollmentCounts.Share(3, 2)).hasMessageContaining("3 of 2");
        assertThatThrownBy(() -> new EnrollmentCounts.Share(-1, 2)).hasMessageContaining("-1 of 2");
        assertThatThrownBy(() -> new EnrollmentCounts.Share(0, -1)).hasMessageContaining("0 of -1");
        assertThat(new EnrollmentCounts.Share(2, 2).percent().getAsDouble()).isEqualTo(100.0);
        assertThat(new EnrollmentCounts.Share(0, 0).percent()).isEmpty();
        assertThat(new CampaignCounts.Cell("Amherst", RateClass.R_1, NONE, EnrollmentState.ENROLLED, false, false, 0)
                .accounts()).as("a group with no account").isZero();
        assertThatThrownBy(() -> new CampaignCounts.Cell("Amherst", RateClass.R_1, NONE, EnrollmentState.ENROLLED,
                false, false, -1)).hasMessageContaining("must not be negative");
    }
}
