package org.opencce.app.enrollment;

import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;

/**
 * What the customer portal and the staff console ask of enrollment: apply a customer's request to
 * leave the program (opt out), change product (opt up or down) or join it (opt in), and say what
 * happened. The web layer parses, rate-limits and renders; the rules (an opt-out is free and always
 * wins before enrollment, a product change takes effect on the next meter-read date) belong to the
 * implementation, which records every applied request in the account's event history with its actor,
 * channel and time (issue 6, sections 2 and 3.2).
 *
 * <p>Implementations are thread-safe: the web server calls them from many request threads at once.
 */
public interface EnrollmentRequests {

    /**
     * A customer's request from the public portal, applied only if the utility account number and
     * the service ZIP code both match one account of {@code program}: account numbers are compared
     * as the utility writes them, ignoring spaces and dashes ({@link PortalRequest#accountNumberKey()}),
     * ZIP codes on their first five digits ({@link PortalRequest#serviceZip5()}).
     *
     * <p>The answer must never tell whether an account number exists: an unknown number and a known
     * number with the wrong ZIP code both give {@link PortalOutcome.NotMatched}, after the same work
     * (compare the ZIP code even when no account was found). A {@link PortalOutcome.Refused} whose
     * reason depends on the account may only be given once number and ZIP code matched.
     */
    PortalOutcome submitFromPortal(ProgramId program, PortalRequest request);

    /**
     * A request staff took by phone, reply card or mail for an account they found in the console;
     * {@code staffUser} is the signed-in user, recorded as the actor. The request's account number
     * and ZIP code are the account's own (the console does not ask staff to type them), so the
     * outcome is never {@link PortalOutcome.NotMatched} unless the account has left the program's
     * records meanwhile.
     */
    PortalOutcome submitForStaff(ProgramId program, AccountId account, PortalRequest request, String staffUser);
}
