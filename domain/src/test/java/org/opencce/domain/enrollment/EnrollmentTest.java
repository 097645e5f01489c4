package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.DELI;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GREEN_100;
import static org.opencce.domain.Fixtures.GUS;
import static org.opencce.domain.Fixtures.HANNAH;
import static org.opencce.domain.Fixtures.LOCAL_GREEN;
import static org.opencce.domain.Fixtures.NOTICES_MAILED;
import static org.opencce.domain.Fixtures.STANDARD;
import static org.opencce.domain.Fixtures.WINDOW_CLOSES;
import static org.opencce.domain.enrollment.EventKind.DROP_ACCEPTED;
import static org.opencce.domain.enrollment.EventKind.DROP_REJECTED;
import static org.opencce.domain.enrollment.EventKind.DROP_REQUESTED;
import static org.opencce.domain.enrollment.EventKind.DROP_SENT;
import static org.opencce.domain.enrollment.EventKind.ENROLLMENT_ACCEPTED;
import static org.opencce.domain.enrollment.EventKind.ENROLLMENT_REJECTED;
import static org.opencce.domain.enrollment.EventKind.ENROLLMENT_REQUESTED;
import static org.opencce.domain.enrollment.EventKind.ENROLLMENT_SENT;
import static org.opencce.domain.enrollment.EventKind.LEFT_BASIC_SERVICE;
import static org.opencce.domain.enrollment.EventKind.LISTED_COMPETITIVE;
import static org.opencce.domain.enrollment.EventKind.LISTED_ELIGIBLE;
import static org.opencce.domain.enrollment.EventKind.MAIL_RETURNED;
import static org.opencce.domain.enrollment.EventKind.MASS_DROP;
import static org.opencce.domain.enrollment.EventKind.OPTED_IN;
import static org.opencce.domain.enrollment.EventKind.OPTED_OUT;
import static org.opencce.domain.enrollment.EventKind.PRODUCT_CHANGE_APPLIED;
import static org.opencce.domain.enrollment.EventKind.PRODUCT_CHANGE_REJECTED;
import static org.opencce.domain.enrollment.EventKind.PRODUCT_CHANGE_REQUESTED;
import static org.opencce.domain.enrollment.EventKind.PRODUCT_CHANGE_SENT;
import static org.opencce.domain.enrollment.Events.change;
import static org.opencce.domain.enrollment.Events.event;
import static org.opencce.domain.enrollment.Events.notice;
import static org.opencce.domain.enrollment.Events.plus;
import static org.opencce.domain.enrollment.Events.rejected;
import static org.opencce.domain.enrollment.Events.withProduct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.AccountId;

/** The rules of the enrollment state machine, each with a named account of the fixture community. */
class EnrollmentTest {
    private static final LocalDate LISTED = LocalDate.of(2024, 11, 15);
    private static final LocalDate LAUNCH = LocalDate.of(2025, 1, 1);

    private static List<EnrollmentEvent> notified(AccountId account) {
        return List.of(event(account, LISTED_ELIGIBLE, LISTED), notice(account, NOTICES_MAILED, WINDOW_CLOSES));
    }

    private static List<EnrollmentEvent> enrolled(AccountId account) {
        return plus(notified(account), withProduct(account, ENROLLMENT_REQUESTED, LAUNCH, STANDARD),
                event(account, ENROLLMENT_SENT, LAUNCH.plusDays(1)), event(account, ENROLLMENT_ACCEPTED, LAUNCH.plusDays(5)));
    }

