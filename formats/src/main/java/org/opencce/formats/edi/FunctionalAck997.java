package org.opencce.formats.edi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A 997 functional acknowledgment of one functional group: AK1 names the group (its GS01 functional
 * identifier and GS06 control number), one {@link SetResult} (AK2 to AK5) per transaction set says
 * whether that set was accepted, and AK9 says it for the group with the counts of sets included,
 * received and accepted. The PA/NJ/DE/MD guides require a 997 for every functional group received
 * (814 Drop IG, General Notes): the supplier sends one for each inbound 814 file and receives one for
 * each batch it sends. Source of the structure: ASC X12 004010 997.
 *
 * <p>Immutable and thread-safe.
 */
public record FunctionalAck997(
        String functionalIdentifier,
        long groupControlNumber,
        List<SetResult> sets,
        AckCode groupAcknowledgment,
        int setsIncluded,
        int setsReceived,
        int setsAccepted,
        List<String> groupErrorCodes) implements EdiTransaction {

    private static final Pattern FUNCTIONAL_IDENTIFIER = Pattern.compile("[A-Z]{2}");
    private static final Pattern SET_CODE = Pattern.compile("\\d{3}");
    /** AK502 to AK506 and AK905 to AK909: at most five error codes (X12 004010 997). */
    private static final int MAX_ERROR_CODES = 5;

    /**
     * AK501 (element 717) and AK901 (element 715): the acknowledgment of a transaction set or of the
     * whole group. {@link #PARTIALLY_ACCEPTED} applies to a group only.
     */
    public enum AckCode {
        ACCEPTED("A"),
        ACCEPTED_WITH_ERRORS("E"),
        REJECTED_AUTHENTICATION_FAILED("M"),
        PARTIALLY_ACCEPTED("P"),
        REJECTED("R"),
        REJECTED_VALIDITY_TESTS_FAILED("W"),
        REJECTED_DECRYPTION_FAILED("X");

        private final String code;

        AckCode(String code) {
            this.code = code;
        }

        /** The X12 code. */
        public String code() {
            return code;
        }

        /** Whether the set or group was accepted, with or without noted errors. */
        public boolean isAccepted() {
            return this == ACCEPTED || this == ACCEPTED_WITH_ERRORS;
        }

        static Optional<AckCode> ofCode(String code) {
            for (AckCode c : values()) {
                if (c.code.equals(code)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * AK2 to AK5: the acknowledgment of one transaction set, named by its ST01 {@code transactionSetCode}
     * and ST02 {@code controlNumber}, with up to five AK5 syntax error codes and the segments in error.
     */
    public record SetResult(String transactionSetCode, String controlNumber, AckCode acknowledgment,
            List<String> errorCodes, List<SegmentNote> segmentNotes) {

        public SetResult {
            Objects.requireNonNull(transactionSetCode, "transactionSetCode");
            Objects.requireNonNull(controlNumber, "controlNumber");
            Objects.requireNonNull(acknowledgment, "acknowledgment");
            errorCodes = List.copyOf(errorCodes);
            segmentNotes = List.copyOf(segmentNotes);
            if (!SET_CODE.matcher(transactionSetCode).matches()) {
                throw new IllegalArgumentException("AK201 transaction set code must be 3 digits, was '"
                        + transactionSetCode + "'");
            }
            if (!TransactionSet.CONTROL_NUMBER.matcher(controlNumber).matches()) {
                throw new IllegalArgumentException("AK202 transaction set control number must be 4 to 9 letters or"
                        + " digits, was '" + controlNumber + "'");
            }
            if (acknowledgment == AckCode.PARTIALLY_ACCEPTED) {
                throw new IllegalArgumentException("AK501 of set " + controlNumber + ": P (partially accepted) applies"
                        + " to a functional group (AK901), not to one transaction set");
            }
            requireErrorCodes("AK5 of set " + controlNumber, errorCodes);
        }

        /** A set accepted without errors. */
        public static SetResult accepted(String transactionSetCode, String controlNumber) {
            return new SetResult(transactionSetCode, controlNumber, AckCode.ACCEPTED, List.of(), List.of());
        }
    }

    /**
     * AK3: a segment in error, named by its id, its position in the transaction set (ST is 1), the loop
     * it is in, and the segment syntax error code (element 720), with its AK4 element notes.
     */
    public record SegmentNote(String segmentId, int position, Optional<String> loopId, Optional<String> errorCode,
            List<ElementNote> elementNotes) {

        public SegmentNote {
            Objects.requireNonNull(segmentId, "segmentId");
            Objects.requireNonNull(loopId, "loopId");
            Objects.requireNonNull(errorCode, "errorCode");
            elementNotes = List.copyOf(elementNotes);
            if (position < 1) {
                throw new IllegalArgumentException("AK302 segment position must be at least 1, was " + position);
            }
            if (elementNotes.size() > 99) {
                throw new IllegalArgumentException("AK3 " + segmentId + " has " + elementNotes.size()
                        + " AK4 element notes; X12 allows at most 99");
            }
        }
    }

    /**
     * AK4: an element in error, named by its position in the segment (and the component position in a
     * composite), its data element reference number, the element syntax error code (element 723) and a
     * copy of the bad data.
     */
    public record ElementNote(int position, OptionalInt componentPosition, Optional<String> elementReference,
            String errorCode, Optional<String> badValue) {

        public ElementNote {
            Objects.requireNonNull(componentPosition, "componentPosition");
            Objects.requireNonNull(elementReference, "elementReference");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(badValue, "badValue");
            if (position < 1 || componentPosition.isPresent() && componentPosition.getAsInt() < 1) {
                throw new IllegalArgumentException("AK401 element position must be at least 1, was " + position
                        + (componentPosition.isPresent() ? "-" + componentPosition.getAsInt() : ""));
            }
        }
    }

    public FunctionalAck997 {
        Objects.requireNonNull(functionalIdentifier, "functionalIdentifier");
        Objects.requireNonNull(groupAcknowledgment, "groupAcknowledgment");
        sets = List.copyOf(sets);
        groupErrorCodes = List.copyOf(groupErrorCodes);
        if (!FUNCTIONAL_IDENTIFIER.matcher(functionalIdentifier).matches()) {
            throw new IllegalArgumentException("AK101 functional identifier must be 2 capital letters, was '"
                    + functionalIdentifier + "'");
        }
        if (groupControlNumber < 1 || groupControlNumber > InterchangeEnvelope.MAX_CONTROL_NUMBER) {
            throw new IllegalArgumentException("AK102 group control number must be 1 to "
                    + InterchangeEnvelope.MAX_CONTROL_NUMBER + ", was " + groupControlNumber);
        }
        if (setsIncluded < 0 || setsReceived < 0 || setsAccepted < 0 || setsAccepted > setsReceived) {
            throw new IllegalArgumentException("AK9 counts must not be negative and at most the received sets may be"
                    + " accepted, were included " + setsIncluded + ", received " + setsReceived + ", accepted "
                    + setsAccepted);
        }
        requireErrorCodes("AK9", groupErrorCodes);
    }

    private static void requireErrorCodes(String where, List<String> codes) {
        if (codes.size() > MAX_ERROR_CODES) {
            throw new IllegalArgumentException(where + " has " + codes.size() + " error codes; X12 allows at most "
                    + MAX_ERROR_CODES);
        }
        for (String code : codes) {
            if (code.isBlank()) {
                throw new IllegalArgumentException(where + ": an error code must not be blank");
            }
        }
    }

    /**
     * The 997 that accepts every transaction set of {@code received}: what the supplier sends back for an
     * inbound file it has read without error.
     */
    public static FunctionalAck997 acceptingAll(EdiInterchange received) {
        List<SetResult> results = new ArrayList<>();
        for (TransactionSet set : received.sets()) {
            results.add(SetResult.accepted(set.content().transactionSetCode(), set.controlNumber()));
        }
        int n = results.size();
        return new FunctionalAck997(received.functionalGroupCode(), received.envelope().groupControlNumber(),
                results, AckCode.ACCEPTED, n, n, n, List.of());
    }

    /** Whether the group was accepted as a whole (AK901 A or E). */
    public boolean accepted() {
        return groupAcknowledgment.isAccepted();
    }

    @Override
    public String transactionSetCode() {
        return "997";
    }
}
