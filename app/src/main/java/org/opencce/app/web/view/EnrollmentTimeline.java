package org.opencce.app.web.view;

import java.util.List;
import java.util.Optional;

/**
 * An account's enrollment as the account page shows it: the current state with a line on what it means,
 * the pending product change and the utility's latest rejection if any, and every event of the history in
 * the order it was recorded. {@code detailsHidden} says that reasons and references that may carry personal
 * information (a customer's address, a confirmation number) are hidden for the user's role.
 * {@code hasHistory} is false for an account no customer list has listed yet.
 */
public record EnrollmentTimeline(boolean hasHistory, String state, String stateWireName, String stateDetail,
        Optional<String> pendingChange, Optional<String> rejection, List<Entry> entries, boolean detailsHidden) {

    public EnrollmentTimeline {
        entries = List.copyOf(entries);
    }

    /** An account without a history. */
    public static EnrollmentTimeline none() {
        return new EnrollmentTimeline(false, "", "", "", Optional.empty(), Optional.empty(), List.of(), false);
    }

    /**
     * One event: when it was recorded (local time, and ISO for the {@code <time>} element), what happened in
     * words, who recorded it, through which channel, the product it names, its reason and its reference (the
     * 814 request's or the confirmation number), each "—" when there is none.
     */
    public record Entry(String when, String whenIso, String what, String actor, String channel, String product,
            String reason, String reference) {
    }
}
