package org.opencce.formats.edi;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.OpenCceException;

/**
 * Writes an {@link EdiInterchange} as an X12 004010 file: ISA, GS, one ST to SE per transaction set
 * (one account per 814), GE, IEA. Every segment is validated as it is written, against StAEDI's
 * envelope schema and OpenCCE's 814 or 997 schema ({@code docs/formats/edi-814.md}); the whole file is
 * made in memory first, so an interchange that would be invalid throws before a byte reaches the
 * caller's stream. Callers that write a file should still write to a temporary file and move it, so a
 * failed disk never leaves half a file where the utility collects it.
 *
 * <p>The output is deterministic: the same interchange and partners give the same bytes. Delimiters
 * are {@code *} between elements, {@code >} between components and {@code ~} after each segment,
 * followed by a line feed so the file reads one segment a line; the text is US-ASCII.
 *
 * <p>Stateless and thread-safe.
 */
public final class EdiWriter {

    private EdiWriter() {
    }

    /**
     * Writes {@code interchange} to {@code out}, naming the parties of each 814 from {@code partners}.
     * The caller closes {@code out}.
     *
     * @throws IllegalArgumentException if the interchange cannot be written as valid X12: the message
     *     names the transaction set (its reference), the segment, the element and the rule; nothing has
     *     been written then
     */
    public static void write(EdiInterchange interchange, TradingPartners partners, OutputStream out) {
        byte[] bytes = toBytes(interchange, partners);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the X12 file: " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code interchange}, as {@link #write(EdiInterchange, TradingPartners, OutputStream)}. */
    public static byte[] toBytes(EdiInterchange interchange, TradingPartners partners) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Session session = new Session(buffer);
        try {
            session.interchange(interchange, partners);
        } catch (EDIStreamException e) {
            throw new OpenCceException("StAEDI could not write the X12 interchange "
                    + interchange.envelope().interchangeControlNumber() + ": " + e.getMessage(), e);
        }
        return oneSegmentPerLine(buffer.toByteArray());
    }

    /**
     * A line feed after every segment terminator. StAEDI's own pretty printing uses the platform's line
     * separator, which would make the bytes depend on the machine; the terminator cannot occur inside a
     * value (see {@link X12Text#unwritable(String)}), so every {@code ~} ends a segment.
     */
    private static byte[] oneSegmentPerLine(byte[] bytes) {
        int segments = 0;
        for (byte b : bytes) {
            if (b == X12Text.SEGMENT_TERMINATOR) {
                segments++;
            }
        }
        byte[] lines = new byte[bytes.length + segments];
        int at = 0;
        for (byte b : bytes) {
            lines[at++] = b;
            if (b == X12Text.SEGMENT_TERMINATOR) {
                lines[at++] = '\n';
            }
        }
        return lines;
    }

    /** One write: the StAEDI writer, the problems its validation reports, and where we are. */
    private static final class Session {
        private final EDIStreamWriter writer;
        private final List<String> problems = new ArrayList<>();
        private String context = "";
        private int segmentsInSet;

        Session(OutputStream buffer) {
            // StAEDI's X12 delimiters are OpenCCE's (* between elements, ~ after segments); the component
            // separator is the one the ISA declares in ISA16. The golden files pin all three.
            EDIOutputFactory factory = EDIOutputFactory.newFactory();
            factory.setErrorReporter(this::report);
            try {
                writer = factory.createEDIStreamWriter(buffer, "US-ASCII");
            } catch (EDIStreamException e) {
                throw new OpenCceException("StAEDI cannot write US-ASCII: " + e.getMessage(), e);
            }
            writer.setControlSchema(X12Schemas.controlSchema());
        }

        private void report(EDIStreamValidationError error, EDIStreamWriter w, Location location, CharSequence data,
                EDIReference type) {
            String where = location.getElementPosition() > 0
                    ? "element " + X12Text.elementName(location.getSegmentTag(), location.getElementPosition())
                    : "segment " + location.getSegmentTag();
            problems.add(where + ": " + X12Text.describe(error, data, type));
        }

