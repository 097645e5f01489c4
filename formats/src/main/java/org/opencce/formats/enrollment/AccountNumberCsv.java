package org.opencce.formats.enrollment;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/**
 * Reads the CSV files staff apply to accounts in bulk, a file of returned notices or of opt-outs
 * ({@code docs/formats/enrollment-csv.md}): a header with an {@code account_number} column and an
 * optional {@code utility} column, in any order, other columns ignored; one account per row. Text is
 * read as {@link CsvInput} reads it: strict UTF-8, a byte-order mark skipped, RFC 4180 quoting, blank
 * lines skipped. A row whose number or utility cannot be read is rejected with its line and reason and
 * reading goes on; a file without the column, or that is not UTF-8 CSV, fails whole with a
 * {@link FormatException}. Stateless and thread-safe.
 */
public final class AccountNumberCsv {
    /** The column every file has. */
    public static final String ACCOUNT_NUMBER = "account_number";
    /** The column a file has when account numbers of two utilities could be the same. */
    public static final String UTILITY = "utility";

    private AccountNumberCsv() {
    }

    /** One account the file names, with the line its row starts on (the header is line 1). */
    public record Row(long line, UtilityAccountNumber accountNumber, Optional<Utility> utility) {
        public Row {
            Objects.requireNonNull(accountNumber, "accountNumber");
            Objects.requireNonNull(utility, "utility");
            if (line < 2) {
                throw new IllegalArgumentException("line of a row must be 2 or more (line 1 is the header), was " + line);
            }
        }
    }

    /** The rows read and the rows rejected, each rejection with its line and reason, both in line order. */
    public record Contents(List<Row> rows, List<BatchReport.Rejection> rejections) {
        public Contents {
            rows = List.copyOf(rows);
            rejections = List.copyOf(rejections);
        }

        /** How many rows the file has: read = rows + rejections. */
        public int read() {
            return rows.size() + rejections.size();
        }
    }

    /**
     * Reads the whole file; closes {@code reader}. {@code source} names the file in messages.
     *
     * @throws FormatException if the file is not UTF-8 CSV, is empty, or has no {@code account_number} column
     */
    public static Contents read(Reader reader, String source) {
        List<Row> rows = new ArrayList<>();
        List<BatchReport.Rejection> rejections = new ArrayList<>();
        try (CsvInput.Records records = CsvInput.records(reader, source)) {
            if (!records.hasNext()) {
                throw new FormatException(source, "is empty; it needs a header with an " + ACCOUNT_NUMBER + " column");
            }
            CsvInput.Line header = records.next();
            int number = column(header, ACCOUNT_NUMBER);
            int utility = column(header, UTILITY);
            if (number < 0) {
                throw new FormatException(source, header.number(), "has no " + ACCOUNT_NUMBER + " column (the header"
                        + " is " + String.join(",", header.record().toList()) + ")");
            }
            while (records.hasNext()) {
                CsvInput.Line line = records.next();
                Optional<String> problem = problem(line, number, utility);
                if (problem.isPresent()) {
                    rejections.add(new BatchReport.Rejection(line.number(), problem.get()));
                } else {
                    rows.add(new Row(line.number(), new UtilityAccountNumber(line.field(number)),
                            utility < 0 || line.field(utility).isEmpty() ? Optional.empty()
                                    : Utility.parse(line.field(utility))));
                }
            }
        }
        return new Contents(rows, rejections);
    }

    private static Optional<String> problem(CsvInput.Line line, int number, int utility) {
        String value = line.field(number);
        if (value.isEmpty()) {
            return Optional.of("the account number is missing");
        }
        if (!value.matches("[0-9A-Za-z-]{4,30}")) {
            return Optional.of("account number '" + value + "' is not 4 to 30 letters, digits or dashes");
        }
        if (utility >= 0 && !line.field(utility).isEmpty() && Utility.parse(line.field(utility)).isEmpty()) {
            return Optional.of("utility '" + line.field(utility) + "' is neither Eversource nor National Grid");
        }
        return Optional.empty();
    }

    /** The index of the header's column {@code name}, ignoring case and spaces around it; -1 if absent. */
    private static int column(CsvInput.Line header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.field(i).toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
