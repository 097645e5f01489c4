package org.opencce.formats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.report.BatchReport;

/**
 * The rejections of a batch as CSV, for a list too long to print: a header {@code line,reason}, then
 * one record per rejected record in line order, UTF-8 without a byte-order mark, CR LF line ends,
 * RFC 4180 quoting (a reason with a comma or a quote is quoted). A spreadsheet opens it as is; see
 * {@code docs/formats/customer-list.md}. Stateless and thread-safe; a {@link Sink} is not.
 */
public final class RejectionsCsv {
    private static final String[] HEADER = {"line", "reason"};

    private RejectionsCsv() {
    }

    /** Starts writing {@code file}, replacing it. */
    public static Sink create(Path file) {
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVPrinter printer = CSVFormat.RFC4180.print(out);
            printer.printRecord((Object[]) HEADER);
            return new Sink(file, printer);
        } catch (IOException e) {
            throw new OpenCceException("cannot write the rejections to " + file + ": " + e.getMessage()
                    + "; check that its folder exists and is writable, or choose another file", e);
        }
    }

    /** Reads {@code file} one rejection at a time, in file order, in constant memory. */
    public static void forEach(Path file, Consumer<BatchReport.Rejection> action) {
        String source = file.getFileName().toString();
        try (CsvInput.Records records = CsvInput.records(CsvInput.open(file), source)) {
            if (!records.hasNext()) {
                throw new FormatException(source, "the rejections file is empty; it should start with line,reason");
            }
            CsvInput.Line header = records.next();
            if (!"line".equals(header.field(0)) || !"reason".equals(header.field(1))) {
                throw new FormatException(source, header.number(), "a rejections file starts with line,reason");
            }
            while (records.hasNext()) {
                CsvInput.Line line = records.next();
                if (line.size() < 2) {
                    throw new FormatException(source, line.number(), "a rejection needs a line and a reason");
                }
                long number;
                try {
                    number = Long.parseLong(line.field(0));
                } catch (NumberFormatException e) {
                    throw new FormatException(source, line.number(), "line '" + line.field(0) + "' is not a number");
                }
                action.accept(new BatchReport.Rejection(number, line.record().get(1)));
            }
        }
    }

    /** A rejections file being written. Not thread-safe. */
    public static final class Sink implements AutoCloseable {
        private final Path file;
        private final CSVPrinter printer;

        private Sink(Path file, CSVPrinter printer) {
            this.file = file;
            this.printer = printer;
        }

        public void write(BatchReport.Rejection rejection) {
            try {
                printer.printRecord(rejection.line(), rejection.reason());
            } catch (IOException e) {
                throw new OpenCceException("cannot write the rejections to " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new OpenCceException("cannot finish the rejections file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