        void interchange(EdiInterchange interchange, TradingPartners partners) throws EDIStreamException {
            InterchangeEnvelope e = interchange.envelope();
            String isaNumber = String.format("%09d", e.interchangeControlNumber());
            context = "interchange " + isaNumber;
            writer.startInterchange();
            // ISA: fixed-width elements (X12 004010 ISA: ISA02 and ISA04 10 characters, ISA06 and ISA08 15).
            // No authorization or security information (00), no interchange acknowledgment asked (ISA14 0):
            // the trading partners answer each functional group with a 997 instead.
            segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), e.senderQualifier(), pad(e.senderId()),
                    e.receiverQualifier(), pad(e.receiverId()), e.created().format(X12Text.SHORT_DATE),
                    e.created().format(X12Text.TIME), "U", "00401", isaNumber, "0", e.usage().code(),
                    String.valueOf(X12Text.COMPONENT_SEPARATOR));
            String groupNumber = Long.toString(e.groupControlNumber());
            segment("GS", interchange.functionalGroupCode(), e.applicationSender(), e.applicationReceiver(),
                    e.created().format(X12Text.DATE), time(e), groupNumber, "X", "004010");
            for (TransactionSet set : interchange.sets()) {
                transactionSet(set, e, partners);
            }
            context = "interchange " + isaNumber;
            segment("GE", Integer.toString(interchange.sets().size()), groupNumber);
            segment("IEA", "1", isaNumber);
            // Ending the interchange flushes StAEDI's writer into the in-memory buffer, which needs no closing.
            writer.endInterchange();
        }

        private static String pad(String id) {
            return String.format("%-15s", id);
        }

        /** GS05: HHMM, with the seconds when they are not zero, so reading gives back the same time. */
        private static String time(InterchangeEnvelope e) {
            return e.created().getSecond() == 0 ? e.created().format(X12Text.TIME)
                    : e.created().format(X12Text.TIME_WITH_SECONDS);
        }

        private void transactionSet(TransactionSet set, InterchangeEnvelope envelope, TradingPartners partners)
                throws EDIStreamException {
            EdiTransaction content = set.content();
            context = describe(content) + " (transaction set " + set.controlNumber() + ")";
            writer.setTransactionSchema(X12Schemas.forTransactionSet(content.transactionSetCode()).orElseThrow());
            segmentsInSet = 0;
            segment("ST", content.transactionSetCode(), set.controlNumber());
            if (content instanceof Enrollment814Request) {
                request((Enrollment814Request) content, envelope, partners);
            } else if (content instanceof Enrollment814Response) {
                response((Enrollment814Response) content, envelope, partners);
            } else {
                acknowledgment((FunctionalAck997) content);
            }
            // SE01 counts the segments of the set, ST and SE included (X12 004010 SE).
            segment("SE", Integer.toString(segmentsInSet + 1), set.controlNumber());
        }

        private static String describe(EdiTransaction content) {
            if (content instanceof Enrollment814Request) {
                return "814 request " + ((Enrollment814Request) content).reference();
            }
            if (content instanceof Enrollment814Response) {
                return "814 response " + ((Enrollment814Response) content).reference();
            }
            return "997 for group " + ((FunctionalAck997) content).groupControlNumber();
        }

        private void request(Enrollment814Request r, InterchangeEnvelope envelope, TradingPartners partners)
                throws EDIStreamException {
            segment("BGN", "13", r.reference(), envelope.created().format(X12Text.DATE));
            parties(partners.utilityParty(r.utility()), partners.supplier());
            segment("N1", "8R", r.customerName());
            segment("N3", r.serviceAddress().street());
            // ServiceAddress is a Massachusetts address: the program's towns are all in MA.
            segment("N4", r.serviceAddress().city(), "MA", r.serviceAddress().zip());
            service(r.reference());
            segment("ASI", r.kind().requestActionCode(), r.kind().maintenanceTypeCode());
            if (r.kind() == EnrollmentKind.CHANGE) {
                // REF*TD, the reason for change (PA/NJ/DE/MD 814 Change IG), names what changes as the
                // segment and qualifier it changes: the rate code, REF*RB (OpenCCE's choice; see the
                // "Choices" of docs/formats/edi-814.md).
                segment("REF", "TD", "REFRB");
            }
            segment("REF", "12", r.account().value());
            if (r.productCode().isPresent()) {
                segment("REF", "RB", r.productCode().get());
            }
            effectiveDate(r.effectiveDate());
        }

        private void response(Enrollment814Response r, InterchangeEnvelope envelope, TradingPartners partners)
                throws EDIStreamException {
            // BGN06 refers to the BGN02 of the request answered (PA/NJ/DE/MD 814 IG, BGN).
            segment("BGN", "11", r.reference(), envelope.created().format(X12Text.DATE), "", "", r.originalReference());
            parties(partners.utilityParty(r.utility()), partners.supplier());
            // The response returns the request's LIN01 tracking number in LIN01.
            service(r.originalReference());
            segment("ASI", r.accepted() ? "WQ" : "U", r.kind().maintenanceTypeCode());
            for (Rejection rejection : r.rejections()) {
                if (rejection.text().isPresent()) {
                    segment("REF", "7G", rejection.code(), rejection.text().get());
                } else {
                    segment("REF", "7G", rejection.code());
                }
            }
            segment("REF", "12", r.account().value());
            effectiveDate(r.effectiveDate());
        }

        private void parties(EdiParty utility, EdiParty supplier) throws EDIStreamException {
            segment("N1", "8S", utility.name(), utility.qualifier(), utility.id());
            segment("N1", "SJ", supplier.name(), supplier.qualifier(), supplier.id());
        }

        /** LIN: electric (LIN03 EL) generation service (LIN05 CE), as UIG 814 4010 codes the service. */
        private void service(String trackingNumber) throws EDIStreamException {
            segment("LIN", trackingNumber, "SH", "EL", "SH", "CE");
        }

        private void effectiveDate(Optional<LocalDate> date) throws EDIStreamException {
            if (date.isPresent()) {
                segment("DTM", "007", date.get().format(X12Text.DATE));
            }
        }

        private void acknowledgment(FunctionalAck997 ack) throws EDIStreamException {
            segment("AK1", ack.functionalIdentifier(), Long.toString(ack.groupControlNumber()));
            for (FunctionalAck997.SetResult set : ack.sets()) {
                segment("AK2", set.transactionSetCode(), set.controlNumber());
                for (FunctionalAck997.SegmentNote note : set.segmentNotes()) {
                    segment("AK3", note.segmentId(), Integer.toString(note.position()), note.loopId().orElse(""),
                            note.errorCode().orElse(""));
                    for (FunctionalAck997.ElementNote element : note.elementNotes()) {
                        List<String> position = new ArrayList<>();
                        position.add(Integer.toString(element.position()));
                        element.componentPosition().ifPresent(c -> position.add(Integer.toString(c)));
                        segment("AK4", position, element.elementReference().orElse(""), element.errorCode(),
                                element.badValue().orElse(""));
                    }
                }
                List<Object> ak5 = new ArrayList<>();
                ak5.add(set.acknowledgment().code());
                ak5.addAll(set.errorCodes());
                segment("AK5", ak5.toArray());
            }
            List<Object> ak9 = new ArrayList<>();
            ak9.add(ack.groupAcknowledgment().code());
            ak9.add(Integer.toString(ack.setsIncluded()));
            ak9.add(Integer.toString(ack.setsReceived()));
            ak9.add(Integer.toString(ack.setsAccepted()));
            ak9.addAll(ack.groupErrorCodes());
            segment("AK9", ak9.toArray());
        }

        /**
         * Writes one segment. Each element is a {@code String} (empty: not used) or a {@code List} of
         * component strings (a composite); trailing unused elements are left out, as X12 requires.
         */
        private void segment(String tag, Object... elements) throws EDIStreamException {
            int last = elements.length;
            while (last > 0 && "".equals(elements[last - 1])) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                for (String value : values(elements[i])) {
                    Optional<String> why = X12Text.unwritable(value);
                    if (why.isPresent() && !("ISA".equals(tag) && i + 1 == 16)) {
                        throw new IllegalArgumentException("cannot write " + context + ": element "
                                + X12Text.elementName(tag, i + 1) + ": " + why.get());
                    }
                }
            }
            writer.writeStartSegment(tag);
            for (int i = 0; i < last; i++) {
                element(elements[i]);
            }
            writer.writeEndSegment();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("cannot write " + context + ": " + problems.get(0));
            }
            segmentsInSet++;
        }

        private static List<String> values(Object element) {
            if (element instanceof List) {
                List<String> components = new ArrayList<>();
                for (Object c : (List<?>) element) {
                    components.add((String) c);
                }
                return components;
            }
            return List.of((String) element);
        }

        private void element(Object element) throws EDIStreamException {
            if (element instanceof List) {
                writer.writeStartElement();
                for (String component : values(element)) {
                    writer.writeComponent(component);
                }
                writer.endElement();
            } else if (((String) element).isEmpty()) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement((String) element);
            }
        }
    }
}
