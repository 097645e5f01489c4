package org.opencce.store;

import java.time.Instant;
import java.util.List;
import org.opencce.domain.community.ProgramId;

/** Append-only history of staff actions: who did what, when. Thread-safe. */
public interface AuditLog {

    void append(ProgramId program, String actor, String action, String detail);

    List<Entry> recent(ProgramId program, int limit);

    record Entry(Instant at, String actor, String action, String detail) {
    }
}
