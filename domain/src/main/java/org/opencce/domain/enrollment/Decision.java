package org.opencce.domain.enrollment;

import java.util.Objects;

/**
 * Whether an event may be recorded in an account's current enrollment state, as
 * {@link Enrollment#check} returns it: {@link Allowed} with the state that follows, or {@link Refused}
 * with a sentence that names the account, its state, the event and why. Batch callers (bulk opt-outs,
 * EDI imports) report refusals row by row instead of stopping.
 */
public sealed interface Decision {

    /** Whether the event is allowed. */
    boolean isAllowed();

    /** The event may be recorded; {@code next} is the enrollment after it. */
    record Allowed(Enrollment next) implements Decision {
        public Allowed {
            Objects.requireNonNull(next, "next");
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /** The event may not be recorded; {@code reason} says why, in words staff can act on. */
    record Refused(String reason) implements Decision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
