package org.opencce.formats.notice;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencce.domain.OpenCceException;

/**
 * Writes the mailing manifest of a notice campaign, {@code manifest.csv}: one row per letter, in the
 * order the letters are in their PDF files, for the mail house and for the record of who was sent what
 * (issue 6, "Notice campaign": account number, utility, name and the four mailing fields). Columns:
 * {@code account_number,utility,name,mailing_street,mailing_city,mailing_state,mailing_zip,letter_file,page}.
 * The mailing fields are the address the letter went to: the customer's mailing address, or the service
 * address in MA when the list gave none; {@code page} is the page of {@code letter_file} the letter
 * starts on.
 *
 * <p>UTF-8 with a byte-order mark, CR LF line ends, RFC 4180 quoting where a value needs it. The mark is
 * there for Excel, which mail houses open manifests with: without it, Excel on Windows reads UTF-8 as
 * Windows-1252 and turns "José" into "JosÃ©". Readers that follow RFC 4180 strictly see it as part of the
 * first header; OpenCCE's own CSV reader skips it. Values are written exactly as stored, so a street on
 * two lines stays one quoted value with a line break. Rows are written as they come (streaming). Not
 * thread-safe.
 */
public final class MailingManifestCsvWriter implements AutoCloseable {
    /** The manifest's columns, in order. */
    public static final List<String> HEADER = List.of("account_number", "utility", "name", "mailing_street",
            "mailing_city", "mailing_state", "mailing_zip", "letter_file", "page");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;
    private final String target;
    private final Writer owned;
    private int rows;

    private MailingManifestCsvWriter(Appendable out, String target, Writer owned) {
        this.target = target;
        this.owned = owned;
        try {
            out.append(BYTE_ORDER_MARK);
            this.printer = CSVFormat.RFC4180.print(out);
            printer.printRecord(HEADER);
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Writes a manifest to {@code out}, which the caller closes after {@link #close()}. */
    public static MailingManifestCsvWriter to(Appendable out) {
        return new MailingManifestCsvWriter(Objects.requireNonNull(out, "out"), "the mailing manifest", null);
    }

    /** Writes a manifest to {@code file}, replacing it; {@link #close()} closes the file. */
    public static MailingManifestCsvWriter create(Path file) {
        Writer out;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OpenCceException("cannot write the mailing manifest " + file + ": " + e.getMessage()
                    + "; check that its folder exists and is writable", e);
        }
        return new MailingManifestCsvWriter(out, file.toString(), out);
    }

    /**
     * Adds the row of {@code letter}.
     *
     * @param letterFile the name of the PDF file the letter is in, as the mail house receives it
     * @param page the 1-based page of that file the letter starts on
     */
    public void write(NoticeLetter letter, String letterFile, int page) {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(letterFile, "letterFile");
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        try {
            printer.printRecord(letter.accountNumber().value(), letter.utility().name(), letter.recipientName(),
                    letter.mailingAddress().street(), letter.mailingAddress().city(), letter.mailingAddress().state(),
                    letter.mailingAddress().zip(), letterFile, page);
            rows++;
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * Adds the row of {@code letter} laid out in no PDF file (a benchmark's mailing, see
     * {@link NoticeMailing}): {@code letter_file} and {@code page} are empty.
     */
    public void writeUnprinted(NoticeLetter letter) {
        Objects.requireNonNull(letter, "letter");
        try {
            printer.printRecord(letter.accountNumber().value(), letter.utility().name(), letter.recipientName(),
                    letter.mailingAddress().street(), letter.mailingAddress().city(), letter.mailingAddress().state(),
                    letter.mailingAddress().zip(), "", "");
            rows++;
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** How many rows (letters) have been written. */
    public int rows() {
        return rows;
    }

    /** Flushes the manifest, and closes its file if it opened one. */
    @Override
    public void close() {
        try {
            printer.flush();
            if (owned != null) {
                owned.close();
            }
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    private static OpenCceException failure(String target, IOException e) {
        return new OpenCceException("cannot write " + target + ": " + e.getMessage(), e);
    }
}
