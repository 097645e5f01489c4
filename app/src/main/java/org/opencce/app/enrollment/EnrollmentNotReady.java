package org.opencce.app.enrollment;

import java.util.Objects;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;

/**
 * A placeholder for {@link EnrollmentRequests} until enrollment is wired to the store: it refuses
 * every request, so that {@code opencce serve} runs and the portal says plainly that online requests
 * are not open yet, without pretending to have applied anything. Stateless and thread-safe.
 */
public final class EnrollmentNotReady implements EnrollmentRequests {
    /** What the portal and the console show while enrollment is not set up. */
    public static final String REASON = "Online requests open when the program's enrollment starts.";

    @Override
    public PortalOutcome submitFromPortal(ProgramId program, PortalRequest request) {
        Objects.requireNonNull(request, "request");
        return new PortalOutcome.Refused(REASON);
    }

    @Override
    public PortalOutcome submitForStaff(ProgramId program, AccountId account, PortalRequest request,
            String staffUser) {
        Objects.requireNonNull(request, "request");
        return new PortalOutcome.Refused(REASON);
    }
}
