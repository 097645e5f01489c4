package org.opencce.app.edi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencce.formats.edi.FunctionalAck997;

/**
 * A 997's refusal of a transaction set in words staff can act on, with the X12 codes kept beside them.
 * The code meanings are ASC X12 004010's code lists of elements 718 (AK5 transaction set syntax error),
 * 720 (AK3 segment syntax error), 723 (AK4 element syntax error) and 716 (AK9 functional group syntax
 * error); a code not listed here is shown as its number. Stateless and thread-safe.
 */
final class Ack997Text {
    private static final Map<String, String> SET_ERRORS = Map.of(
            "1", "transaction set not supported",
            "2", "transaction set trailer missing",
            "3", "control numbers in header and trailer do not match",
            "4", "number of included segments does not match",
            "5", "one or more segments in error",
            "6", "missing or invalid transaction set identifier",
            "7", "missing or invalid transaction set control number",
            "23", "transaction set control number not unique in the group");
    private static final Map<String, String> SEGMENT_ERRORS = Map.of(
            "1", "unrecognized segment",
            "2", "unexpected segment",
            "3", "mandatory segment missing",
            "4", "loop occurs over maximum times",
            "5", "segment exceeds maximum use",
            "6", "segment not in defined transaction set",
            "7", "segment not in proper sequence",
            "8", "segment has data element errors");
    private static final Map<String, String> ELEMENT_ERRORS = Map.of(
            "1", "mandatory data element missing",
            "2", "conditional required data element missing",
            "3", "too many data elements",
            "4", "data element too short",
            "5", "data element too long",
            "6", "invalid character in data element",
            "7", "invalid code value",
            "8", "invalid date",
            "9", "invalid time",
            "10", "exclusion condition violated");
    private static final Map<String, String> GROUP_ERRORS = Map.of(
            "1", "functional group not supported",
            "2", "functional group version not supported",
            "3", "functional group trailer missing",
            "4", "group control numbers in header and trailer do not agree",
            "5", "number of included transaction sets does not match",
            "6", "group control number violates syntax");

    private Ack997Text() {
    }

    /**
     * Why the 997 {@code ack} refused transaction set {@code set} of {@code fileName}: from its own AK5 when
     * {@code result} is given, else from the group's AK9.
     */
    static String refusal(FunctionalAck997 ack, FunctionalAck997.SetResult result, String fileName, String set) {
        StringBuilder text = new StringBuilder();
        if (result == null) {
            text.append("the utility's 997 rejected functional group ").append(ack.groupControlNumber())
                    .append(" (").append(fileName).append(", transaction set ").append(set).append(") whole: AK9 ")
                    .append(ack.groupAcknowledgment().code());
            appendCodes(text, ack.groupErrorCodes(), GROUP_ERRORS);
        } else {
            text.append("the utility's 997 rejected transaction set ").append(set).append(" of ").append(fileName)
                    .append(": AK5 ").append(result.acknowledgment().code());
            appendCodes(text, result.errorCodes(), SET_ERRORS);
            for (FunctionalAck997.SegmentNote s : result.segmentNotes()) {
                text.append("; segment ").append(s.segmentId()).append(" at position ").append(s.position());
                s.errorCode().ifPresent(c -> text.append(": ").append(meaning(c, SEGMENT_ERRORS)));
                for (FunctionalAck997.ElementNote e : s.elementNotes()) {
                    text.append("; element ").append(s.segmentId()).append(String.format("%02d", e.position()));
                    e.elementReference().ifPresent(r -> text.append(" (").append(r).append(')'));
                    text.append(": ").append(meaning(e.errorCode(), ELEMENT_ERRORS));
                    e.badValue().ifPresent(v -> text.append(" '").append(v).append('\''));
                }
            }
        }
        return text.append("; correct it and request again").toString();
    }

    private static void appendCodes(StringBuilder text, List<String> codes, Map<String, String> meanings) {
        List<String> words = new ArrayList<>();
        for (String code : codes) {
            words.add(meaning(code, meanings));
        }
        if (!words.isEmpty()) {
            text.append(" (").append(String.join(", ", words)).append(')');
        }
    }

    /** "5 one or more segments in error", or the code alone when it is not in the list. */
    private static String meaning(String code, Map<String, String> meanings) {
        String meaning = meanings.get(code);
        return meaning == null ? "code " + code : code + " " + meaning;
    }
}
