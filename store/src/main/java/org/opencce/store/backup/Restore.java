package org.opencce.store.backup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencce.store.Database;
import org.opencce.store.StoreException;
import org.opencce.store.parquet.IntervalFiles;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a checked {@link BackupFolder} into an empty installation: the records database must be at
 * the backup's schema version (open it with {@link Database#open(org.opencce.store.DatabaseSettings,
 * String)}) and hold no rows, and the interval folder must hold no month files; anything else is
 * refused, so a restore never mixes two installations or overwrites records.
 *
 * <p>All or nothing: the interval files are first copied (and checked) into a folder beside the
 * interval folder; the tables are then loaded with {@code COPY ... FROM STDIN} in one transaction,
 * referenced tables first, each row count and checksum compared with the manifest, and the
 * sequences set to their backed-up values; the month folders are renamed into place, and only then
 * is the transaction committed. If anything fails the transaction is rolled back and the month
 * folders are taken out again. (The one thing PostgreSQL never rolls back is {@code setval}: after a
 * failed restore a sequence may stand higher, so later ids start higher; nothing else changes.)
 * Stateless and thread-safe.
 */
public final class Restore {
    private Restore() {
    }

    /**
     * Restores {@code backup} into {@code database} and {@code intervals}.
     *
     * @throws StoreException if the installation is not empty or not at the backup's schema version,
     *     a file does not match the manifest, or loading fails; nothing has been changed then
     */
    public static BackupReport run(BackupFolder backup, Database database, IntervalFiles intervals,
            Progress progress) {
        long start = System.nanoTime();
        BackupManifest manifest = backup.manifest();
        Path staging = intervals.directory().resolveSibling(".restore-" + UUID.randomUUID());
        try {
            return intervals.whileNoCommits(() -> {
                List<String> present = intervals.monthFiles();
                if (!present.isEmpty()) {
                    throw new StoreException("The interval data folder " + intervals.directory() + " already holds "
                            + present.size() + " month files (" + present.get(0) + " …). A backup is restored only"
                            + " into an empty installation: give a new --data-dir, or move this one aside.");
                }
                // Checked again inside the loading transaction; here so that a refusal comes before any copying.
                try (Connection c = database.dataSource().getConnection()) {
                    requireEmpty(c, RecordsSchema.read(c), database);
                } catch (SQLException e) {
                    throw new StoreException("Could not read " + database.description() + ": " + e.getMessage(), e);
                }
                int steps = manifest.intervalFiles().size() + manifest.tables().size();
                int done = 0;
                long intervalBytes = 0;
                List<String> months = new ArrayList<>();
                for (String month : manifest.intervalFiles()) {
                    String file = BackupManifest.intervalFile(month);
                    Path copy = staging.resolve(month);
                    Files.createDirectories(copy.getParent());
                    String sha = Sha256.copy(backup.file(file), copy);
                    if (!sha.equals(backup.sha256(file))) {
                        throw BackupFolder.damaged(backup.directory(), file, sha, backup.sha256(file));
                    }
                    intervalBytes += Files.size(copy);
                    months.add(copy.getParent().getFileName().toString());
                    progress.step(file, ++done, steps);
                }
                List<BackupReport.TableCopy> tables = loadRecords(backup, database, intervals, staging, months,
                        progress, done, steps);
                long bytes = intervalBytes + tables.stream().mapToLong(BackupReport.TableCopy::bytes).sum();
                return new BackupReport(backup.directory(), manifest.schemaVersion(), tables, months.size(),
                        intervalBytes, tables.size() + months.size(), bytes, Duration.ofNanos(System.nanoTime() - start));
            });
        } catch (IOException e) {
            throw new StoreException("Could not restore " + backup.directory() + ": " + e.getMessage()
                    + ". Check that the backup is readable and the data directory writable and not full;"
                    + " nothing was restored.", e);
        } finally {
            Backup.deleteQuietly(staging);
        }
    }

