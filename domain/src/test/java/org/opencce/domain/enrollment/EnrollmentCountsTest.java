package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.BOB;
import static org.opencce.domain.Fixtures.DELI;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GUS;
import static org.opencce.domain.Fixtures.HANNAH;
import static org.opencce.domain.Fixtures.NOTICES_MAILED;
import static org.opencce.domain.Fixtures.STANDARD;
import static org.opencce.domain.Fixtures.WINDOW_CLOSES;
import static org.opencce.domain.enrollment.Events.event;
import static org.opencce.domain.enrollment.Events.notice;
import static org.opencce.domain.enrollment.Events.withProduct;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.AccountId;

class EnrollmentCountsTest {
    private static final LocalDate LISTED = LocalDate.of(2024, 11, 15);
    private static final LocalDate LAUNCH = LocalDate.of(2025, 1, 1);

    private static Enrollment notified(AccountId account) {
        return Enrollment.replay(List.of(event(account, EventKind.LISTED_ELIGIBLE, LISTED),
                notice(account, NOTICES_MAILED, WINDOW_CLOSES)));
    }

    private static Enrollment enrolled(AccountId account) {
        return notified(account).apply(withProduct(account, EventKind.ENROLLMENT_REQUESTED, LAUNCH, STANDARD))
                .apply(event(account, EventKind.ENROLLMENT_SENT, LAUNCH))
                .apply(event(account, EventKind.ENROLLMENT_ACCEPTED, LAUNCH.plusDays(4)));
    }

    private static EnrollmentCounts.Entry entry(AccountId id, Enrollment enrollment) {
        return new EnrollmentCounts.Entry(Accounts.get(id), enrollment);
    }

    @Test
    void statusCountsStatesAndTheLowIncomeAndNetMeteredAccountsForTheProgramAndEachTown() {
        EnrollmentCounts counts = EnrollmentCounts.of(List.of(
                entry(FAYE, enrolled(FAYE)),
                entry(GUS, enrolled(GUS)),
                entry(BOB, notified(BOB).apply(event(BOB, EventKind.OPTED_OUT, LISTED.plusDays(20)))),
                entry(HANNAH, notified(HANNAH).apply(event(HANNAH, EventKind.MAIL_RETURNED, LISTED.plusDays(20)))),
                new EnrollmentCounts.Entry(Accounts.withFlags(Accounts.get(DELI), true, true),
                        Enrollment.start(event(DELI, EventKind.LISTED_COMPETITIVE, LISTED)))));

        EnrollmentCounts.Tally total = counts.total();
        assertThat(total.count(EnrollmentState.ENROLLED)).isEqualTo(2);
        assertThat(total.count(EnrollmentState.OPTED_OUT)).isEqualTo(1);
        assertThat(total.count(EnrollmentState.RETURNED_MAIL)).isEqualTo(1);
        assertThat(total.count(EnrollmentState.COMPETITIVE)).isEqualTo(1);
        assertThat(total.count(EnrollmentState.NOTIFIED)).isZero();
        assertThat(total.byState()).hasSize(11);
        assertThat(total.accounts()).isEqualTo(5);
        // Faye (enrolled) and Bob (opted out) are eligible low-income; the competitive deli is not counted
        assertThat(total.eligibleLowIncome()).isEqualTo(2);
        assertThat(total.eligibleNetMetered()).isEqualTo(1);
        assertThat(total.enrolledLowIncome()).isEqualTo(1);
        assertThat(total.enrolledNetMetered()).isEqualTo(1);

        assertThat(counts.byTown()).containsOnlyKeys("Amherst", "Northampton", "Pelham");
        assertThat(counts.byTown().firstKey()).isEqualTo("Amherst");
        EnrollmentCounts.Tally amherst = counts.byTown().get("Amherst");
        assertThat(amherst.count(EnrollmentState.ENROLLED)).isEqualTo(1);
        assertThat(amherst.count(EnrollmentState.OPTED_OUT)).isEqualTo(1);
        assertThat(amherst.eligibleLowIncome()).isEqualTo(1);
        assertThat(amherst.eligibleNetMetered()).isEqualTo(1);
        assertThat(amherst.enrolledLowIncome()).isZero();
        assertThat(amherst.enrolledNetMetered()).isEqualTo(1);
        EnrollmentCounts.Tally pelham = counts.byTown().get("Pelham");
        assertThat(pelham.accounts()).isEqualTo(1);
        assertThat(pelham.enrolledLowIncome()).isEqualTo(1);
        EnrollmentCounts.Tally northampton = counts.byTown().get("Northampton");
        assertThat(northampton.eligibleLowIncome()).isZero();
        assertThat(northampton.eligibleNetMetered()).isZero();
        assertThat(northampton.count(EnrollmentState.COMPETITIVE)).isEqualTo(1);
    }

    @Test
    void anIneligibleAccountIsNotCountedAmongTheEligible() {
        Enrollment left = notified(FAYE).apply(event(FAYE, EventKind.LEFT_BASIC_SERVICE, LISTED.plusDays(10)));
        EnrollmentCounts counts = EnrollmentCounts.of(List.of(entry(FAYE, left)));
        assertThat(counts.total().count(EnrollmentState.INELIGIBLE)).isEqualTo(1);
        assertThat(counts.total().eligibleLowIncome()).isZero();
        assertThat(EnrollmentCounts.of(List.of()).total().accounts()).isZero();
        assertThat(EnrollmentCounts.of(List.of()).byTown()).isEmpty();
    }

    @Test
    void anEnrollmentIsPairedWithItsOwnAccount() {
        assertThatThrownBy(() -> entry(FAYE, enrolled(GUS))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the enrollment of account 7 was paired with account 6");
        assertThatThrownBy(() -> new EnrollmentCounts.Entry(null, enrolled(GUS))).hasMessage("account");
        assertThatThrownBy(() -> new EnrollmentCounts.Entry(Accounts.get(GUS), null)).hasMessage("enrollment");
        assertThatThrownBy(() -> new EnrollmentCounts(null, new java.util.TreeMap<>())).hasMessage("total");
    }
}
