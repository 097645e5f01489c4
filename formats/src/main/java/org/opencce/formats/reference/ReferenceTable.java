package org.opencce.formats.reference;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/**
 * A vendored CSV file with a header row, read strictly: a missing column or a value of the wrong kind
 * is a bug in the vendored data and fails with a {@link FormatException} naming the file and line.
 */
final class ReferenceTable {
    private final String source;
    private final List<Row> rows;

    private ReferenceTable(String source, List<Row> rows) {
        this.source = source;
        this.rows = rows;
    }

    /** Reads {@code reader} (closing it), requiring the header to have {@code columns}. */
    static ReferenceTable read(Reader reader, String source, String... columns) {
        List<CsvInput.Line> lines = CsvInput.readAll(reader, source);
        if (lines.isEmpty()) {
            throw new FormatException(source, "the file is empty; expected a header with " + List.of(columns));
        }
        CsvInput.Line header = lines.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.field(i), i);
        }
        for (String column : columns) {
            if (!index.containsKey(column)) {
                throw new FormatException(source, header.number(), "column '" + column + "' is missing; the header is "
                        + header.record().toList());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            if (line.size() != header.size()) {
                throw new FormatException(source, line.number(), "has " + line.size() + " fields, the header has "
                        + header.size());
            }
            rows.add(new Row(source, line, index));
        }
        return new ReferenceTable(source, List.copyOf(rows));
    }

    String source() {
        return source;
    }

    List<Row> rows() {
        return rows;
    }

    /** One data row; each accessor fails with the file, line, column and value when the value is wrong. */
    static final class Row {
        private final String source;
        private final CsvInput.Line line;
        private final Map<String, Integer> index;

        private Row(String source, CsvInput.Line line, Map<String, Integer> index) {
            this.source = source;
            this.line = line;
            this.index = index;
        }

        long line() {
            return line.number();
        }

        /** The trimmed text of {@code column}, possibly empty. */
        String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("column '" + column + "' was not declared as required");
            }
            return line.field(i);
        }

        String required(String column) {
            String t = text(column);
            if (t.isEmpty()) {
                throw problem(column + " is empty");
            }
            return t;
        }

        BigDecimal decimal(String column) {
            String t = required(column);
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw problem(column + " '" + t + "' is not a decimal number");
            }
        }

        int integer(String column) {
            String t = required(column);
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw problem(column + " '" + t + "' is not a whole number");
            }
        }

        LocalDate date(String column) {
            String t = required(column);
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw problem(column + " '" + t + "' is not a date yyyy-mm-dd");
            }
        }

        YearMonth month(String column) {
            String t = required(column);
            try {
                return YearMonth.parse(t);
            } catch (DateTimeParseException e) {
                throw problem(column + " '" + t + "' is not a month yyyy-mm");
            }
        }

        boolean bool(String column) {
            String t = required(column);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
            throw problem(column + " '" + t + "' must be true or false");
        }

        FormatException problem(String what) {
            return new FormatException(source, line.number(), what);
        }
    }
}
