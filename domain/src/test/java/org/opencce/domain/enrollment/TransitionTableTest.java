package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GREEN_100;
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
import static org.opencce.domain.enrollment.EventKind.OPTED_OUT;
import static org.opencce.domain.enrollment.EventKind.PRODUCT_CHANGE_SENT;
import static org.opencce.domain.enrollment.Events.change;
import static org.opencce.domain.enrollment.Events.event;
import static org.opencce.domain.enrollment.Events.notice;
import static org.opencce.domain.enrollment.Events.plus;
import static org.opencce.domain.enrollment.Events.rejected;
import static org.opencce.domain.enrollment.Events.withProduct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event kind in every situation an account can be in, against the transition table of
 * docs/enrollment.md: the allowed ones lead to the state the table names, every other one is refused
 * with a sentence naming the account, the state and the event, and {@code apply} throws that sentence.
 */
class TransitionTableTest {
    private static final LocalDate LISTED = LocalDate.of(2024, 11, 15);
    private static final LocalDate RUN = LocalDate.of(2025, 1, 2);
    /** The day of the event tried in each situation: after every history below. */
    private static final LocalDate TRIED = LocalDate.of(2025, 1, 20);

    private static final Map<String, List<EnrollmentEvent>> SITUATIONS = new LinkedHashMap<>();
    /** Situation → the kinds allowed there, each with the state it leads to (wire names, from the doc's table). */
    private static final Map<String, String> ALLOWED = new HashMap<>();

    static {
        List<EnrollmentEvent> eligible = List.of(event(FAYE, LISTED_ELIGIBLE, LISTED));
        List<EnrollmentEvent> notified = plus(eligible, notice(FAYE, NOTICES_MAILED, WINDOW_CLOSES));
        List<EnrollmentEvent> queued = plus(notified, withProduct(FAYE, ENROLLMENT_REQUESTED, RUN, STANDARD));
        List<EnrollmentEvent> sent = plus(queued, event(FAYE, ENROLLMENT_SENT, RUN.plusDays(1)));
        List<EnrollmentEvent> enrolled = plus(sent, event(FAYE, ENROLLMENT_ACCEPTED, RUN.plusDays(3)));
        List<EnrollmentEvent> dropping = plus(enrolled, event(FAYE, OPTED_OUT, RUN.plusDays(8)));
        List<EnrollmentEvent> dropSent = plus(dropping, event(FAYE, DROP_SENT, RUN.plusDays(9)));
        List<EnrollmentEvent> staffDropSent = plus(enrolled, event(FAYE, DROP_REQUESTED, RUN.plusDays(8)),
                event(FAYE, DROP_SENT, RUN.plusDays(9)));
        List<EnrollmentEvent> changeQueued = plus(enrolled,
                change(FAYE, RUN.plusDays(5), LOCAL_GREEN, LocalDate.of(2025, 2, 10)));

        situation("eligible", eligible, "listed_competitive>competitive left_basic_service>ineligible"
                + " notice_mailed>notified opted_out>opted_out product_change_requested>eligible");
        situation("competitive", List.of(event(FAYE, LISTED_COMPETITIVE, LISTED)), "listed_eligible>eligible"
                + " left_basic_service>ineligible opted_out>opted_out opted_in>enrolling");
        situation("notified", notified, "listed_competitive>competitive left_basic_service>ineligible"
                + " mail_returned>returned_mail opted_out>opted_out enrollment_requested>enrolling"
                + " product_change_requested>notified");
        situation("opted_out", plus(notified, event(FAYE, OPTED_OUT, LocalDate.of(2024, 12, 1))),
                "opted_in>enrolling");
        situation("returned_mail", plus(notified, event(FAYE, MAIL_RETURNED, LocalDate.of(2024, 12, 1))),
                "listed_competitive>competitive left_basic_service>ineligible notice_mailed>notified"
                        + " opted_out>opted_out opted_in>enrolling");
        situation("enrolling, queued", queued, "listed_competitive>competitive left_basic_service>ineligible"
                + " mail_returned>returned_mail opted_out>opted_out enrollment_sent>enrolling"
                + " product_change_requested>enrolling drop_requested>dropped mass_drop>dropped"
                + " renewal_notice_mailed>enrolling");
        situation("enrolling, sent", sent, "listed_competitive>competitive left_basic_service>ineligible"
                + " mail_returned>returned_mail opted_out>opted_out enrollment_accepted>enrolled"
                + " enrollment_rejected>rejected drop_requested>dropped mass_drop>dropped"
                + " renewal_notice_mailed>enrolling");
        situation("enrolled", enrolled, "listed_competitive>competitive left_basic_service>dropped"
                + " mail_returned>dropping opted_out>dropping product_change_requested>enrolled"
                + " drop_requested>dropping mass_drop>dropping renewal_notice_mailed>enrolled");
        situation("rejected", plus(sent, rejected(FAYE, ENROLLMENT_REJECTED, RUN.plusDays(3), "A13")),
                "listed_competitive>competitive left_basic_service>ineligible opted_out>opted_out"
                        + " opted_in>enrolling enrollment_requested>enrolling");
        situation("dropping after an opt-out, queued", dropping,
                "listed_competitive>competitive left_basic_service>dropped drop_sent>dropping");
        situation("dropping after an opt-out, sent", dropSent, "listed_competitive>competitive"
                + " left_basic_service>dropped drop_accepted>dropped drop_rejected>dropping");
        situation("dropping after a rejected staff drop",
                plus(staffDropSent, rejected(FAYE, DROP_REJECTED, RUN.plusDays(10), "A76")),
                "listed_competitive>competitive left_basic_service>dropped opted_out>dropping"
                        + " drop_requested>dropping mass_drop>dropping");
        situation("dropped after an opt-out", plus(dropSent, event(FAYE, DROP_ACCEPTED, RUN.plusDays(12))),
                "listed_competitive>competitive opted_in>enrolling");
        situation("dropped by staff", plus(staffDropSent, event(FAYE, DROP_ACCEPTED, RUN.plusDays(12))),
                "listed_eligible>eligible listed_competitive>competitive opted_out>opted_out opted_in>enrolling");
        situation("ineligible", plus(eligible, event(FAYE, LEFT_BASIC_SERVICE, LocalDate.of(2024, 12, 1))),
                "listed_eligible>eligible listed_competitive>competitive opted_out>opted_out");
        situation("opted out while the enrollment was sent", plus(sent, event(FAYE, OPTED_OUT, RUN.plusDays(2))),
                "enrollment_accepted>dropping enrollment_rejected>opted_out");
        situation("mail returned while the enrollment was sent",
                plus(sent, event(FAYE, MAIL_RETURNED, RUN.plusDays(2))),
                "opted_out>opted_out enrollment_accepted>dropping enrollment_rejected>returned_mail");
        situation("enrolled with a change queued", changeQueued, "listed_competitive>competitive"
                + " left_basic_service>dropped mail_returned>dropping opted_out>dropping"
                + " product_change_requested>enrolled product_change_sent>enrolled drop_requested>dropping"
                + " mass_drop>dropping renewal_notice_mailed>enrolled");
        situation("enrolled with a change sent", plus(changeQueued, event(FAYE, PRODUCT_CHANGE_SENT, RUN.plusDays(6))),
                "listed_competitive>competitive left_basic_service>dropped mail_returned>dropping"
                        + " opted_out>dropping product_change_applied>enrolled product_change_rejected>enrolled"
                        + " drop_requested>dropping mass_drop>dropping renewal_notice_mailed>enrolled");
    }

