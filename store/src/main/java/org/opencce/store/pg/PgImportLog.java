package org.opencce.store.pg;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.report.BatchReport;
import org.opencce.store.ImportLog;

/**
 * The {@code import_log} table: one row per (program, kind, SHA-256) with the counts of the batch
 * report. Hashes are 64 hexadecimal digits, compared without regard to case. Recording a file that is
 * already recorded keeps the first entry. Thread-safe: every call takes its own handle from the pool.
 */
public final class PgImportLog implements ImportLog {
    private final Jdbi jdbi;

    public PgImportLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Entry> find(ProgramId program, String kind, String sha256) {
        String hash = normalized(sha256);
        return Sql.withHandle(jdbi, "read the import log of " + program, h -> h.createQuery(
                "SELECT kind, sha256, source, imported_at, actor, read_count, accepted_count, rejected_count"
                        + " FROM import_log WHERE program_id = :program AND kind = :kind AND sha256 = :sha256")
                .bind("program", program.value())
                .bind("kind", kind)
                .bind("sha256", hash)
                .map((rs, ctx) -> new Entry(rs.getString("kind"), rs.getString("sha256"), rs.getString("source"),
                        rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getInt("read_count"), rs.getInt("accepted_count"), rs.getInt("rejected_count")))
                .findOne());
    }

    @Override
    public void record(ProgramId program, String kind, String sha256, BatchReport report, String actor) {
        Sql.withHandle(jdbi, "record the import of " + report.source() + " in " + program,
                h -> record(h, program, kind, sha256, report, actor));
    }

    /** Records the import on {@code h}, in its transaction if it has one; false if already recorded. */
    static boolean record(Handle h, ProgramId program, String kind, String sha256, BatchReport report, String actor) {
        String hash = normalized(sha256);
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("import kind must not be blank");
        }
        Objects.requireNonNull(actor, "actor");
        return h.createUpdate(
                "INSERT INTO import_log (program_id, kind, sha256, source, read_count, accepted_count,"
                        + " rejected_count, actor) VALUES (:program, :kind, :sha256, :source, :read, :accepted,"
                        + " :rejected, :actor) ON CONFLICT (program_id, kind, sha256) DO NOTHING")
                .bind("program", program.value())
                .bind("kind", kind)
                .bind("sha256", hash)
                .bind("source", report.source())
                .bind("read", report.read())
                .bind("accepted", report.accepted())
                .bind("rejected", report.rejected())
                .bind("actor", actor)
                .execute() == 1;
    }

    private static String normalized(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("SHA-256 must be 64 hexadecimal digits, was '" + sha256 + "'");
        }
        return sha256.toLowerCase(Locale.ROOT);
    }
}
