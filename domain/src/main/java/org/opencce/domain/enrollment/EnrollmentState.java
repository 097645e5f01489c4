package org.opencce.domain.enrollment;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one account stands in the program's enrollment, as derived from its event history by
 * {@link Enrollment#replay}. The states and their transitions are tabled in {@code docs/enrollment.md}.
 * {@link #wireName()} is the lower_snake name used in JSON and in the database.
 */
public enum EnrollmentState {
    /** On the utility's list, on Basic Service in a member town; no opt-out notice mailed yet. */
    ELIGIBLE("Eligible"),
    /**
     * On the list with a competitive supplier: never enrolled automatically, but may opt in
     * (G. L. c. 164, § 134 enrolls Basic Service customers on an opt-out basis only).
     */
    COMPETITIVE("Competitive supplier"),
    /** The opt-out notice was mailed; the account is enrolled once its opt-out window has closed. */
    NOTIFIED("Notified"),
    /** The customer opted out: not enrolled, and never enrolled again unless they opt in. */
    OPTED_OUT("Opted out"),
    /** The opt-out notice came back undeliverable: such an account is never enrolled automatically. */
    RETURNED_MAIL("Returned mail"),
    /** An enrollment request (EDI 814) is queued for the utility or awaits its answer. */
    ENROLLING("Enrolling"),
    /** The utility accepted the enrollment: the program supplies the account. */
    ENROLLED("Enrolled"),
    /** The utility rejected the enrollment, with its reason; staff may correct and request it again. */
    REJECTED("Rejected by the utility"),
    /** A drop request (EDI 814) is queued or awaits the utility's answer; still supplied until then. */
    DROPPING("Dropping"),
    /**
     * Returned to Basic Service (or closed) after the program supplied it, or dropped by the program
     * while its enrollment was under way.
     */
    DROPPED("Dropped"),
    /**
     * No longer reachable by the program before it was ever supplied: the account closed or left the
     * member towns' list while eligible, notified or being enrolled. Kept apart from {@link #DROPPED},
     * which counts customers the program did supply, so the campaign's figures stay truthful.
     */
    INELIGIBLE("Ineligible");

    private final String displayName;

    EnrollmentState(String displayName) {
        this.displayName = displayName;
    }

    /** How staff read the state: "Opted out". */
    public String displayName() {
        return displayName;
    }

    /** The name in JSON and in the database: {@code opted_out}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a {@link #wireName()}, ignoring case and surrounding spaces. */
    public static Optional<EnrollmentState> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String w = wireName.trim().toLowerCase(Locale.ROOT);
        for (EnrollmentState s : values()) {
            if (s.wireName().equals(w)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