    private static String refusal(Enrollment enrollment, EnrollmentEvent event) {
        Decision decision = enrollment.check(event);
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision).reason();
    }

    @Test
    void thePelhamLowIncomeAccountIsNotifiedThenEnrolledInTheDefaultProduct() {
        Enrollment faye = Enrollment.replay(notified(FAYE));
        assertThat(faye.state()).isEqualTo(EnrollmentState.NOTIFIED);
        assertThat(faye.noticeMailed()).contains(NOTICES_MAILED);
        assertThat(faye.optOutWindowCloses()).contains(WINDOW_CLOSES);
        assertThat(faye.product()).isEmpty();

        faye = faye.apply(withProduct(FAYE, ENROLLMENT_REQUESTED, LAUNCH, STANDARD));
        assertThat(faye.state()).isEqualTo(EnrollmentState.ENROLLING);
        assertThat(faye.requestToSend()).contains(UtilityRequest.ENROLL);
        assertThat(faye.awaitingResponse()).isEmpty();
        assertThat(faye.enrolledProduct()).isEmpty();

        faye = faye.apply(event(FAYE, ENROLLMENT_SENT, LAUNCH.plusDays(1)));
        assertThat(faye.requestToSend()).isEmpty();
        assertThat(faye.awaitingResponse()).containsExactly(UtilityRequest.ENROLL);

        faye = faye.apply(event(FAYE, ENROLLMENT_ACCEPTED, LAUNCH.plusDays(5)));
        assertThat(faye.state()).isEqualTo(EnrollmentState.ENROLLED);
        assertThat(faye.enrolledProduct()).contains(STANDARD);
        assertThat(faye.awaitingResponse()).isEmpty();
        assertThat(faye.optedOut()).isFalse();
        assertThat(faye.historySize()).isEqualTo(5);
        assertThat(faye).isEqualTo(Enrollment.replay(enrolled(FAYE)));
    }

    @Test
    void anOptOutThatArrivesTheDayBeforeTheRunWins() {
        Enrollment gus = Enrollment.replay(plus(notified(GUS), event(GUS, OPTED_OUT, LAUNCH.minusDays(1))));
        assertThat(gus.state()).isEqualTo(EnrollmentState.OPTED_OUT);
        assertThat(gus.optedOut()).isTrue();
        assertThat(EnrollmentRun.eventsFor(List.of(gus), LAUNCH, Events.noon(LAUNCH), STANDARD)).isEmpty();
        assertThat(refusal(gus, withProduct(GUS, ENROLLMENT_REQUESTED, LAUNCH, STANDARD))).isEqualTo(
                "account 7 is opted_out; enrollment_requested refused: an enrollment cannot be requested after an"
                        + " opt-out; only the customer's opt-in can");
        assertThatThrownBy(() -> gus.apply(event(GUS, ENROLLMENT_SENT, LAUNCH)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("account 7 is opted_out; enrollment_sent refused: an enrollment cannot be sent after an"
                        + " opt-out");
        assertThat(refusal(gus, event(GUS, ENROLLMENT_ACCEPTED, LAUNCH))).isEqualTo("account 7 is opted_out;"
                + " enrollment_accepted refused: no enrollment request sent to the utility awaits an answer");
        assertThat(refusal(gus, event(GUS, OPTED_OUT, LAUNCH)))
                .isEqualTo("account 7 is opted_out; opted_out refused: the customer has already opted out");
    }

    @Test
    void anOptOutThatCrossesTheEnrollmentInThePostEndsInADropNeverInEnrollment() {
        List<EnrollmentEvent> sent = plus(notified(GUS), withProduct(GUS, ENROLLMENT_REQUESTED, LAUNCH, STANDARD),
                event(GUS, ENROLLMENT_SENT, LAUNCH.plusDays(1)));
        Enrollment gus = Enrollment.replay(plus(sent, event(GUS, OPTED_OUT, LAUNCH.plusDays(2))));
        // counted as opted out from the day the customer asked
        assertThat(gus.state()).isEqualTo(EnrollmentState.OPTED_OUT);
        assertThat(gus.awaitingResponse()).containsExactly(UtilityRequest.ENROLL);
        assertThat(gus.product()).contains(STANDARD);
        assertThat(gus.enrolledProduct()).isEmpty();
        assertThat(refusal(gus, withProduct(GUS, OPTED_IN, LAUNCH.plusDays(3), GREEN_100))).isEqualTo("account 7 is"
                + " opted_out; opted_in refused: the enrollment request sent before it left the program awaits the"
                + " utility's answer; record that answer first");

        Enrollment accepted = gus.apply(event(GUS, ENROLLMENT_ACCEPTED, LAUNCH.plusDays(5)));
        assertThat(accepted.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(accepted.requestToSend()).contains(UtilityRequest.DROP);
        assertThat(accepted.awaitingResponse()).isEmpty();
        assertThat(accepted.enrolledProduct()).contains(STANDARD);
        assertThat(accepted.optedOut()).isTrue();
        Enrollment dropped = accepted.apply(event(GUS, DROP_SENT, LAUNCH.plusDays(6)))
                .apply(event(GUS, DROP_ACCEPTED, LAUNCH.plusDays(9)));
        assertThat(dropped.state()).isEqualTo(EnrollmentState.DROPPED);
        assertThat(dropped.product()).isEmpty();
        assertThat(dropped.optedOut()).isTrue();
        // back on Basic Service in the next list, the opt-out still stands
        assertThat(refusal(dropped, event(GUS, LISTED_ELIGIBLE, LAUNCH.plusDays(40)))).isEqualTo("account 7 is dropped;"
                + " listed_eligible refused: the customer opted out, and a customer who opted out is enrolled again"
                + " only if they opt in");

        Enrollment rejected = gus.apply(rejected(GUS, ENROLLMENT_REJECTED, LAUNCH.plusDays(5), "A13 account not found"));
        assertThat(rejected.state()).isEqualTo(EnrollmentState.OPTED_OUT);
        assertThat(rejected.awaitingResponse()).isEmpty();
        assertThat(rejected.product()).isEmpty();
        assertThat(rejected.rejection()).contains("A13 account not found");
    }

    @Test
    void anOptOutBeforeTheSendWithdrawsTheQueuedEnrollment() {
        Enrollment gus = Enrollment.replay(plus(notified(GUS), withProduct(GUS, ENROLLMENT_REQUESTED, LAUNCH, STANDARD),
                event(GUS, OPTED_OUT, LAUNCH)));
        assertThat(gus.state()).isEqualTo(EnrollmentState.OPTED_OUT);
        assertThat(gus.requestToSend()).isEmpty();
        assertThat(gus.awaitingResponse()).isEmpty();
        assertThat(gus.product()).isEmpty();
    }

    @Test
    void anEnrolledCustomerOptsOutAtAnyTimeAndIsDroppedThenMayOptInAgain() {
        Enrollment gus = Enrollment.replay(plus(enrolled(GUS),
                EnrollmentEvent.of(GUS, OPTED_OUT, Events.noon(LAUNCH.plusDays(200)), "staff", Channel.PHONE)));
        assertThat(gus.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(gus.requestToSend()).contains(UtilityRequest.DROP);
        assertThat(gus.enrolledProduct()).contains(STANDARD);
        gus = gus.apply(event(GUS, DROP_SENT, LAUNCH.plusDays(201))).apply(event(GUS, DROP_ACCEPTED, LAUNCH.plusDays(205)));
        assertThat(gus.state()).isEqualTo(EnrollmentState.DROPPED);
        assertThat(gus.enrolledProduct()).isEmpty();

        Enrollment back = gus.apply(withProduct(GUS, OPTED_IN, LAUNCH.plusDays(300), GREEN_100));
        assertThat(back.state()).isEqualTo(EnrollmentState.ENROLLING);
        assertThat(back.product()).contains(GREEN_100);
        assertThat(back.optedOut()).isFalse();
        assertThat(back.requestToSend()).contains(UtilityRequest.ENROLL);
    }

    @Test
    void returnedMailIsNeverEnrolledAndMayBeMailedAgainToACorrectedAddress() {
        Enrollment hannah = Enrollment.replay(plus(notified(HANNAH), event(HANNAH, MAIL_RETURNED, LocalDate.of(2024, 12, 2))));
        assertThat(hannah.state()).isEqualTo(EnrollmentState.RETURNED_MAIL);
        assertThat(EnrollmentRun.eventsFor(List.of(hannah), LAUNCH, Events.noon(LAUNCH), STANDARD)).isEmpty();
        assertThat(refusal(hannah, withProduct(HANNAH, ENROLLMENT_REQUESTED, LAUNCH, STANDARD))).isEqualTo("account 8 is"
                + " returned_mail; enrollment_requested refused: its notice came back, and returned mail is never"
                + " enrolled automatically");
        assertThat(refusal(hannah, event(HANNAH, MAIL_RETURNED, LAUNCH))).isEqualTo("account 8 is returned_mail;"
                + " mail_returned refused: no opt-out notice of an account about to be enrolled is out to come back");

        Enrollment again = hannah.apply(notice(HANNAH, LocalDate.of(2024, 12, 10), LocalDate.of(2025, 1, 9)));
        assertThat(again.state()).isEqualTo(EnrollmentState.NOTIFIED);
        assertThat(again.noticeMailed()).contains(LocalDate.of(2024, 12, 10));
        assertThat(again.optOutWindowCloses()).contains(LocalDate.of(2025, 1, 9));
    }

    @Test
    void mailReturnedAfterTheRunWithdrawsTheEnrollmentAndAfterEnrollmentDropsTheAccount() {
        Enrollment queued = Enrollment.replay(plus(notified(HANNAH),
                withProduct(HANNAH, ENROLLMENT_REQUESTED, LAUNCH, STANDARD), event(HANNAH, MAIL_RETURNED, LAUNCH)));
        assertThat(queued.state()).isEqualTo(EnrollmentState.RETURNED_MAIL);
        assertThat(queued.requestToSend()).isEmpty();
        assertThat(queued.product()).isEmpty();

        Enrollment enrolled = Enrollment.replay(plus(enrolled(HANNAH), event(HANNAH, MAIL_RETURNED, LAUNCH.plusDays(9))));
        assertThat(enrolled.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(enrolled.requestToSend()).contains(UtilityRequest.DROP);
        assertThat(enrolled.optedOut()).isFalse();
    }

    @Test
    void theCompetitiveDeliGetsNoNoticeButMayOptIn() {
        Enrollment deli = Enrollment.start(event(DELI, LISTED_COMPETITIVE, LISTED));
        assertThat(deli.state()).isEqualTo(EnrollmentState.COMPETITIVE);
        assertThat(deli.historySize()).isEqualTo(1);
        assertThat(refusal(deli, notice(DELI, NOTICES_MAILED, WINDOW_CLOSES))).isEqualTo("account 4 is competitive;"
                + " notice_mailed refused: competitive customers are not enrolled automatically and get no opt-out"
                + " notice; they may opt in");
        assertThat(refusal(deli, withProduct(DELI, ENROLLMENT_REQUESTED, LAUNCH, STANDARD))).isEqualTo("account 4 is"
                + " competitive; enrollment_requested refused: competitive customers are enrolled only if they opt in");
        Enrollment joined = deli.apply(withProduct(DELI, OPTED_IN, LAUNCH, GREEN_100));
        assertThat(joined.state()).isEqualTo(EnrollmentState.ENROLLING);
        assertThat(joined.product()).contains(GREEN_100);
        assertThat(joined.requestToSend()).contains(UtilityRequest.ENROLL);
    }

    @Test
    void anAccountIsNotEnrolledBeforeTheDayAfterItsWindowsLastDayInMassachusettsTime() {
        Enrollment faye = Enrollment.replay(notified(FAYE));
        assertThat(refusal(faye, withProduct(FAYE, ENROLLMENT_REQUESTED, WINDOW_CLOSES, STANDARD))).isEqualTo(
                "account 6 is notified; enrollment_requested refused: its opt-out window is open until 2024-12-22"
                        + " inclusive; it may be enrolled from 2024-12-23");
        // 03:00 UTC on the 23rd is still 22:00 on the 22nd in Massachusetts
        EnrollmentEvent lateEvening = EnrollmentEvent.ofProduct(FAYE, ENROLLMENT_REQUESTED,
                Instant.parse("2024-12-23T03:00:00Z"), "system", Channel.SYSTEM, STANDARD);
        assertThat(faye.check(lateEvening).isAllowed()).isFalse();
        EnrollmentEvent nextMorning = EnrollmentEvent.ofProduct(FAYE, ENROLLMENT_REQUESTED,
                Instant.parse("2024-12-23T05:00:00Z"), "system", Channel.SYSTEM, STANDARD);
        assertThat(faye.apply(nextMorning).state()).isEqualTo(EnrollmentState.ENROLLING);
    }

    @Test
    void aProductChangeBeforeEnrollmentIsTheProductTheAccountIsEnrolledIn() {
        Enrollment faye = Enrollment.replay(plus(notified(FAYE),
                withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, LocalDate.of(2024, 12, 1), LOCAL_GREEN)));
        assertThat(faye.state()).isEqualTo(EnrollmentState.NOTIFIED);
        assertThat(faye.product()).contains(LOCAL_GREEN);
        assertThat(faye.pendingChange()).isEmpty();
        assertThat(refusal(faye, withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, LocalDate.of(2024, 12, 2), LOCAL_GREEN)))
                .isEqualTo("account 6 is notified; product_change_requested refused: the customer already chose local-green");
        assertThat(EnrollmentRun.eventsFor(List.of(faye), LAUNCH, Events.noon(LAUNCH), STANDARD))
                .extracting(EnrollmentEvent::product).containsExactly(Optional.of(LOCAL_GREEN));
        assertThat(refusal(faye, withProduct(FAYE, OPTED_IN, LocalDate.of(2024, 12, 2), GREEN_100))).isEqualTo(
                "account 6 is notified; opted_in refused: it will be enrolled when its opt-out window closes; to"
                        + " choose a product, request a product change");
    }

    @Test
    void anEnrolledCustomerOptsUpOnTheNextMeterReadDate() {
        MeterReadCalendar reads = new FixedReadDay(12);
        LocalDate requested = LocalDate.of(2025, 3, 20);
        LocalDate effective = reads.effectiveDateOfChange(FAYE, requested);
        assertThat(effective).isEqualTo(LocalDate.of(2025, 4, 12));
        Enrollment faye = Enrollment.replay(enrolled(FAYE)).apply(change(FAYE, requested, GREEN_100, effective));
        assertThat(faye.state()).isEqualTo(EnrollmentState.ENROLLED);
        assertThat(faye.enrolledProduct()).contains(STANDARD);
        assertThat(faye.pendingChange()).contains(new PendingChange(GREEN_100, effective));
        assertThat(faye.requestToSend()).contains(UtilityRequest.CHANGE);

        Enrollment sent = faye.apply(event(FAYE, PRODUCT_CHANGE_SENT, requested.plusDays(1)));
        assertThat(sent.awaitingResponse()).containsExactly(UtilityRequest.CHANGE);
        assertThat(refusal(sent, change(FAYE, requested.plusDays(2), LOCAL_GREEN, effective))).isEqualTo("account 6 is"
                + " enrolled; product_change_requested refused: a change to green-100 awaits the utility's answer");

        Enrollment applied = sent.apply(event(FAYE, PRODUCT_CHANGE_APPLIED, requested.plusDays(3)));
        assertThat(applied.enrolledProduct()).contains(GREEN_100);
        assertThat(applied.pendingChange()).isEmpty();
        assertThat(applied.awaitingResponse()).isEmpty();

        Enrollment refused = sent.apply(rejected(FAYE, PRODUCT_CHANGE_REJECTED, requested.plusDays(3), "rate code unknown"));
        assertThat(refused.enrolledProduct()).contains(STANDARD);
        assertThat(refused.pendingChange()).isEmpty();
        assertThat(refused.rejection()).contains("rate code unknown");
    }

    @Test
    void aProductChangeNeedsItsDateANewProductAndCanBeWithdrawnBeforeItLeaves() {
        Enrollment faye = Enrollment.replay(enrolled(FAYE));
        LocalDate day = LocalDate.of(2025, 3, 20);
        assertThat(refusal(faye, withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, day, GREEN_100))).isEqualTo("account 6 is"
                + " enrolled; product_change_requested refused: a product change needs its effective date, the"
                + " account's next meter-read date");
        assertThat(refusal(faye, change(FAYE, day, STANDARD, day.plusDays(10)))).isEqualTo("account 6 is enrolled;"
                + " product_change_requested refused: it is already supplied with standard");
        Enrollment pending = faye.apply(change(FAYE, day, GREEN_100, day.plusDays(10)));
        Enrollment withdrawn = pending.apply(withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, day.plusDays(1), STANDARD));
        assertThat(withdrawn.pendingChange()).isEmpty();
        assertThat(withdrawn.requestToSend()).isEmpty();
        assertThat(withdrawn.enrolledProduct()).contains(STANDARD);
        Enrollment replaced = pending.apply(change(FAYE, day.plusDays(1), LOCAL_GREEN, day.plusDays(11)));
        assertThat(replaced.pendingChange()).contains(new PendingChange(LOCAL_GREEN, day.plusDays(11)));
        // an opt-out withdraws a change that has not left
        Enrollment out = pending.apply(event(FAYE, OPTED_OUT, day.plusDays(2)));
        assertThat(out.pendingChange()).isEmpty();
        assertThat(out.requestToSend()).contains(UtilityRequest.DROP);
    }

    @Test
    void anOptOutKeepsAChangeAlreadySentUntilTheUtilityAnswersIt() {
        LocalDate day = LocalDate.of(2025, 3, 20);
        Enrollment sent = Enrollment.replay(plus(enrolled(FAYE), change(FAYE, day, GREEN_100, day.plusDays(10)),
                event(FAYE, PRODUCT_CHANGE_SENT, day.plusDays(1)), event(FAYE, OPTED_OUT, day.plusDays(2))));
        assertThat(sent.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(sent.pendingChange()).contains(new PendingChange(GREEN_100, day.plusDays(10)));
        assertThat(sent.awaitingResponse()).containsExactly(UtilityRequest.CHANGE);
        assertThat(sent.requestToSend()).contains(UtilityRequest.DROP);
        Enrollment applied = sent.apply(event(FAYE, PRODUCT_CHANGE_APPLIED, day.plusDays(3)));
        assertThat(applied.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(applied.enrolledProduct()).contains(GREEN_100);
        Enrollment dropped = sent.apply(event(FAYE, DROP_SENT, day.plusDays(3))).apply(event(FAYE, DROP_ACCEPTED, day.plusDays(4)));
        assertThat(dropped.awaitingResponse()).isEmpty();
        assertThat(dropped.pendingChange()).isEmpty();
    }

    @Test
    void aProductChangeWhileTheEnrollmentIsOnItsWayWaitsForTheAcceptance() {
        Enrollment queued = Enrollment.replay(plus(notified(FAYE), withProduct(FAYE, ENROLLMENT_REQUESTED, LAUNCH, STANDARD)));
        assertThat(queued.apply(withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, LAUNCH, GREEN_100)).product())
                .contains(GREEN_100);
        Enrollment sent = queued.apply(event(FAYE, ENROLLMENT_SENT, LAUNCH.plusDays(1)));
        assertThat(refusal(sent, withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, LAUNCH.plusDays(2), GREEN_100)))
                .isEqualTo("account 6 is enrolling; product_change_requested refused: the enrollment in standard was"
                        + " sent; request the change once the utility has accepted it");
    }

    @Test
    void anAccountThatLeavesTheListIsDroppedIfEnrolledAndIneligibleOtherwise() {
        Enrollment enrolled = Enrollment.replay(plus(enrolled(GUS), event(GUS, LEFT_BASIC_SERVICE, LAUNCH.plusDays(90))));
        assertThat(enrolled.state()).isEqualTo(EnrollmentState.DROPPED);
        assertThat(enrolled.product()).isEmpty();
        assertThat(enrolled.requestToSend()).isEmpty();
        Enrollment notified = Enrollment.replay(plus(notified(GUS), event(GUS, LEFT_BASIC_SERVICE, LocalDate.of(2024, 12, 1))));
        assertThat(notified.state()).isEqualTo(EnrollmentState.INELIGIBLE);
        assertThat(notified.noticeMailed()).isEmpty();
        assertThat(notified.optOutWindowCloses()).isEmpty();
        assertThat(refusal(notified, event(GUS, LEFT_BASIC_SERVICE, LocalDate.of(2024, 12, 2)))).isEqualTo("account 7"
                + " is ineligible; left_basic_service refused: it is already out of the program");
        // back on Basic Service later: a notice and a window of its own
        Enrollment back = notified.apply(event(GUS, LISTED_ELIGIBLE, LocalDate.of(2025, 6, 1)));
        assertThat(back.state()).isEqualTo(EnrollmentState.ELIGIBLE);
        Enrollment optedOut = Enrollment.replay(plus(notified(GUS), event(GUS, OPTED_OUT, LocalDate.of(2024, 12, 1))));
        assertThat(refusal(optedOut, event(GUS, LEFT_BASIC_SERVICE, LAUNCH))).isEqualTo("account 7 is opted_out;"
                + " left_basic_service refused: the opt-out stands; an opted-out account needs nothing more");
        assertThat(refusal(optedOut, event(GUS, LISTED_COMPETITIVE, LAUNCH))).isEqualTo("account 7 is opted_out;"
                + " listed_competitive refused: the opt-out stands whoever supplies the account; nothing changes");
    }

    @Test
    void aListingAfterTheAccountLeftForgetsItsOldNoticeAndRejection() {
        Enrollment competitive = Enrollment.replay(plus(notified(GUS), event(GUS, LISTED_COMPETITIVE, LocalDate.of(2024, 12, 1))));
        assertThat(competitive.noticeMailed()).isEmpty();
        assertThat(competitive.optOutWindowCloses()).isEmpty();
        Enrollment rejected = Enrollment.replay(plus(notified(GUS), withProduct(GUS, ENROLLMENT_REQUESTED, LAUNCH, STANDARD),
                event(GUS, ENROLLMENT_SENT, LAUNCH), rejected(GUS, ENROLLMENT_REJECTED, LAUNCH.plusDays(2), "A13")));
        assertThat(rejected.apply(event(GUS, LISTED_COMPETITIVE, LAUNCH.plusDays(30))).rejection()).isEmpty();
        // dropped by staff and back on Basic Service: its notice of two years ago does not count
        Enrollment dropped = Enrollment.replay(plus(enrolled(GUS), event(GUS, DROP_REQUESTED, LAUNCH.plusDays(30)),
                event(GUS, DROP_SENT, LAUNCH.plusDays(31)), event(GUS, DROP_ACCEPTED, LAUNCH.plusDays(35))));
        assertThat(dropped.noticeMailed()).contains(NOTICES_MAILED);
        Enrollment relisted = dropped.apply(event(GUS, LISTED_ELIGIBLE, LAUNCH.plusDays(700)));
        assertThat(relisted.state()).isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(relisted.noticeMailed()).isEmpty();
        assertThat(relisted.optOutWindowCloses()).isEmpty();
    }

    @Test
    void anEnrolledAccountMovedToACompetitiveSupplierLeavesTheProgram() {
        Enrollment gus = Enrollment.replay(plus(enrolled(GUS), change(GUS, LAUNCH.plusDays(20), GREEN_100,
                LAUNCH.plusDays(40)), event(GUS, LISTED_COMPETITIVE, LAUNCH.plusDays(30))));
        assertThat(gus.state()).isEqualTo(EnrollmentState.COMPETITIVE);
        assertThat(gus.product()).isEmpty();
        assertThat(gus.pendingChange()).isEmpty();
        assertThat(gus.requestToSend()).isEmpty();
        assertThat(refusal(gus, event(GUS, LISTED_COMPETITIVE, LAUNCH.plusDays(31)))).isEqualTo("account 7 is"
                + " competitive; listed_competitive refused: it is already listed with a competitive supplier");
    }

    @Test
    void theProgramEndsWithAMassDropOfEveryEnrolledAccount() {
        Enrollment faye = Enrollment.replay(plus(enrolled(FAYE),
                EnrollmentEvent.ofReason(FAYE, MASS_DROP, Events.noon(LAUNCH.plusDays(700)), "system", Channel.SYSTEM,
                        "program ends")));
        assertThat(faye.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(faye.requestToSend()).contains(UtilityRequest.DROP);
        assertThat(faye.optedOut()).isFalse();
        assertThat(refusal(faye, event(FAYE, MASS_DROP, LAUNCH.plusDays(701)))).isEqualTo("account 6 is dropping;"
                + " mass_drop refused: a drop is already in progress");
        Enrollment notified = Enrollment.replay(notified(GUS));
        assertThat(refusal(notified, event(GUS, MASS_DROP, LAUNCH))).isEqualTo("account 7 is notified; mass_drop"
                + " refused: it is not supplied by the program, so there is nothing to drop");
    }

    @Test
    void aRejectedEnrollmentShowsTheUtilitysReasonUntilStaffRetry() {
        Enrollment faye = Enrollment.replay(plus(notified(FAYE), withProduct(FAYE, ENROLLMENT_REQUESTED, LAUNCH, STANDARD),
                event(FAYE, ENROLLMENT_SENT, LAUNCH.plusDays(1)),
                rejected(FAYE, ENROLLMENT_REJECTED, LAUNCH.plusDays(4), "A13 account number not found")));
        assertThat(faye.state()).isEqualTo(EnrollmentState.REJECTED);
        assertThat(faye.rejection()).contains("A13 account number not found");
        assertThat(faye.product()).isEmpty();
        Enrollment retried = faye.apply(withProduct(FAYE, ENROLLMENT_REQUESTED, LAUNCH.plusDays(10), STANDARD));
        assertThat(retried.state()).isEqualTo(EnrollmentState.ENROLLING);
        assertThat(retried.rejection()).isEmpty();
        Enrollment accepted = retried.apply(event(FAYE, ENROLLMENT_SENT, LAUNCH.plusDays(11)))
                .apply(event(FAYE, ENROLLMENT_ACCEPTED, LAUNCH.plusDays(14)));
        assertThat(accepted.rejection()).isEmpty();
    }

    @Test
    void aRejectedDropWaitsForStaffOrTheCustomersOptOutToBeSentAgain() {
        Enrollment faye = Enrollment.replay(plus(enrolled(FAYE), event(FAYE, DROP_REQUESTED, LAUNCH.plusDays(30)),
                event(FAYE, DROP_SENT, LAUNCH.plusDays(31)), rejected(FAYE, DROP_REJECTED, LAUNCH.plusDays(33), "A76")));
        assertThat(faye.state()).isEqualTo(EnrollmentState.DROPPING);
        assertThat(faye.requestToSend()).isEmpty();
        assertThat(faye.awaitingResponse()).isEmpty();
        assertThat(faye.rejection()).contains("A76");
        assertThat(faye.apply(event(FAYE, DROP_REQUESTED, LAUNCH.plusDays(34))).requestToSend())
                .contains(UtilityRequest.DROP);
        Enrollment optedOut = faye.apply(event(FAYE, OPTED_OUT, LAUNCH.plusDays(34)));
        assertThat(optedOut.optedOut()).isTrue();
        assertThat(optedOut.requestToSend()).contains(UtilityRequest.DROP);
        // an opt-out during a drop already queued records the wish and queues nothing more
        Enrollment queued = Enrollment.replay(plus(enrolled(FAYE), event(FAYE, DROP_REQUESTED, LAUNCH.plusDays(30)),
                event(FAYE, OPTED_OUT, LAUNCH.plusDays(31))));
        assertThat(queued.optedOut()).isTrue();
        assertThat(queued.requestToSend()).contains(UtilityRequest.DROP);
        Enrollment sent = Enrollment.replay(plus(enrolled(FAYE), event(FAYE, DROP_REQUESTED, LAUNCH.plusDays(30)),
                event(FAYE, DROP_SENT, LAUNCH.plusDays(31)), event(FAYE, OPTED_OUT, LAUNCH.plusDays(32))));
        assertThat(sent.requestToSend()).isEmpty();
        assertThat(sent.awaitingResponse()).containsExactly(UtilityRequest.DROP);
    }

    @Test
    void aResponseForAnAccountNeverRequestedIsRefused() {
        Enrollment faye = Enrollment.replay(notified(FAYE));
        assertThat(refusal(faye, event(FAYE, ENROLLMENT_ACCEPTED, LAUNCH))).isEqualTo("account 6 is notified;"
                + " enrollment_accepted refused: no enrollment request sent to the utility awaits an answer");
        assertThat(refusal(faye, event(FAYE, DROP_ACCEPTED, LAUNCH))).isEqualTo("account 6 is notified; drop_accepted"
                + " refused: no drop request sent to the utility awaits an answer");
        assertThat(refusal(faye, event(FAYE, PRODUCT_CHANGE_APPLIED, LAUNCH))).isEqualTo("account 6 is notified;"
                + " product_change_applied refused: no product change sent to the utility awaits an answer");
        assertThat(refusal(faye, event(FAYE, ENROLLMENT_SENT, LAUNCH))).isEqualTo("account 6 is notified;"
                + " enrollment_sent refused: no enrollment request is queued for the utility");
        assertThat(refusal(faye, event(FAYE, DROP_SENT, LAUNCH))).isEqualTo("account 6 is notified; drop_sent refused:"
                + " no drop request is queued for the utility");
        assertThat(refusal(faye, event(FAYE, PRODUCT_CHANGE_SENT, LAUNCH))).isEqualTo("account 6 is notified;"
                + " product_change_sent refused: no product change is queued for the utility");
    }

    @Test
    void eachRefusalSaysWhyInWordsStaffCanActOn() {
        Enrollment eligible = Enrollment.start(event(FAYE, LISTED_ELIGIBLE, LISTED));
        Enrollment notified = Enrollment.replay(notified(FAYE));
        Enrollment enrolled = Enrollment.replay(enrolled(FAYE));
        Enrollment ineligible = eligible.apply(event(FAYE, LEFT_BASIC_SERVICE, LISTED.plusDays(1)));
        Enrollment dropping = enrolled.apply(event(FAYE, DROP_REQUESTED, LAUNCH.plusDays(30)));
        assertThat(refusal(eligible, event(FAYE, LISTED_ELIGIBLE, LISTED))).isEqualTo("account 6 is eligible;"
                + " listed_eligible refused: it is already listed on Basic Service or supplied by the program");
        assertThat(refusal(notified, notice(FAYE, LISTED, LISTED.plusDays(30)))).isEqualTo("account 6 is notified;"
                + " notice_mailed refused: its notice was already mailed on 2024-11-22 and its opt-out window closes on"
                + " 2024-12-22");
        assertThat(refusal(enrolled, notice(FAYE, LAUNCH, LAUNCH.plusDays(30)))).isEqualTo("account 6 is enrolled;"
                + " notice_mailed refused: an opt-out notice goes only to an eligible account not yet notified, or to"
                + " one whose notice came back");
        assertThat(refusal(eligible, withProduct(FAYE, ENROLLMENT_REQUESTED, LAUNCH, STANDARD))).isEqualTo("account 6"
                + " is eligible; enrollment_requested refused: no opt-out notice has been mailed; it is enrolled only"
                + " after its opt-out window");
        assertThat(refusal(enrolled, withProduct(FAYE, ENROLLMENT_REQUESTED, LAUNCH, STANDARD))).isEqualTo("account 6"
                + " is enrolled; enrollment_requested refused: only a notified account whose window has closed, or a"
                + " rejected one staff retry, can be enrolled");
        assertThat(refusal(enrolled, withProduct(FAYE, OPTED_IN, LAUNCH, GREEN_100))).isEqualTo("account 6 is enrolled;"
                + " opted_in refused: it is already enrolled or being enrolled; to choose a product, request a product"
                + " change");
        assertThat(refusal(dropping, withProduct(FAYE, OPTED_IN, LAUNCH, GREEN_100))).isEqualTo("account 6 is dropping;"
                + " opted_in refused: a drop is in progress; the customer may opt in again once it is done");
        assertThat(refusal(ineligible, withProduct(FAYE, OPTED_IN, LAUNCH, GREEN_100))).isEqualTo("account 6 is"
                + " ineligible; opted_in refused: it is not on Basic Service or with a competitive supplier in a member"
                + " town");
        assertThat(refusal(dropping, withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, LAUNCH, GREEN_100))).isEqualTo(
                "account 6 is dropping; product_change_requested refused: only an account enrolled or about to be can"
                        + " change product; others opt in");
        assertThat(refusal(eligible, event(GUS, OPTED_OUT, LISTED))).isEqualTo("account 6 is eligible; opted_out"
                + " refused: the event is for account 7");
    }

    @Test
    void aHistoryStartsWithTheAccountsListingAndReplaysToTheFoldOfItsEvents() {
        assertThatThrownBy(() -> Enrollment.replay(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one event");
        assertThatThrownBy(() -> Enrollment.replay(List.of(event(FAYE, OPTED_OUT, LISTED))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("account 6 has no history yet; opted_out refused: the first event of an account is its"
                        + " listing (listed_eligible or listed_competitive)");
        List<EnrollmentEvent> history = enrolled(FAYE);
        Enrollment folded = Enrollment.start(history.get(0));
        for (EnrollmentEvent e : history.subList(1, history.size())) {
            folded = folded.apply(e);
        }
        assertThat(Enrollment.replay(history)).isEqualTo(folded).hasSameHashCodeAs(folded);
        assertThatThrownBy(() -> Enrollment.replay(plus(notified(FAYE), event(FAYE, ENROLLMENT_SENT, LAUNCH))))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("enrollment_sent refused");
    }

    @Test
    void enrollmentsAreEqualExactlyWhenEveryFieldIs() {
        Enrollment faye = Enrollment.replay(enrolled(FAYE));
        Enrollment same = Enrollment.replay(enrolled(FAYE));
        assertThat(faye).isEqualTo(faye).isEqualTo(same).isNotEqualTo(null).isNotEqualTo("enrolled");
        assertThat(faye.hashCode()).isEqualTo(same.hashCode());
        Enrollment gus = Enrollment.replay(enrolled(GUS));
        assertThat(faye).isNotEqualTo(gus);
        assertThat(faye.hashCode()).isNotEqualTo(gus.hashCode());
        // the same state reached by histories of different lengths differs in its history size only
        Enrollment longer = Enrollment.replay(plus(enrolled(FAYE), change(FAYE, LAUNCH.plusDays(9), GREEN_100,
                LAUNCH.plusDays(20)), withProduct(FAYE, PRODUCT_CHANGE_REQUESTED, LAUNCH.plusDays(10), STANDARD)));
        assertThat(longer.state()).isEqualTo(faye.state());
        assertThat(longer).isNotEqualTo(faye);
    }

    @Test
    void anEnrollmentPrintsWhatStaffNeedToSee() {
        Enrollment gus = Enrollment.replay(plus(notified(GUS), withProduct(GUS, ENROLLMENT_REQUESTED, LAUNCH, STANDARD),
                event(GUS, ENROLLMENT_SENT, LAUNCH.plusDays(1)), event(GUS, OPTED_OUT, LAUNCH.plusDays(2))));
        assertThat(gus.toString()).isEqualTo("Enrollment[account 7, opted_out, product standard, pending change null,"
                + " notice 2024-11-22, window closes 2024-12-22, opted out true, to send null, awaiting [ENROLL],"
                + " rejection null, 5 events]");
        assertThat(gus.awaitingResponse()).isEqualTo(Set.of(UtilityRequest.ENROLL));
    }
}
