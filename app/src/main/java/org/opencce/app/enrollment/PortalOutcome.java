package org.opencce.app.enrollment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a customer's request: confirmed with a number the customer keeps, not matched to
 * an account, or refused for a reason that is safe to show. Immutable values.
 */
public sealed interface PortalOutcome {

    /**
     * The request was applied. {@code confirmationNumber} identifies it when the customer calls;
     * {@code whatHappens} says in plain words what happens next and holds no personal information
     * (no name, no address, no account number), because the page showing it is only as private as
     * the visitor's screen; {@code effectiveOn} is the day the change takes effect when it is known
     * (a product change takes effect on the next meter-read date).
     */
    record Confirmed(String confirmationNumber, String whatHappens, Optional<LocalDate> effectiveOn)
            implements PortalOutcome {
        public Confirmed {
            if (confirmationNumber == null || confirmationNumber.isBlank()) {
                throw new IllegalArgumentException("confirmationNumber must not be blank, was '"
                        + confirmationNumber + "'");
            }
            if (whatHappens == null || whatHappens.isBlank()) {
                throw new IllegalArgumentException("whatHappens must say what happens next, was '"
                        + whatHappens + "'");
            }
            Objects.requireNonNull(effectiveOn, "effectiveOn");
        }
    }

    /**
     * No account of the program has this account number and service ZIP code. The same answer
     * whether the number exists (with another ZIP code) or not, so that the portal cannot be used to
     * find out which account numbers exist.
     */
    record NotMatched() implements PortalOutcome {
    }

    /**
     * The request was not applied; {@code reason} is safe to show the visitor, e.g. "that product is
     * not offered" or "Online requests open when the program's enrollment starts."
     */
    record Refused(String reason) implements PortalOutcome {
        public Refused {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must say why the request was refused, was '"
                        + reason + "'");
            }
        }
    }
}
