package org.opencce.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * What a batch (an import, a file of EDI transactions) did with each record it read. Every record read
 * is either accepted or rejected, so {@code read = accepted + rejected} always holds; every rejection
 * says its line and why. {@code alreadyImported} is true when the same file (by hash) had been
 * imported before and nothing was changed.
 */
public record BatchReport(String source, int read, int accepted, List<Rejection> rejections, boolean alreadyImported) {

    public BatchReport {
        Objects.requireNonNull(source, "source");
        rejections = List.copyOf(rejections);
        if (read != accepted + rejections.size()) {
            throw new IllegalArgumentException("batch report of " + source + " does not add up: read " + read
                    + " ≠ accepted " + accepted + " + rejected " + rejections.size());
        }
    }

    public int rejected() {
        return rejections.size();
    }

    /** One record the batch refused: the line (1-based, counting the header) and the reason. */
    public record Rejection(long line, String reason) {
        public Rejection {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
