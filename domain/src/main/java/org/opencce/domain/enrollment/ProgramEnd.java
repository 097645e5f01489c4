package org.opencce.domain.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The end of a program: it returns every customer it supplies, or is about to supply, to Basic Service
 * (a mass drop) and takes no one in any more (issue 6, section 2: "the program may end and return
 * everyone to Basic Service"; Massachusetts aggregation plans let the town cancel the program at the end
 * of a supply contract, after notice, and return all participants to the utility's Basic Service).
 * {@code date} is the day the program ends, as staff recorded it. Immutable and thread-safe.
 *
 * <p>Once an end is recorded the program refuses, whatever the day, every event that would bring an
 * account toward supply or tell it about supply to come ({@link #refusal}): an opt-out notice, the
 * enrollment run's requests, an opt-in, a renewal notice. Everything else goes on as before: the drops
 * leave in the next 814 export and the utility's answers are recorded, customers may still opt out, and
 * later customer lists still list and close accounts. The refusal holds from the moment the end is
 * recorded, even when its date is later, because the mass drop is queued then: an account enrolled
 * afterwards would only be dropped again.
 */
public record ProgramEnd(LocalDate date) {
    /** The events a program that has ended refuses. */
    private static final Set<EventKind> REFUSED = EnumSet.of(EventKind.NOTICE_MAILED, EventKind.ENROLLMENT_REQUESTED,
            EventKind.OPTED_IN, EventKind.RENEWAL_NOTICE_MAILED);
    /** The states a mass drop applies to: supplied, being enrolled, or dropping after the utility refused a drop. */
    private static final Set<EnrollmentState> DROPPED_STATES = EnumSet.of(EnrollmentState.ENROLLED,
            EnrollmentState.ENROLLING, EnrollmentState.DROPPING);

    public ProgramEnd {
        Objects.requireNonNull(date, "date");
    }

    /** Why the ended program refuses {@code event}, if it does: a sentence naming the account, the event and the end. */
    public Optional<String> refusal(EnrollmentEvent event) {
        if (!REFUSED.contains(event.kind())) {
            return Optional.empty();
        }
        return Optional.of("account " + event.account() + ": " + event.kind().wireName() + " refused: the program"
                + " ended on " + date + " and returned its customers to Basic Service; it enrolls and notifies no one"
                + " any more");
    }

    /**
     * The {@link EventKind#MASS_DROP} events that end the program for {@code enrollments}, in account order:
     * one for every account the rules let it apply to, that is every account {@link EnrollmentState#ENROLLED}
     * (a drop is queued), {@link EnrollmentState#ENROLLING} (a request not yet sent is withdrawn and the
     * account is {@link EnrollmentState#DROPPED}; one already sent is answered by a drop if the utility
     * accepts it), or {@link EnrollmentState#DROPPING} with no drop in progress (the utility refused the last
     * one: it is queued again). An account already dropping, or in any other state, gets none, so that the
     * end applied a second time finds nothing to do. Changes nothing itself.
     */
    public static List<EnrollmentEvent> massDrop(Collection<Enrollment> enrollments, Instant at, String actor,
            Channel channel, String reason) {
        List<Enrollment> sorted = new ArrayList<>(enrollments);
        sorted.sort(Comparator.comparingLong(e -> e.account().value()));
        List<EnrollmentEvent> events = new ArrayList<>();
        for (Enrollment enrollment : sorted) {
            if (!DROPPED_STATES.contains(enrollment.state())) {
                continue;
            }
            EnrollmentEvent drop = EnrollmentEvent.ofReason(enrollment.account(), EventKind.MASS_DROP, at, actor,
                    channel, reason);
            if (enrollment.check(drop).isAllowed()) {
                events.add(drop);
            }
        }
        return List.copyOf(events);
    }

    /** The states whose accounts a mass drop may apply to; the others are never touched by it. */
    public static Set<EnrollmentState> droppedStates() {
        return EnumSet.copyOf(DROPPED_STATES);
    }
}
