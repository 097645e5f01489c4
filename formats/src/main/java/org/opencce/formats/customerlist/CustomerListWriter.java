package org.opencce.formats.customerlist;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.SupplyStatus;

/**
 * Writes customer list rows as CSV with the canonical columns in {@link CustomerListColumn} order:
 * UTF-8 without a byte-order mark, CR LF line ends and RFC 4180 quoting only where a value needs it.
 * Utilities are written by their enum name ({@code EVERSOURCE_WMA}), rate classes by tariff code
 * ({@code R-2}), supply status as {@code Basic Service} or {@code Competitive}, flags as {@code Y}/{@code N};
 * the four mailing columns are always written, blank for a row without a mailing address.
 * What it writes, {@link CustomerListReader} reads back to the same rows. Stateless and thread-safe.
 */
public final class CustomerListWriter {

    private CustomerListWriter() {
    }

    /** Writes {@code rows} to {@code out}; the caller closes {@code out}. */
    public static void write(List<CustomerListRow> rows, Appendable out) {
        try {
            CSVPrinter printer = CSVFormat.RFC4180.print(out);
            List<String> header = new ArrayList<>();
            for (CustomerListColumn c : CustomerListColumn.values()) {
                header.add(c.canonical());
            }
            printer.printRecord(header);
            for (CustomerListRow row : rows) {
                printer.printRecord(
                        row.accountNumber().value(),
                        row.utility().name(),
                        row.town(),
                        row.rateClass().code(),
                        row.customerName(),
                        row.serviceAddress().street(),
                        row.serviceAddress().city(),
                        row.serviceAddress().zip(),
                        row.supplyStatus() == SupplyStatus.BASIC_SERVICE ? "Basic Service" : "Competitive",
                        row.lowIncome() ? "Y" : "N",
                        row.netMetered() ? "Y" : "N",
                        row.loadZone().name(),
                        row.mailingAddress().map(MailingAddress::street).orElse(""),
                        row.mailingAddress().map(MailingAddress::city).orElse(""),
                        row.mailingAddress().map(MailingAddress::state).orElse(""),
                        row.mailingAddress().map(MailingAddress::zip).orElse(""));
            }
            printer.flush();
        } catch (IOException e) {
            throw new OpenCceException("cannot write the customer list: " + e.getMessage(), e);
        }
    }

    /** Writes {@code rows} to {@code file}, replacing it. */
    public static void write(List<CustomerListRow> rows, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(rows, out);
        } catch (IOException e) {
            throw new OpenCceException("cannot write the customer list to " + file + ": " + e.getMessage()
                    + "; check that its folder exists and is writable", e);
        }
    }
}
