package org.opencce.formats.customerlist;

import java.util.List;
import java.util.Objects;
import org.opencce.domain.report.BatchReport;

/**
 * What reading a customer list produced: every data record {@code read} (blank lines are not records)
 * is either an accepted {@link CustomerListRow} or a {@link BatchReport.Rejection} with its line and a
 * reason the program administrator can act on, so {@code read = accepted + rejected}. Header columns
 * the reader does not use are listed in {@code ignoredColumns}. Immutable and thread-safe.
 */
public record CustomerList(String source, int read, List<CustomerListRow> rows,
        List<BatchReport.Rejection> rejections, List<String> ignoredColumns) {

    public CustomerList {
        Objects.requireNonNull(source, "source");
        rows = List.copyOf(rows);
        rejections = List.copyOf(rejections);
        ignoredColumns = List.copyOf(ignoredColumns);
        if (read != rows.size() + rejections.size()) {
            throw new IllegalArgumentException("customer list " + source + " does not add up: read " + read
                    + " ≠ accepted " + rows.size() + " + rejected " + rejections.size());
        }
    }

    public int accepted() {
        return rows.size();
    }

    public int rejected() {
        return rejections.size();
    }

    /** The counts and rejections as the batch report the CLI prints and the console shows. */
    public BatchReport report() {
        return new BatchReport(source, read, rows.size(), rejections, false);
    }
}
