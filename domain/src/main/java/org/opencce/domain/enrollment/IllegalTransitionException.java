package org.opencce.domain.enrollment;

import org.opencce.domain.OpenCceException;

/**
 * An event that cannot happen in an account's current enrollment state, such as an enrollment sent after
 * the customer opted out. The message names the account, the state, the event and why. Callers that
 * handle many events at once use {@link Enrollment#check} and report {@link Decision.Refused} instead.
 */
public class IllegalTransitionException extends OpenCceException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
