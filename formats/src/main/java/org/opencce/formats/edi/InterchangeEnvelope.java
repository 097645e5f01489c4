package org.opencce.formats.edi;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The envelope of one X12 004010 interchange holding one functional group: who sends it to whom, its
 * control numbers and when it was made. The caller gives the control numbers and the time, so the
 * same batch always makes the same bytes; each control number must be new for the trading partner
 * (X12: the receiver uses them to detect duplicates).
 *
 * <ul>
 *   <li>{@code senderQualifier}, {@code senderId}, {@code receiverQualifier}, {@code receiverId}: ISA05
 *       to ISA08, the interchange ids (a qualifier such as {@code 01} D-U-N-S or {@code ZZ} mutually
 *       defined; an id of at most 15 characters, padded with spaces in the ISA);</li>
 *   <li>{@code applicationSender}, {@code applicationReceiver}: GS02 and GS03, 2 to 15 characters;</li>
 *   <li>{@code interchangeControlNumber}: ISA13 and IEA02, 1 to 999,999,999 (written with 9 digits);</li>
 *   <li>{@code groupControlNumber}: GS06 and GE02, 1 to 999,999,999;</li>
 *   <li>{@code created}: local time of the sender (ISA09/ISA10, GS04/GS05 and the BGN03 date of every
 *       814), in whole seconds;</li>
 *   <li>{@code usage}: ISA15, production or test data.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record InterchangeEnvelope(
        String senderQualifier,
        String senderId,
        String receiverQualifier,
        String receiverId,
        String applicationSender,
        String applicationReceiver,
        long interchangeControlNumber,
        long groupControlNumber,
        LocalDateTime created,
        Usage usage) {

    /** The largest control number X12 allows (ISA13 is 9 digits; GS06 at most 9). */
    public static final long MAX_CONTROL_NUMBER = 999_999_999L;

    private static final Pattern QUALIFIER = Pattern.compile("[0-9A-Z]{2}");
    private static final Pattern INTERCHANGE_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z -]{0,14}");
    private static final Pattern APPLICATION_CODE = Pattern.compile("[0-9A-Za-z-]{2,15}");

    /** ISA15: whether the interchange holds production or test data. */
    public enum Usage {
        PRODUCTION("P"),
        TEST("T");

        private final String code;

        Usage(String code) {
            this.code = code;
        }

        /** The ISA15 code. */
        public String code() {
            return code;
        }
    }

    public InterchangeEnvelope {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(usage, "usage");
        require("sender qualifier (ISA05)", senderQualifier, QUALIFIER, "2 letters or digits, such as 01 or ZZ");
        require("receiver qualifier (ISA07)", receiverQualifier, QUALIFIER, "2 letters or digits, such as 01 or ZZ");
        require("sender id (ISA06)", senderId, INTERCHANGE_ID,
                "1 to 15 letters, digits, spaces or dashes, not starting or ending with a space");
        require("receiver id (ISA08)", receiverId, INTERCHANGE_ID,
                "1 to 15 letters, digits, spaces or dashes, not starting or ending with a space");
        require("application sender code (GS02)", applicationSender, APPLICATION_CODE,
                "2 to 15 letters, digits or dashes");
        require("application receiver code (GS03)", applicationReceiver, APPLICATION_CODE,
                "2 to 15 letters, digits or dashes");
        if (senderId.endsWith(" ") || receiverId.endsWith(" ")) {
            throw new IllegalArgumentException("interchange ids must not end with a space (the ISA pads them), were '"
                    + senderId + "' and '" + receiverId + "'");
        }
        requireControlNumber("interchange control number (ISA13)", interchangeControlNumber);
        requireControlNumber("group control number (GS06)", groupControlNumber);
        if (created.getNano() != 0) {
            throw new IllegalArgumentException("created time must be in whole seconds (GS05 holds HHMMSS), was "
                    + created);
        }
    }

    private static void require(String field, String value, Pattern pattern, String rule) {
        Objects.requireNonNull(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + rule + ", was '" + value + "'");
        }
    }

    private static void requireControlNumber(String field, long value) {
        if (value < 1 || value > MAX_CONTROL_NUMBER) {
            throw new IllegalArgumentException(field + " must be 1 to " + MAX_CONTROL_NUMBER + ", was " + value);
        }
    }
}