    private static List<BackupReport.TableCopy> loadRecords(BackupFolder backup, Database database,
            IntervalFiles intervals, Path staging, List<String> months, Progress progress, int done, int steps)
            throws IOException {
        BackupManifest manifest = backup.manifest();
        List<BackupReport.TableCopy> copies = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL TimeZone = 'UTC'");
                }
                RecordsSchema live = RecordsSchema.read(c);
                requireEmpty(c, live, database);
                String version = RecordsSchema.schemaVersion(c);
                if (!version.equals(manifest.schemaVersion())) {
                    throw new StoreException("The backup " + backup.directory() + " has records at schema version "
                            + manifest.schemaVersion() + ", but " + database.description() + " is at version " + version
                            + ". Restore into a new, empty installation, which is migrated to the backup's version.");
                }
                for (String table : manifest.tables()) {
                    if (!live.columns().containsKey(table)) {
                        throw new StoreException("The backup has a table " + table + " that schema version " + version
                                + " of " + database.description() + " lacks; it was not made by this OpenCCE's"
                                + " migrations.");
                    }
                    for (String column : manifest.columns().get(table)) {
                        if (!live.columns().get(table).contains(column)) {
                            throw new StoreException("The backup's table " + table + " has a column " + column
                                    + " that the database's table lacks (schema version " + version + ").");
                        }
                    }
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : live.tables()) {
                    if (!manifest.tables().contains(table)) {
                        continue;
                    }
                    copies.add(load(copy, backup, table));
                    progress.step(BackupManifest.tableFile(table), ++done, steps);
                }
                setSequences(c, manifest.sequences(), live);
                List<Path> installed = intervals.install(staging, months);
                try {
                    c.commit();
                } catch (SQLException e) {
                    intervals.remove(installed);
                    throw e;
                }
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not load the records of " + backup.directory() + " into "
                    + database.description() + ": " + e.getMessage() + ". Nothing was restored.", e);
        }
        return copies;
    }

    private static void requireEmpty(Connection c, RecordsSchema live, Database database) throws SQLException {
        List<String> filled = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String table : live.tables()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + RecordsSchema.quote(table))) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        filled.add(table + " (" + rs.getLong(1) + " rows)");
                    }
                }
            }
        }
        if (!filled.isEmpty()) {
            throw new StoreException(database.description() + " is not empty: " + String.join(", ", filled) + ". A"
                    + " backup is restored only into an empty installation, so that nothing is mixed or lost: give a"
                    + " new --data-dir (or move this one aside), or for an external server an empty database.");
        }
    }

    /** Loads one table's CSV file; checks its header, its row count and its checksum. */
    private static BackupReport.TableCopy load(CopyManager copy, BackupFolder backup, String table)
            throws SQLException, IOException {
        BackupManifest manifest = backup.manifest();
        String file = BackupManifest.tableFile(table);
        List<String> columns = manifest.columns().get(table);
        MessageDigest digest = Sha256.digest();
        long rows;
        try (InputStream in = new BufferedInputStream(new DigestInputStream(Files.newInputStream(backup.file(file)),
                digest), 1 << 16)) {
            String header = firstLine(in);
            if (!header.equals(String.join(",", columns))) {
                throw new StoreException("The backup file " + backup.file(file) + " starts with the columns '" + header
                        + "', but the manifest lists '" + String.join(",", columns) + "'.");
            }
            rows = copy.copyIn("COPY " + RecordsSchema.quote(table) + " (" + RecordsSchema.columnList(columns)
                    + ") FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')", in);
        }
        String sha = Sha256.hex(digest);
        if (!sha.equals(backup.sha256(file))) {
            throw BackupFolder.damaged(backup.directory(), file, sha, backup.sha256(file));
        }
        if (rows != manifest.rows().get(table)) {
            throw new StoreException("The backup file " + backup.file(file) + " loaded " + rows + " rows, but the"
                    + " manifest records " + manifest.rows().get(table) + ".");
        }
        return new BackupReport.TableCopy(table, rows, Files.size(backup.file(file)));
    }

    /** Reads the header line without consuming it (COPY skips it itself). */
    private static String firstLine(InputStream in) throws IOException {
        in.mark(1 << 15);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n' && line.size() < (1 << 14); b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        in.reset();
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void setSequences(Connection c, Map<String, Optional<Long>> sequences, RecordsSchema live)
            throws SQLException {
        try (PreparedStatement set = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            for (Map.Entry<String, Optional<Long>> e : sequences.entrySet()) {
                if (e.getValue().isPresent() && live.sequences().containsKey(e.getKey())) {
                    set.setString(1, RecordsSchema.quote(e.getKey()));
                    set.setLong(2, e.getValue().get());
                    set.executeQuery().close();
                }
            }
        }
    }
}
