package org.opencce.app;

import java.time.Clock;
import org.opencce.app.enrollment.EnrollmentRequests;
import org.opencce.app.security.TrustedProxies;
import org.opencce.app.web.WebApp;
import org.opencce.domain.community.ProgramId;
import org.opencce.formats.reference.ReferenceData;

/** Builds the web app of one program from an opened installation and the vendored reference data. */
public final class WebWiring {
    private WebWiring() {
    }

    /**
     * The web app, believing {@code X-Forwarded-*} headers only from {@code proxies}; the portal's and
     * the console's customer requests go to {@code enrollment}.
     */
    public static WebApp webApp(Installation installation, ProgramId program, TrustedProxies proxies,
            EnrollmentRequests enrollment) {
        ReferenceData reference = ReferenceData.instance();
        return new WebApp(new WebApp.Dependencies(program, installation.database().programs(),
                installation.database().accounts(), installation.database().enrollments(),
                installation.database().users(),
                installation.database().sessions(), installation.database().audit(), installation.intervals(),
                installation.loads(), reference.basicServiceRates(), reference.classIStandard(), enrollment, proxies,
                Clock.systemDefaultZone()));
    }
}