    private static void situation(String name, List<EnrollmentEvent> history, String allowed) {
        SITUATIONS.put(name, history);
        ALLOWED.put(name, allowed);
    }

    @TestFactory
    Stream<DynamicTest> everyEventInEverySituationFollowsTheTable() {
        List<DynamicTest> tests = new ArrayList<>();
        SITUATIONS.forEach((name, history) -> {
            Map<String, String> allowed = new HashMap<>();
            for (String pair : ALLOWED.get(name).split(" ")) {
                String[] kindAndState = pair.split(">");
                allowed.put(kindAndState[0], kindAndState[1]);
            }
            for (EventKind kind : EventKind.values()) {
                tests.add(DynamicTest.dynamicTest(name + " + " + kind.wireName(),
                        () -> tryIn(history, kind, allowed.get(kind.wireName()))));
            }
        });
        return tests.stream();
    }

    private static void tryIn(List<EnrollmentEvent> history, EventKind kind, String expectedState) {
        Enrollment before = Enrollment.replay(history);
        EnrollmentEvent tried = Events.any(FAYE, kind, TRIED, GREEN_100);
        Decision decision = before.check(tried);
        if (expectedState != null) {
            assertThat(decision).isInstanceOf(Decision.Allowed.class);
            assertThat(decision.isAllowed()).isTrue();
            Enrollment after = before.apply(tried);
            assertThat(after.state().wireName()).isEqualTo(expectedState);
            assertThat(after.historySize()).isEqualTo(history.size() + 1);
            assertThat(after).isEqualTo(((Decision.Allowed) decision).next());
        } else {
            assertThat(decision).isInstanceOf(Decision.Refused.class);
            assertThat(decision.isAllowed()).isFalse();
            String reason = ((Decision.Refused) decision).reason();
            assertThat(reason).startsWith("account 6 is " + before.state().wireName() + "; " + kind.wireName()
                    + " refused: ");
            assertThatThrownBy(() -> before.apply(tried)).isInstanceOf(IllegalTransitionException.class)
                    .hasMessage(reason);
            assertThat(before).isEqualTo(Enrollment.replay(history));
        }
    }
}
