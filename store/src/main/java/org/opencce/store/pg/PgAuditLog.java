package org.opencce.store.pg;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.AuditLog;

/**
 * The {@code audit_log} table, which a trigger keeps append-only: UPDATE, DELETE and TRUNCATE fail.
 * Each entry is stamped with the database clock when appended. Thread-safe: every call takes its own
 * handle from the pool.
 */
public final class PgAuditLog implements AuditLog {
    private final Jdbi jdbi;

    public PgAuditLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Appends an entry; a null {@code detail} is stored as empty. */
    @Override
    public void append(ProgramId program, String actor, String action, String detail) {
        Sql.withHandle(jdbi, "append to the audit log of " + program, h -> {
            append(h, program, actor, action, detail);
            return null;
        });
    }

    /** Appends an entry on {@code h}, in its transaction if it has one. */
    static void append(Handle h, ProgramId program, String actor, String action, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        h.createUpdate(
                "INSERT INTO audit_log (program_id, actor, action, detail) VALUES (:program, :actor, :action, :detail)")
                .bind("program", program.value())
                .bind("actor", actor)
                .bind("action", action)
                .bind("detail", detail == null ? "" : detail)
                .execute();
    }

    /** The latest {@code limit} entries of the program, newest first. */
    @Override
    public List<Entry> recent(ProgramId program, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return Sql.withHandle(jdbi, "read the audit log of " + program, h -> h.createQuery(
                "SELECT at, actor, action, detail FROM audit_log WHERE program_id = :program"
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("program", program.value())
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail")))
                .list());
    }
}
