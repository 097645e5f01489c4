package org.opencce.store;

import java.time.Instant;
import java.util.Optional;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.report.BatchReport;

/**
 * Which files have been imported, by SHA-256 of their bytes, so that importing the same file again
 * changes nothing. Thread-safe.
 */
public interface ImportLog {

    Optional<Entry> find(ProgramId program, String kind, String sha256);

    void record(ProgramId program, String kind, String sha256, BatchReport report, String actor);

    record Entry(String kind, String sha256, String source, Instant importedAt, String actor, int read, int accepted,
            int rejected) {
    }
}
