package org.opencce.formats.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencce.domain.OpenCceException;

/**
 * The StAEDI schemas OpenCCE validates X12 with: StAEDI's own control schema for the 004010 envelope
 * (ISA/IEA, GS/GE, ST/SE, with the SE, GE and IEA counts and control numbers) and the transaction
 * schemas written for OpenCCE ({@code 814.xml}, {@code 997.xml} in this package's resources). Loaded once;
 * StAEDI schemas are read-only after loading, so they are shared by every reader and writer.
 */
final class X12Schemas {
    /**
     * StAEDI logs every type its own control schema declares but does not use (ISX, I65) at INFO, on
     * every load; the schema is StAEDI's, so the notes say nothing the operator can act on. Kept in a
     * field because java.util.logging holds loggers weakly and would forget the level.
     */
    private static final Logger STAEDI_SCHEMA_LOG = Logger.getLogger("io.xlate.edi.internal.schema");

    static {
        STAEDI_SCHEMA_LOG.setLevel(Level.WARNING);
    }

    private static final Schema CONTROL = control();
    private static final Schema TRANSACTION_814 = transaction("814.xml");
    private static final Schema TRANSACTION_997 = transaction("997.xml");

    private X12Schemas() {
    }

    /** The envelope schema of X12 version 00401 (ISA12). */
    static Schema controlSchema() {
        return CONTROL;
    }

    /** The transaction schema of ST01 {@code code}, if OpenCCE reads that transaction set. */
    static Optional<Schema> forTransactionSet(String code) {
        if ("814".equals(code)) {
            return Optional.of(TRANSACTION_814);
        }
        if ("997".equals(code)) {
            return Optional.of(TRANSACTION_997);
        }
        return Optional.empty();
    }

    private static Schema control() {
        try {
            return SchemaFactory.newFactory().getControlSchema("X12", new String[] {"00401"});
        } catch (EDISchemaException e) {
            throw new OpenCceException("StAEDI has no X12 00401 control schema: " + e.getMessage(), e);
        }
    }

    private static Schema transaction(String resource) {
        byte[] xml;
        try (InputStream in = X12Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new OpenCceException("the X12 schema " + resource + " is missing from the build");
            }
            xml = in.readAllBytes();
        } catch (IOException e) {
            throw new OpenCceException("cannot read the X12 schema " + resource + ": " + e.getMessage(), e);
        }
        refuseDocumentTypeDeclarations(resource, xml);
        try {
            return SchemaFactory.newFactory().createSchema(new ByteArrayInputStream(xml));
        } catch (EDISchemaException e) {
            throw new OpenCceException("the X12 schema " + resource + " is not a valid StAEDI schema: " + e.getMessage(),
                    e);
        }
    }

    /**
     * StAEDI parses schemas with a default StAX factory that it does not let callers configure. Before
     * handing a schema over, read it once with DTDs and external entities switched off and refuse any
     * DOCTYPE: our schemas never have one, and a schema with one could make StAEDI fetch or expand
     * entities (OWASP XML External Entity Prevention Cheat Sheet, StAX section).
     */
    static void refuseDocumentTypeDeclarations(String resource, byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.DTD) {
                        throw new OpenCceException("the X12 schema " + resource
                                + " has a document type declaration; schemas must not have one");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new OpenCceException("the X12 schema " + resource + " is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
