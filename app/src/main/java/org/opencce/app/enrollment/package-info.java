/**
 * Enrollment as the web app and the CLI use it: the {@link org.opencce.app.enrollment.EnrollmentRequests}
 * port through which the customer portal and the staff console apply opt-outs, product changes and
 * opt-ins, and the values it exchanges. The rules live in the domain; the implementation over the
 * store is wired in {@link org.opencce.app.WebWiring}.
 */
package org.opencce.app.enrollment;
