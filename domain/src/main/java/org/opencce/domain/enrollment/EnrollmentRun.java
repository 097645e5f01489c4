package org.opencce.domain.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.time.LocalCalendar;

/**
 * The enrollment run: which notified accounts the program now asks the utility to enroll. An account is
 * enrolled automatically only once its opt-out window has closed and the program has launched, and only
 * from {@link EnrollmentState#NOTIFIED}, so an account that opted out, whose notice came back or that is
 * with a competitive supplier is never in the run (G. L. c. 164, § 134(a); issue 6). The window rule is
 * {@link Enrollment}'s own: the run proposes, the state machine decides, so the two cannot disagree.
 * Returns the events to append and never changes anything. Stateless and thread-safe.
 */
public final class EnrollmentRun {
    private EnrollmentRun() {
    }

    /**
     * The {@link EventKind#ENROLLMENT_REQUESTED} events of a run at {@code now}, in the order of
     * {@code enrollments}: one for each notified account whose window closed before today (local
     * date of {@code now}), if today is on or after {@code launch}; none before launch. Each names the
     * product the customer chose before enrollment, or else {@code defaultProduct}, and is recorded by
     * {@value EnrollmentEvent#SYSTEM_ACTOR} through {@link Channel#SYSTEM}.
     */
    public static List<EnrollmentEvent> eventsFor(List<Enrollment> enrollments, LocalDate launch, Instant now,
            ProductId defaultProduct) {
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(defaultProduct, "defaultProduct");
        LocalDate today = LocalCalendar.local(now).toLocalDate();
        List<EnrollmentEvent> events = new ArrayList<>();
        for (Enrollment enrollment : enrollments) {
            // nobody is enrolled before the program launches
            if (today.isBefore(launch) || enrollment.state() != EnrollmentState.NOTIFIED) {
                continue;
            }
            EnrollmentEvent event = EnrollmentEvent.ofProduct(enrollment.account(), EventKind.ENROLLMENT_REQUESTED, now,
                    EnrollmentEvent.SYSTEM_ACTOR, Channel.SYSTEM, enrollment.product().orElse(defaultProduct))
                    .withReason("opt-out window closed on " + enrollment.optOutWindowCloses().orElseThrow());
            if (enrollment.check(event).isAllowed()) {
                events.add(event);
            }
        }
        return events;
    }
}
