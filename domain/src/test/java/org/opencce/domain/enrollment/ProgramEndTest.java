package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GREEN_100;
import static org.opencce.domain.Fixtures.GUS;
import static org.opencce.domain.Fixtures.HANNAH;
import static org.opencce.domain.Fixtures.IAN;
import static org.opencce.domain.Fixtures.NOTICES_MAILED;
import static org.opencce.domain.Fixtures.STANDARD;
import static org.opencce.domain.Fixtures.WINDOW_CLOSES;
import static org.opencce.domain.enrollment.Events.event;
import static org.opencce.domain.enrollment.Events.notice;
import static org.opencce.domain.enrollment.Events.rejected;
import static org.opencce.domain.enrollment.Events.withProduct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.AccountId;

/**
 * The end of a program (issue 6, section 2): the mass drop reaches exactly the accounts supplied or being
 * enrolled, applied twice it finds nothing, and an ended program takes no one in.
 *
 * <p>The accounts: Faye enrolled in Standard; Gus enrolling (request queued, not sent); Hannah notified, her
 * window open; Ian opted out after his notice.
 */
class ProgramEndTest {
    private static final LocalDate LISTED = LocalDate.of(2024, 11, 15);
    private static final LocalDate RUN = LocalDate.of(2025, 1, 2);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static final LocalDate ENDED_ON = LocalDate.of(2027, 11, 1);
    private static final ProgramEnd PROGRAM_END = new ProgramEnd(END);

    private static List<EnrollmentEvent> notified(AccountId account) {
        return List.of(event(account, EventKind.LISTED_ELIGIBLE, LISTED), notice(account, NOTICES_MAILED, WINDOW_CLOSES));
    }

    private static Enrollment faye() {
        return Enrollment.replay(Events.plus(notified(FAYE), withProduct(FAYE, EventKind.ENROLLMENT_REQUESTED, RUN,
                STANDARD), event(FAYE, EventKind.ENROLLMENT_SENT, RUN), event(FAYE, EventKind.ENROLLMENT_ACCEPTED,
                RUN.plusDays(3))));
    }

    private static Enrollment gus() {
        return Enrollment.replay(Events.plus(notified(GUS), withProduct(GUS, EventKind.ENROLLMENT_REQUESTED, RUN,
                GREEN_100)));
    }

    private static Enrollment hannah() {
        return Enrollment.replay(notified(HANNAH));
    }

    private static Enrollment ian() {
        return Enrollment.replay(Events.plus(notified(IAN), event(IAN, EventKind.OPTED_OUT, LocalDate.of(2024, 12, 1))));
    }

    @Test
    void theMassDropReachesTheEnrolledAndTheEnrollingAndLeavesTheNotifiedAndTheOptedOut() {
        List<EnrollmentEvent> drops = ProgramEnd.massDrop(List.of(ian(), hannah(), gus(), faye()),
                Events.noon(ENDED_ON), "ada", Channel.STAFF, "the program ends");

        assertThat(drops).extracting(EnrollmentEvent::account).containsExactly(FAYE, GUS);
        assertThat(drops).extracting(EnrollmentEvent::kind).containsOnly(EventKind.MASS_DROP);
        assertThat(drops.get(0).actor()).isEqualTo("ada");
        Enrollment faye = faye().apply(drops.get(0));
        assertThat(faye.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(faye.requestToSend()).as("a drop for the next 814 file").contains(UtilityRequest.DROP);
        Enrollment gus = gus().apply(drops.get(1));
        assertThat(gus.state()).as("a request never sent is withdrawn").isEqualTo(EnrollmentState.DROPPED);
        assertThat(gus.requestToSend()).isEmpty();
    }

    @Test
    void appliedASecondTimeTheMassDropFindsNothing() {
        List<Enrollment> after = new ArrayList<>();
        for (Enrollment e : List.of(faye(), gus(), hannah(), ian())) {
            Enrollment now = e;
            for (EnrollmentEvent drop : ProgramEnd.massDrop(List.of(e), Events.noon(ENDED_ON), "ada", Channel.STAFF, "")) {
                now = now.apply(drop);
            }
            after.add(now);
        }
        assertThat(ProgramEnd.massDrop(after, Events.noon(ENDED_ON.plusDays(1)), "ada", Channel.STAFF, "")).isEmpty();
    }

    @Test
    void aDropTheUtilityRefusedIsQueuedAgainByTheEnd() {
        Enrollment refused = faye().apply(event(FAYE, EventKind.DROP_REQUESTED, RUN.plusDays(10)))
                .apply(event(FAYE, EventKind.DROP_SENT, RUN.plusDays(11)))
                .apply(rejected(FAYE, EventKind.DROP_REJECTED, RUN.plusDays(12), "A76 account not found"));
        assertThat(refused.requestToSend()).isEmpty();

        List<EnrollmentEvent> drops = ProgramEnd.massDrop(List.of(refused), Events.noon(ENDED_ON), "ada", Channel.STAFF,
                "");
        assertThat(drops).hasSize(1);
        assertThat(refused.apply(drops.get(0)).requestToSend()).contains(UtilityRequest.DROP);
    }

    @Test
    void anEndedProgramRefusesNoticesEnrollmentOptInsAndRenewalsAndLetsTheRestThrough() {
        EnrollmentEvent run = withProduct(HANNAH, EventKind.ENROLLMENT_REQUESTED, END.plusDays(1), STANDARD);
        assertThat(PROGRAM_END.refusal(run)).contains("account 8: enrollment_requested refused: the program ended on"
                + " 2027-12-31 and returned its customers to Basic Service; it enrolls and notifies no one any more");
        assertThat(PROGRAM_END.refusal(withProduct(IAN, EventKind.OPTED_IN, END, GREEN_100))).isPresent();
        assertThat(PROGRAM_END.refusal(notice(HANNAH, END, END.plusDays(30)))).isPresent();
        assertThat(PROGRAM_END.refusal(event(FAYE, EventKind.RENEWAL_NOTICE_MAILED, END))).isPresent();
        // the drops, the utility's answers and opt-outs go on
        assertThat(PROGRAM_END.refusal(event(FAYE, EventKind.DROP_SENT, END))).isEqualTo(Optional.empty());
        assertThat(PROGRAM_END.refusal(event(FAYE, EventKind.DROP_ACCEPTED, END))).isEmpty();
        assertThat(PROGRAM_END.refusal(event(HANNAH, EventKind.OPTED_OUT, END))).isEmpty();
        assertThat(PROGRAM_END.refusal(event(GUS, EventKind.ENROLLMENT_ACCEPTED, END))).isEmpty();
    }

    @Test
    void aRenewalNoticeLeavesAnEnrolledAccountAsItWas() {
        Enrollment faye = faye();
        Enrollment renewed = faye.apply(withProduct(FAYE, EventKind.RENEWAL_NOTICE_MAILED, LocalDate.of(2027, 11, 1),
                STANDARD).withDate(LocalDate.of(2027, 11, 1)));
        assertThat(renewed.state()).isEqualTo(EnrollmentState.ENROLLED);
        assertThat(renewed.enrolledProduct()).contains(STANDARD);
        assertThat(renewed.requestToSend()).isEmpty();
        assertThat(renewed.historySize()).isEqualTo(faye.historySize() + 1);
        assertThat(hannah().check(event(HANNAH, EventKind.RENEWAL_NOTICE_MAILED, END)).isAllowed())
                .as("a notified account is not supplied: it gets the opt-out notice, not a renewal").isFalse();
    }
}
