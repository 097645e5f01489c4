package org.opencce.domain.enrollment;

import java.util.Locale;

/**
 * A request the program sends the utility about one account, one LIN loop of an EDI 814 file: to
 * enroll the account with the program's supplier, to change its product (rate), or to drop it back to
 * Basic Service. {@link Enrollment#requestToSend()} says which one is queued for the next export, and
 * {@link Enrollment#awaitingResponse()} which were sent and await the utility's answer.
 */
public enum UtilityRequest {
    ENROLL,
    CHANGE,
    DROP;

    /** The name in JSON and in the database: {@code enroll}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
