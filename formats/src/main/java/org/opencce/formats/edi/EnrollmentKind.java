package org.opencce.formats.edi;

import java.util.Optional;

/**
 * What an 814 asks the utility to do with an account's generation service, as coded in ASI02
 * (X12 element 875, Maintenance Type Code), and the ASI01 action code its request carries.
 *
 * <p>Sources: the PA/NJ/DE/MD 814 Drop Implementation Guideline (Ver/Rel 004010), ASI: a drop is 024
 * (Cancellation or Termination), and "All ESP initiated drops should be coded as Final (ASI01=F)"; its
 * response repeats ASI02 with ASI01 WQ (accept) or U (reject). An enrollment is 021 (Addition) and a
 * change 001 (Change), X12 element 875's codes, requested with ASI01 7 (Request) as UIG 814 files use
 * them; the Massachusetts guide could not be consulted (docs/formats/edi-814.md, "Choices").
 */
public enum EnrollmentKind {
    /** Enroll the account with the program's supplier: ASI*7*021. */
    ENROLL("021", "7"),
    /** Return the account to Basic Service: ASI*F*024. */
    DROP("024", "F"),
    /** Change what the supplier bills the account (its rate code): ASI*7*001. */
    CHANGE("001", "7");

    private final String maintenanceTypeCode;
    private final String requestActionCode;

    EnrollmentKind(String maintenanceTypeCode, String requestActionCode) {
        this.maintenanceTypeCode = maintenanceTypeCode;
        this.requestActionCode = requestActionCode;
    }

    /** ASI02 of requests and responses of this kind. */
    public String maintenanceTypeCode() {
        return maintenanceTypeCode;
    }

    /** ASI01 of a request of this kind sent by the supplier. */
    public String requestActionCode() {
        return requestActionCode;
    }

    /** The kind coded {@code code} in ASI02. */
    public static Optional<EnrollmentKind> ofMaintenanceTypeCode(String code) {
        for (EnrollmentKind kind : values()) {
            if (kind.maintenanceTypeCode.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
