package org.opencce.formats.edi;

/**
 * The content of one X12 transaction set (ST to SE) that OpenCCE writes and reads: an 814 request,
 * an 814 response or a 997 functional acknowledgment.
 */
public sealed interface EdiTransaction permits Enrollment814Request, Enrollment814Response, FunctionalAck997 {

    /** ST01: {@code 814} or {@code 997}. */
    String transactionSetCode();

    /**
     * GS01 of the functional group the transaction set travels in: {@code GE} (General Request) for 814,
     * {@code FA} (Functional Acknowledgment) for 997.
     */
    default String functionalGroupCode() {
        return "997".equals(transactionSetCode()) ? "FA" : "GE";
    }
}
