package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;

/**
 * The state machine's invariants over random event sequences (issue 6, "Bad input and safety"): each
 * sequence starts with a listing and then tries random events on random days, recording those the rules
 * allow and checking that the others are refused without effect.
 */
class EnrollmentPropertyTest {
    private static final AccountId ACCOUNT = Fixtures.FAYE;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);
    private static final List<ProductId> PRODUCTS = List.of(Fixtures.STANDARD, Fixtures.GREEN_100, Fixtures.LOCAL_GREEN);
    private static final Set<EnrollmentState> BEING_ENROLLED = EnumSet.of(EnrollmentState.ENROLLING,
            EnrollmentState.ENROLLED);
    private static final Set<EnrollmentState> SUPPLIED = EnumSet.of(EnrollmentState.ENROLLED, EnrollmentState.DROPPING);
    /**
     * The kinds in the order a campaign usually meets them, so that a pick biased toward the front walks on
     * to enrollment, product changes and drops instead of ending early in a competitive or closed account.
     */
    private static final List<EventKind> USUAL_ORDER = List.of(EventKind.NOTICE_MAILED,
            EventKind.ENROLLMENT_REQUESTED, EventKind.ENROLLMENT_SENT, EventKind.ENROLLMENT_ACCEPTED,
            EventKind.PRODUCT_CHANGE_REQUESTED, EventKind.PRODUCT_CHANGE_SENT, EventKind.PRODUCT_CHANGE_APPLIED,
            EventKind.OPTED_IN, EventKind.DROP_SENT, EventKind.DROP_ACCEPTED, EventKind.OPTED_OUT,
            EventKind.MAIL_RETURNED, EventKind.ENROLLMENT_REJECTED, EventKind.PRODUCT_CHANGE_REJECTED,
            EventKind.DROP_REJECTED, EventKind.DROP_REQUESTED, EventKind.MASS_DROP, EventKind.LISTED_ELIGIBLE,
            EventKind.LISTED_COMPETITIVE, EventKind.LEFT_BASIC_SERVICE, EventKind.RENEWAL_NOTICE_MAILED);

    /**
     * One random attempt, days after the previous one: mostly ({@code followRules}) one of the events
     * allowed at that point, so that walks reach enrollment, changes and drops; otherwise any kind, most
     * of which are refused. {@code pick} chooses among the candidates; {@code dated} gives the event a
     * date (and a product, which the rules ignore where no product is needed).
     */
    record Attempt(boolean followRules, int pick, ProductId product, boolean dated, int daysLater) {
    }

    /** A random history: the listing's kind and the attempts after it. */
    record Walk(boolean competitive, List<Attempt> attempts) {
        /** Runs the walk: every allowed event is applied and recorded, every refused one is checked to change nothing. */
        List<Step> steps() {
            LocalDate day = FIRST_DAY;
            EventKind listing = competitive ? EventKind.LISTED_COMPETITIVE : EventKind.LISTED_ELIGIBLE;
            EnrollmentEvent first = Events.event(ACCOUNT, listing, day);
            Enrollment enrollment = Enrollment.start(first);
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(null, first, enrollment, true));
            for (Attempt attempt : attempts) {
                day = day.plusDays(attempt.daysLater());
                List<EnrollmentEvent> candidates = new ArrayList<>();
                for (EventKind kind : USUAL_ORDER) {
                    EnrollmentEvent candidate = eventOf(kind, attempt, day);
                    if (!attempt.followRules() || enrollment.check(candidate).isAllowed()) {
                        candidates.add(candidate);
                    }
                }
                if (candidates.isEmpty()) {
                    continue;
                }
                // squaring a uniform pick favours the front of the list
                EnrollmentEvent event = candidates.get(attempt.pick() * attempt.pick() * candidates.size() / 10_000);
                Decision decision = enrollment.check(event);
                Enrollment before = enrollment;
                if (decision.isAllowed()) {
                    enrollment = enrollment.apply(event);
                }
                steps.add(new Step(before, event, enrollment, decision.isAllowed()));
            }
            return steps;
        }
    }

    /** An attempted event, the enrollment before and after it, and whether it was allowed. */
    record Step(Enrollment before, EnrollmentEvent event, Enrollment after, boolean allowed) {
    }

    private static EnrollmentEvent eventOf(EventKind kind, Attempt a, LocalDate day) {
        Instant at = Events.noon(day);
        String reason = kind.requiresReason() ? "A13 account not found" : "";
        boolean notice = kind == EventKind.NOTICE_MAILED;
        // a notice is dated the day it is mailed; other events may carry a date 20 days on (an effective date)
        Optional<LocalDate> date = notice ? Optional.of(day) : a.dated() ? Optional.of(day.plusDays(20)) : Optional.empty();
        Optional<LocalDate> window = notice ? Optional.of(OptOutWindow.DEFAULT.closesOn(day)) : Optional.empty();
        Optional<ProductId> product = kind.requiresProduct() || a.dated() ? Optional.of(a.product()) : Optional.empty();
        return new EnrollmentEvent(ACCOUNT, kind, at, "staff", Channel.STAFF, reason, product, date, window);
    }

    @Provide
    Arbitrary<Walk> walks() {
        // five attempts in six follow the rules
        Arbitrary<Boolean> followRules = Arbitraries.integers().between(0, 5).map(i -> i > 0);
        Arbitrary<Attempt> attempt = Combinators.combine(followRules, Arbitraries.integers().between(0, 99), Arbitraries.of(PRODUCTS), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 12)).as(Attempt::new);
        return Combinators.combine(Arbitraries.of(true, false), attempt.list().ofMinSize(1).ofMaxSize(80))
                .as(Walk::new);
    }

    @Property(tries = 200)
    void replayingTheRecordedHistoryGivesTheStateFoldingApplyReached(@ForAll("walks") Walk walk) {
        List<Step> steps = walk.steps();
        List<EnrollmentEvent> history = new ArrayList<>();
        for (Step step : steps) {
            if (step.allowed()) {
                history.add(step.event());
            }
        }
        Enrollment last = steps.get(steps.size() - 1).after();
        assertThat(Enrollment.replay(history)).isEqualTo(last);
        assertThat(last.historySize()).isEqualTo(history.size());
    }

    @Property(tries = 200)
    void aRefusedEventThrowsTheSameReasonAndChangesNothing(@ForAll("walks") Walk walk) {
        for (Step step : walk.steps()) {
            if (step.allowed() || step.before() == null) {
                continue;
            }
            Decision decision = step.before().check(step.event());
            String reason = ((Decision.Refused) decision).reason();
            assertThat(reason).startsWith("account " + ACCOUNT + " is " + step.before().state().wireName() + "; "
                    + step.event().kind().wireName() + " refused: ");
            assertThatThrownBy(() -> step.before().apply(step.event())).isInstanceOf(IllegalTransitionException.class)
                    .hasMessage(reason);
            assertThat(step.after()).isSameAs(step.before());
        }
    }

    @Property(tries = 200)
    void anAccountHasOneProductAndOnlyAnAppliedChangeReplacesIt(@ForAll("walks") Walk walk) {
        for (Step step : walk.steps()) {
            Enrollment e = step.after();
            if (BEING_ENROLLED.contains(e.state()) || e.state() == EnrollmentState.DROPPING) {
                assertThat(e.product()).as("product of %s", e).isPresent();
            }
            assertThat(e.enrolledProduct().isPresent()).as("enrolled product of %s", e)
                    .isEqualTo(SUPPLIED.contains(e.state()));
            e.pendingChange().ifPresent(change -> {
                assertThat(SUPPLIED).contains(e.state());
                assertThat(Optional.of(change.product())).isNotEqualTo(e.product());
            });
            boolean changeOutstanding = e.requestToSend().equals(Optional.of(UtilityRequest.CHANGE))
                    || e.awaitingResponse().contains(UtilityRequest.CHANGE);
            assertThat(e.pendingChange().isPresent()).as("pending change of %s", e).isEqualTo(changeOutstanding);
            Enrollment before = step.before();
            if (before != null && SUPPLIED.contains(before.state()) && SUPPLIED.contains(e.state())
                    && !e.enrolledProduct().equals(before.enrolledProduct())) {
                assertThat(step.event().kind()).isEqualTo(EventKind.PRODUCT_CHANGE_APPLIED);
                assertThat(e.enrolledProduct()).isEqualTo(before.pendingChange().map(PendingChange::product));
            }
        }
    }

    @Property(tries = 200)
    void noEnrollmentFollowsAnOptOutMadeBeforeEnrollmentUnlessTheCustomerOptsIn(@ForAll("walks") Walk walk) {
        boolean optedOutBeforeEnrollment = false;
        for (Step step : walk.steps()) {
            Enrollment e = step.after();
            if (step.allowed() && step.event().kind() == EventKind.OPTED_IN) {
                optedOutBeforeEnrollment = false;
            }
            if (step.allowed() && step.event().kind() == EventKind.OPTED_OUT
                    && !SUPPLIED.contains(step.before().state())) {
                optedOutBeforeEnrollment = true;
            }
            if (optedOutBeforeEnrollment) {
                assertThat(e.state()).as("state of %s after an opt-out before enrollment", e)
                        .isNotIn(EnrollmentState.ENROLLING, EnrollmentState.ENROLLED);
            }
            if (e.optedOut()) {
                assertThat(BEING_ENROLLED).as("opted out yet %s", e).doesNotContain(e.state());
            }
        }
    }

    @Property(tries = 200)
    void returnedMailIsNeverEnrolledUntilTheCustomerOptsInOrANewNoticeGoesOut(@ForAll("walks") Walk walk) {
        boolean returned = false;
        for (Step step : walk.steps()) {
            EventKind kind = step.event().kind();
            if (step.allowed() && (kind == EventKind.OPTED_IN || kind == EventKind.NOTICE_MAILED)) {
                returned = false;
            }
            if (step.allowed() && kind == EventKind.MAIL_RETURNED) {
                returned = true;
            }
            if (returned) {
                assertThat(step.after().state()).isNotEqualTo(EnrollmentState.ENROLLED);
            }
        }
    }

    @Property(tries = 200)
    void aRenewalNoticeGoesOnlyToAnAccountBeingEnrolledOrEnrolledAndChangesNothingButTheHistory(
            @ForAll("walks") Walk walk) {
        for (Step step : walk.steps()) {
            if (!step.allowed() || step.event().kind() != EventKind.RENEWAL_NOTICE_MAILED) {
                continue;
            }
            Enrollment before = step.before();
            Enrollment after = step.after();
            assertThat(BEING_ENROLLED).contains(before.state());
            assertThat(after.state()).isEqualTo(before.state());
            assertThat(after.product()).isEqualTo(before.product());
            assertThat(after.pendingChange()).isEqualTo(before.pendingChange());
            assertThat(after.requestToSend()).isEqualTo(before.requestToSend());
            assertThat(after.awaitingResponse()).isEqualTo(before.awaitingResponse());
            assertThat(after.optedOut()).isEqualTo(before.optedOut());
            assertThat(after.historySize()).isEqualTo(before.historySize() + 1);
        }
    }

    @Property(tries = 200)
    void onlyTheAnswersOfRequestsSentAreAccepted(@ForAll("walks") Walk walk) {
        for (Step step : walk.steps()) {
            if (!step.allowed() || step.before() == null) {
                continue;
            }
            Set<UtilityRequest> awaited = step.before().awaitingResponse();
            switch (step.event().kind()) {
                case ENROLLMENT_ACCEPTED, ENROLLMENT_REJECTED -> assertThat(awaited).contains(UtilityRequest.ENROLL);
                case DROP_ACCEPTED, DROP_REJECTED -> assertThat(awaited).contains(UtilityRequest.DROP);
                case PRODUCT_CHANGE_APPLIED, PRODUCT_CHANGE_REJECTED -> assertThat(awaited).contains(UtilityRequest.CHANGE);
                default -> {
                    // other events are not answers
                }
            }
        }
    }
}
