package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.DELI;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GREEN_100;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.AccountId;

class EnrollmentRunTest {
    private static final LocalDate LISTED = LocalDate.of(2024, 11, 15);
    private static final LocalDate LAUNCH = LocalDate.of(2025, 1, 1);

    private static Enrollment notified(AccountId account, LocalDate mailed, LocalDate closes) {
        return Enrollment.replay(List.of(event(account, EventKind.LISTED_ELIGIBLE, LISTED), notice(account, mailed, closes)));
    }

    @Test
    void atLaunchEveryNotifiedAccountWhoseWindowClosedIsRequestedInItsProduct() {
        Enrollment faye = notified(FAYE, NOTICES_MAILED, WINDOW_CLOSES);
        Enrollment gus = notified(GUS, NOTICES_MAILED, WINDOW_CLOSES)
                .apply(withProduct(GUS, EventKind.PRODUCT_CHANGE_REQUESTED, LocalDate.of(2024, 12, 5), GREEN_100));
        Enrollment hannah = notified(HANNAH, NOTICES_MAILED, WINDOW_CLOSES)
                .apply(event(HANNAH, EventKind.MAIL_RETURNED, LocalDate.of(2024, 12, 5)));
        Enrollment deli = Enrollment.start(event(DELI, EventKind.LISTED_COMPETITIVE, LISTED));

        List<EnrollmentEvent> events = EnrollmentRun.eventsFor(List.of(deli, faye, hannah, gus), LAUNCH,
                Events.noon(LAUNCH), STANDARD);
        assertThat(events).extracting(EnrollmentEvent::account).containsExactly(FAYE, GUS);
        assertThat(events).extracting(EnrollmentEvent::product)
                .containsExactly(Optional.of(STANDARD), Optional.of(GREEN_100));
        EnrollmentEvent first = events.get(0);
        assertThat(first.kind()).isEqualTo(EventKind.ENROLLMENT_REQUESTED);
        assertThat(first.actor()).isEqualTo("system");
        assertThat(first.channel()).isEqualTo(Channel.SYSTEM);
        assertThat(first.at()).isEqualTo(Events.noon(LAUNCH));
        assertThat(first.reason()).isEqualTo("opt-out window closed on 2024-12-22");
        // the run changes nothing: appending its events does
        assertThat(faye.state()).isEqualTo(EnrollmentState.NOTIFIED);
        assertThat(faye.apply(first).state()).isEqualTo(EnrollmentState.ENROLLING);
    }

    @Test
    void nothingIsEnrolledBeforeLaunchNorWhileAWindowIsOpen() {
        Enrollment faye = notified(FAYE, NOTICES_MAILED, WINDOW_CLOSES);
        assertThat(EnrollmentRun.eventsFor(List.of(faye), LAUNCH, Events.noon(LAUNCH.minusDays(1)), STANDARD)).isEmpty();
        assertThat(EnrollmentRun.eventsFor(List.of(faye), LAUNCH, Events.noon(LAUNCH.plusDays(1)), STANDARD)).hasSize(1);
        // a town that joins later: its notices went out on 20 December, its window closes on 19 January
        Enrollment late = notified(GUS, LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 19));
        assertThat(EnrollmentRun.eventsFor(List.of(late), LAUNCH, Events.noon(LocalDate.of(2025, 1, 19)), STANDARD))
                .isEmpty();
        assertThat(EnrollmentRun.eventsFor(List.of(late), LAUNCH, Events.noon(LocalDate.of(2025, 1, 20)), STANDARD))
                .extracting(EnrollmentEvent::account).containsExactly(GUS);
    }

    @Test
    void aRejectedEnrollmentIsNotRetriedByTheRun() {
        Enrollment rejected = notified(FAYE, NOTICES_MAILED, WINDOW_CLOSES)
                .apply(withProduct(FAYE, EventKind.ENROLLMENT_REQUESTED, LAUNCH, STANDARD))
                .apply(event(FAYE, EventKind.ENROLLMENT_SENT, LAUNCH))
                .apply(Events.rejected(FAYE, EventKind.ENROLLMENT_REJECTED, LAUNCH.plusDays(2), "A13"));
        assertThat(EnrollmentRun.eventsFor(List.of(rejected), LAUNCH, Events.noon(LAUNCH.plusDays(3)), STANDARD)).isEmpty();
    }

    @Test
    void theLaunchDateAndDefaultProductAreRequired() {
        assertThatThrownBy(() -> EnrollmentRun.eventsFor(List.of(), null, Events.noon(LAUNCH), STANDARD))
                .hasMessage("launch");
        assertThatThrownBy(() -> EnrollmentRun.eventsFor(List.of(), LAUNCH, Events.noon(LAUNCH), null))
                .hasMessage("defaultProduct");
    }
}
