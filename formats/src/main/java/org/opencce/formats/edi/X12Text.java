package org.opencce.formats.edi;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.stream.EDIStreamValidationError;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The text rules of the X12 files OpenCCE writes and reads, shared by {@link EdiWriter} and
 * {@link EdiReader}: the delimiters, the date and time forms, the character set, element names such as
 * {@code REF02}, and the sentence that explains each StAEDI validation error.
 */
final class X12Text {
    /** ISA16 and the delimiters OpenCCE writes (the common X12 choice; any are read). */
    static final char SEGMENT_TERMINATOR = '~';
    static final char ELEMENT_SEPARATOR = '*';
    static final char COMPONENT_SEPARATOR = '>';

    /** X12 data type DT in 004010: CCYYMMDD (GS04, BGN03, DTM02). */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    /** ISA09: YYMMDD. */
    static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("uuMMdd");
    /** X12 data type TM: HHMM, or HHMMSS when the seconds matter. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    static final DateTimeFormatter TIME_WITH_SECONDS = DateTimeFormatter.ofPattern("HHmmss");

    private X12Text() {
    }

    /** {@code REF02}: the segment tag and the element's two-digit position, as X12 guides name elements. */
    static String elementName(String tag, int position) {
        return tag + String.format("%02d", position);
    }

    /**
     * Why {@code value} cannot be an element of an X12 file OpenCCE writes, if it cannot: X12 004010
     * text is printable ASCII (the basic and extended character sets), and a delimiter inside a value
     * would split it. Empty when the value can be written.
     */
    static Optional<String> unwritable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEGMENT_TERMINATOR || c == ELEMENT_SEPARATOR || c == COMPONENT_SEPARATOR) {
                return Optional.of("'" + value + "' holds '" + c + "' at character " + (i + 1) + ", which is an X12"
                        + " delimiter in OpenCCE's files (" + SEGMENT_TERMINATOR + " " + ELEMENT_SEPARATOR + " "
                        + COMPONENT_SEPARATOR + ")");
            }
            if (c < 0x20 || c > 0x7E) {
                return Optional.of("'" + value + "' holds " + codePoint(c) + " at character " + (i + 1)
                        + ", which is outside the X12 character set (printable ASCII); write it without accents or"
                        + " symbols");
            }
        }
        return Optional.empty();
    }

    /** {@code value} with each control character written as {@code <U+0007>}, so a message shows it. */
    static String shown(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                b.append('<').append(codePoint(c)).append('>');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /**
     * The sentence that explains a StAEDI validation {@code error} of an element or segment holding
     * {@code value}; {@code type} is the schema's type at that place, when StAEDI knows it.
     */
    static String describe(EDIStreamValidationError error, CharSequence value, EDIReference type) {
        String raw = value == null ? "" : value.toString();
        String v = shown(raw);
        Optional<EDISimpleType> simple = simpleType(type);
        switch (error) {
            case UNRECOGNIZED_SEGMENT_ID:
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET:
                return "segment " + v + " is not part of the transaction set as OpenCCE reads it"
                        + " (docs/formats/edi-814.md lists the segments)";
            case UNEXPECTED_SEGMENT:
            case SEGMENT_NOT_IN_PROPER_SEQUENCE:
                return "segment " + v + " is out of order here";
            case MANDATORY_SEGMENT_MISSING:
                return "the mandatory segment " + v + " is missing before this one";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES:
                return "the " + v + " loop occurs more often than the transaction set allows";
            case SEGMENT_EXCEEDS_MAXIMUM_USE:
                return "segment " + v + " occurs more often than the transaction set allows";
            case REQUIRED_DATA_ELEMENT_MISSING:
                return "the mandatory element is missing";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING:
                return "an element is missing that the segment's other elements require (X12 syntax note)";
            case TOO_MANY_DATA_ELEMENTS:
                return "the segment has more elements than the transaction set allows";
            case TOO_MANY_COMPONENTS:
                return "the composite element has more components than allowed";
            case DATA_ELEMENT_TOO_SHORT:
                return "'" + v + "' is " + raw.length() + " characters long; at least "
                        + simple.map(EDISimpleType::getMinLength).orElse(0L) + " are required";
            case DATA_ELEMENT_TOO_LONG:
                return "'" + v + "' is " + raw.length() + " characters long; at most "
                        + simple.map(EDISimpleType::getMaxLength).orElse(0L) + " are allowed";
            case INVALID_CHARACTER_DATA:
                return "'" + v + "' has characters that the element's type ("
                        + simple.map(s -> s.getBase().toString().toLowerCase(Locale.ROOT)).orElse("text")
                        + ") does not allow";
            case INVALID_CODE_VALUE:
            case IMPLEMENTATION_INVALID_CODE_VALUE:
                return "'" + v + "' is not a code OpenCCE accepts here; expected one of "
                        + simple.map(s -> String.join(", ", new TreeSet<>(s.getValueSet()))).orElse("the schema's codes");
            case INVALID_DATE:
                return "'" + v + "' is not a date (CCYYMMDD)";
            case INVALID_TIME:
                return "'" + v + "' is not a time (HHMM or HHMMSS)";
            default:
                return "'" + v + "' breaks the rule " + error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static Optional<EDISimpleType> simpleType(EDIReference reference) {
        if (reference == null) {
            return Optional.empty();
        }
        EDIType type = reference.getReferencedType();
        return type instanceof EDISimpleType ? Optional.of((EDISimpleType) type) : Optional.empty();
    }
}
