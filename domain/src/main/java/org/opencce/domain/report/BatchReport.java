package org.opencce.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * What a batch (an import, a file of EDI transactions) did with each record it read. Every record read
 * is either accepted or rejected, so {@code read = accepted + rejected} always holds; every rejection
 * says its line and why. {@code rejections} lists them in line order: all of them, or for a large batch
 * only the first ones (the batch then says where the full list is, such as a rejections file), so a
 * report of millions of rejections stays small; {@link #listsEveryRejection()} tells which.
 * {@code alreadyImported} is true when the same file (by hash) had been imported before and nothing was
 * changed. Immutable and thread-safe.
 */
public record BatchReport(String source, int read, int accepted, int rejected, List<Rejection> rejections,
        boolean alreadyImported) {

    public BatchReport {
        Objects.requireNonNull(source, "source");
        rejections = List.copyOf(rejections);
        if (accepted < 0 || rejected < 0) {
            throw new IllegalArgumentException("batch report of " + source + " has negative counts: accepted "
                    + accepted + ", rejected " + rejected);
        }
        if (read != accepted + rejected) {
            throw new IllegalArgumentException("batch report of " + source + " does not add up: read " + read
                    + " ≠ accepted " + accepted + " + rejected " + rejected);
        }
        if (rejections.size() > rejected) {
            throw new IllegalArgumentException("batch report of " + source + " lists " + rejections.size()
                    + " rejections but counts " + rejected);
        }
    }

    /** A report that lists every rejection. */
    public BatchReport(String source, int read, int accepted, List<Rejection> rejections, boolean alreadyImported) {
        this(source, read, accepted, rejections.size(), rejections, alreadyImported);
    }

    /** Whether {@link #rejections()} holds every rejection, not only the first ones. */
    public boolean listsEveryRejection() {
        return rejections.size() == rejected;
    }

    /** One record the batch refused: the line (1-based, counting the header) and the reason. */
    public record Rejection(long line, String reason) {
        public Rejection {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
