package org.opencce.formats.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.opencce.formats.FormatException;

/**
 * Reads an X12 004010 file from a trading partner: one interchange with one functional group of 814s
 * (requests and responses, GS01 {@code GE}) or of 997s (GS01 {@code FA}). Which transaction set each
 * ST to SE is comes from its ST01; it must match the group.
 *
 * <p>The whole file is validated before anything is returned: the envelope against StAEDI's X12 00401
 * control schema (the ISA's fixed widths, the SE segment count, the GE and IEA counts, matching control
 * numbers), each transaction set against OpenCCE's 814 or 997 schema, and the 814 rules the schema
 * cannot express (the parties, one REF*12, rejection reasons only on a reject; see
 * {@code docs/formats/edi-814.md}). The first problem rejects the file whole with a
 * {@link FormatException} that names the segment (its number in the file, ISA being 1, and its tag),
 * the element if one is to blame (as {@code REF02}) and the reason. Nothing from a rejected file is
 * returned, so nothing from it can be applied.
 *
 * <p>The file is held in memory while it is read (a batch of 100,000 814s is about 40 MB). Stateless
 * and thread-safe.
 */
public final class EdiReader {
    /** ISA is fixed-width: 106 characters with its segment terminator (X12 004010, ISA). */
    private static final int ISA_LENGTH = 106;
    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};

    private EdiReader() {
    }

    /** Reads {@code file}; messages name it by its file name. */
    public static EdiInterchange read(Path file, TradingPartners partners) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FormatException(file.getFileName().toString(), "cannot read the file: " + e.getMessage(), e);
        }
        return read(bytes, file.getFileName().toString(), partners);
    }

    /** Reads {@code in} to its end (the caller closes it); {@code source} names it in messages. */
    public static EdiInterchange read(InputStream in, String source, TradingPartners partners) {
        try {
            return read(in.readAllBytes(), source, partners);
        } catch (IOException e) {
            throw new FormatException(source, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Reads the X12 file {@code bytes}; {@code source} names it in messages. */
    public static EdiInterchange read(byte[] bytes, String source, TradingPartners partners) {
        requireAscii(bytes, source);
        requireInterchangeHeader(bytes, source);
        return new Parse(source, partners).run(bytes);
    }

    /**
     * X12 004010 text is ASCII. A byte above 0x7F (an accented letter in UTF-8 or Windows-1252) would be
     * decoded into something else, so the file is refused with the byte's offset instead.
     */
    private static void requireAscii(byte[] bytes, String source) {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) > 0x7F) {
                throw new FormatException(source, lineOf(bytes, i), String.format("byte 0x%02X at byte offset %d"
                        + " (counting from 0) is not ASCII, and X12 files are ASCII; ask the sender to write the"
                        + " file without accented letters", bytes[i] & 0xFF, i));
            }
        }
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The ISA defines the delimiters by position, so its elements have fixed widths and it is 106
     * characters long (X12 004010, ISA). A header of another length makes StAEDI read the wrong
     * delimiters; measuring each element first names the one that is off.
     */
    private static void requireInterchangeHeader(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw new FormatException(source, "the file is empty; an X12 file starts with an ISA interchange header");
        }
        if (bytes.length < 4 || bytes[0] != 'I' || bytes[1] != 'S' || bytes[2] != 'A') {
            String start = new String(bytes, 0, Math.min(bytes.length, 20), StandardCharsets.US_ASCII);
            throw new FormatException(source, 1, "the file does not start with an ISA interchange header; it starts"
                    + " with '" + start.replaceAll("[^\\x20-\\x7E]", "?") + "'");
        }
        byte separator = bytes[3];
        int at = 4;
        for (int n = 1; n <= ISA_WIDTHS.length; n++) {
            int end = at;
            while (end < bytes.length && bytes[end] != separator && end - at <= ISA_WIDTHS[n - 1]
                    && (n < ISA_WIDTHS.length || end - at < ISA_WIDTHS[n - 1])) {
                end++;
            }
            int width = end - at;
            boolean last = n == ISA_WIDTHS.length;
            if (last && width == ISA_WIDTHS[n - 1] && end >= bytes.length) {
                throw new FormatException(source, 1, "segment 1 (ISA): the file ends before the segment terminator"
                        + " that follows ISA16: it is truncated; ask the sender for the complete file");
            }
            boolean separated = last || end < bytes.length && bytes[end] == separator;
            if (width != ISA_WIDTHS[n - 1] || !separated) {
                String measured = end >= bytes.length ? "the file ends after " + width + " characters of it"
                        : "it is " + (bytes[end] == separator ? "" : "at least ") + width + " characters long";
                throw new FormatException(source, 1, "segment 1 (ISA), element " + X12Text.elementName("ISA", n)
                        + ": the interchange header has fixed-width elements and " + X12Text.elementName("ISA", n)
                        + " must be " + ISA_WIDTHS[n - 1] + (ISA_WIDTHS[n - 1] == 1 ? " character" : " characters")
                        + ", but " + measured + " (the whole ISA is "
                        + ISA_LENGTH + " characters)");
            }
            at = end + 1;
        }
    }

    /** One reading of one file. */
    private static final class Parse {
        private final String source;
        private final TradingPartners partners;

        private Segment isa;
        private Segment gs;
        private String groupCode;
        private final List<TransactionSet> sets = new ArrayList<>();
        private String transactionSetCode;
        private String stControlNumber;
        private List<Segment> body;
        private int segmentsInSet;
        private int interchanges;
        private int groups;
        private boolean interchangeClosed;
        private Segment last;

        private String tag;
        private int position;
        private long line;
        private List<List<String>> elements;

        Parse(String source, TradingPartners partners) {
            this.source = source;
            this.partners = partners;
        }

        EdiInterchange run(byte[] bytes) {
            EDIInputFactory factory = EDIInputFactory.newFactory();
            factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
            factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
            // Our control schema, loaded once, instead of one StAEDI would load from ISA12 for every file.
            try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes), "US-ASCII",
                    X12Schemas.controlSchema())) {
                while (reader.hasNext()) {
                    event(reader, reader.next());
                }
            } catch (EDIStreamException e) {
                throw unreadable(e);
            } catch (IOException e) {
                throw new FormatException(source, "cannot read the file: " + e.getMessage(), e);
            }
            if (!interchangeClosed) {
                throw truncated();
            }
            try {
                return new EdiInterchange(envelope(), sets);
            } catch (IllegalArgumentException e) {
                throw problem(gs, 0, e.getMessage());
            }
        }

        private void event(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            Location location = reader.getLocation();
            switch (event) {
                case START_INTERCHANGE:
                    interchanges++;
                    break;
                case START_SEGMENT:
                    tag = reader.getText();
                    position = location.getSegmentPosition();
                    line = location.getLineNumber();
                    elements = new ArrayList<>();
                    if (interchanges > 1 && "ISA".equals(tag)) {
                        throw problem(current(), 0, "a second interchange; OpenCCE reads one interchange per file");
                    }
                    break;
                case ELEMENT_DATA:
                    element(location, reader.getText());
                    if ("ST".equals(tag) && location.getElementPosition() == 1) {
                        reader.setTransactionSchema(transactionSchema(reader.getText()));
                    }
                    break;
                case END_SEGMENT:
                    segment(new Segment(tag, position, line, elements));
                    break;
                case SEGMENT_ERROR:
                case ELEMENT_DATA_ERROR:
                case ELEMENT_OCCURRENCE_ERROR:
                    throw invalid(reader, location);
                default:
                    break;
            }
        }

        private Segment current() {
            return new Segment(tag, position, line, elements);
        }

        /**
         * Adds a value at its element position. StAEDI reports every element up to the last one present,
         * empty ones included, and every component of a composite, so the positions are kept;
         * {@link Segment#element(int)} reads an empty value as absent.
         */
        private void element(Location location, String text) {
            int n = location.getElementPosition();
            while (elements.size() < n) {
                elements.add(new ArrayList<>());
            }
            elements.get(n - 1).add(text);
        }

        /** ST01 picks the transaction schema; it must be a set OpenCCE reads and match the group's GS01. */
        private Schema transactionSchema(String code) {
            String expected = "FA".equals(groupCode) ? "997" : "814";
            if (!expected.equals(code)) {
                throw problem(current(), 1, "'" + code + "' is not a transaction set OpenCCE reads in a " + groupCode
                        + " functional group; ST01 must be " + expected);
            }
            transactionSetCode = code;
            return X12Schemas.forTransactionSet(code).orElseThrow();
        }

        private void segment(Segment s) {
            switch (s.tag()) {
                case "ISA":
                    isa = s;
                    requireValue(s, 12, "00401", "OpenCCE reads X12 version 004010 (ISA12 00401) only");
                    break;
                case "GS":
                    groups++;
                    if (groups > 1) {
                        throw problem(s, 0, "a second functional group; OpenCCE reads one functional group per file");
                    }
                    gs = s;
                    groupCode = s.element(1);
                    if (!"GE".equals(groupCode) && !"FA".equals(groupCode)) {
                        throw problem(s, 1, "'" + groupCode + "' is not a functional group OpenCCE reads; GS01 must be"
                                + " GE (814) or FA (997)");
                    }
                    requireValue(s, 8, "004010", "OpenCCE reads X12 version 004010 only");
                    break;
                case "ST":
                    body = new ArrayList<>();
                    segmentsInSet = 1;
                    stControlNumber = s.element(2);
                    break;
                case "SE":
                    sets.add(new TransactionSet(s.element(2), transaction(body)));
                    body = null;
                    break;
                case "GE":
                    if (sets.isEmpty()) {
                        throw problem(s, 0, "the functional group holds no transaction set");
                    }
                    break;
                case "IEA":
                    interchangeClosed = true;
                    break;
                default:
                    if (body == null) {
                        throw problem(s, 0, "segment " + s.tag() + " is not read outside a transaction set; OpenCCE"
                                + " reads ISA, GS, ST to SE, GE and IEA");
                    }
                    body.add(s);
                    segmentsInSet++;
                    break;
            }
            last = s;
        }

        private EdiTransaction transaction(List<Segment> segments) {
            Transactions mapping = new Transactions(source, partners);
            return "997".equals(transactionSetCode) ? mapping.acknowledgment(segments) : mapping.enrollment(segments);
        }

        private void requireValue(Segment s, int element, String expected, String rule) {
            if (!expected.equals(s.element(element))) {
                throw problem(s, element, "'" + s.element(element) + "' is not " + expected + "; " + rule);
            }
        }

        private InterchangeEnvelope envelope() {
            InterchangeEnvelope.Usage usage;
            switch (isa.element(15)) {
                case "P":
                    usage = InterchangeEnvelope.Usage.PRODUCTION;
                    break;
                case "T":
                    usage = InterchangeEnvelope.Usage.TEST;
                    break;
                default:
                    throw problem(isa, 15, "'" + isa.element(15) + "' is neither P (production) nor T (test) data");
            }
            LocalDateTime created = LocalDateTime.of(LocalDate.parse(gs.element(4), X12Text.DATE), time(gs.element(5)));
            try {
                return new InterchangeEnvelope(isa.element(5), isa.element(6).trim(), isa.element(7),
                        isa.element(8).trim(), gs.element(2), gs.element(3), Long.parseLong(isa.element(13)),
                        Long.parseLong(gs.element(6)), created, usage);
            } catch (IllegalArgumentException e) {
                throw problem(isa, 0, e.getMessage());
            }
        }

        /** GS05: HHMM or HHMMSS, decimal seconds (HHMMSSD, HHMMSSDD) dropped. */
        private LocalTime time(String text) {
            try {
                if (text.length() == 4) {
                    return LocalTime.parse(text, X12Text.TIME);
                }
                return LocalTime.parse(text.substring(0, 6), X12Text.TIME_WITH_SECONDS);
            } catch (DateTimeParseException e) {
                throw problem(gs, 5, "'" + text + "' is not a time (HHMM or HHMMSS)");
            }
        }

        /** A StAEDI validation error, with the counts and control numbers it concerns spelled out. */
        private FormatException invalid(EDIStreamReader reader, Location location) {
            EDIStreamValidationError error = reader.getErrorType();
            String text = errorText(reader);
            Segment at = new Segment(location.getSegmentTag(), location.getSegmentPosition(),
                    location.getLineNumber(), List.of());
            int element = Math.max(location.getElementPosition(), 0);
            if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
                return problem(at, element, countMismatch(at.tag(), text));
            }
            if (error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
                return problem(at, element, referenceMismatch(at.tag(), text));
            }
            String problem = X12Text.describe(error, text, reader.getSchemaTypeReference());
            return problem(at, element, problem);
        }

        /**
         * The data StAEDI reports with an error. For a broken syntax note (REF02 or REF03 required, for one)
         * StAEDI 1.25.2 says it has text but throws a NullPointerException when asked for it: such an error
         * concerns the segment, not a value, so it has none.
         */
        private static String errorText(EDIStreamReader reader) {
            try {
                return reader.hasText() ? reader.getText() : "";
            } catch (NullPointerException e) {
                return "";
            }
        }

        private String countMismatch(String trailer, String stated) {
            switch (trailer) {
                case "SE":
                    // StAEDI reports the count while reading SE, before SE itself is counted.
                    return "SE01 says the transaction set has " + stated + " segments, but it has "
                            + (segmentsInSet + 1) + " (ST to SE)";
                case "GE":
                    return "GE01 says the functional group has " + stated + " transaction sets, but it has "
                            + sets.size();
                default:
                    return "IEA01 says the interchange has " + stated + " functional groups, but it has " + groups;
            }
        }

        private String referenceMismatch(String trailer, String stated) {
            switch (trailer) {
                case "SE":
                    return "SE02 '" + stated + "' is not the control number of its ST ('" + stControlNumber + "')";
                case "GE":
                    return "GE02 '" + stated + "' is not the control number of its GS ('" + gs.element(6) + "')";
                default:
                    return "IEA02 '" + stated + "' is not the control number of its ISA ('" + isa.element(13) + "')";
            }
        }

        private FormatException unreadable(EDIStreamException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unexpected end of stream")) {
                return truncated();
            }
            long at = last == null ? 1 : last.line();
            return new FormatException(source, at, "the text after " + (last == null ? "the start of the file"
                    : last.name()) + " is not an X12 segment (StAEDI: " + message + ")");
        }

        private FormatException truncated() {
            if (last == null) {
                return new FormatException(source, 1, "the file ends inside its ISA interchange header: it is truncated;"
                        + " ask the sender for the complete file");
            }
            return new FormatException(source, last.line(), "the file ends after " + last.name() + " before the"
                    + " interchange is closed by IEA: it is truncated; ask the sender for the complete file");
        }

        private FormatException problem(Segment s, int element, String text) {
            return Transactions.problem(source, s, element, text);
        }
    }
}
