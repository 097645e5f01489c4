package org.opencce.store.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.opencce.store.Database;
import org.opencce.store.StoreException;
import org.opencce.store.parquet.IntervalFiles;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup of an installation into a new folder: every table of the records schema as CSV
 * ({@code COPY ... TO STDOUT}) from one {@code REPEATABLE READ, READ ONLY} transaction, so that the
 * tables agree with each other; the sequences' last values, so that restored ids continue; the
 * interval month files, copied byte for byte; a manifest and the SHA-256 of every file. The layout is
 * described in docs/formats/backup.md. Needs no {@code pg_dump}: the records go through the JDBC
 * connection, so it works for the embedded server and an external one of any supported version.
 *
 * <p>Interval commits are held off for the whole backup (see {@link IntervalFiles#whileNoCommits}),
 * and the records snapshot is taken after that: every account id in the copied interval data was
 * committed before the snapshot, so the backup never holds reads of an account it lacks. Records may
 * change meanwhile; the snapshot does not see them. Staff and web requests go on during a backup;
 * interval imports wait for it.
 *
 * <p>The folder is written under a temporary name beside the target and renamed when complete, so a
 * folder with the target's name is always a whole backup. Stateless and thread-safe.
 */
public final class Backup {
    private Backup() {
    }

    /**
     * Backs up the records and the interval data into {@code target}, which must not exist or be an
     * empty folder.
     *
     * @param producer the program and version that writes, for the manifest ({@code "OpenCCE 0.1.0"})
     * @throws StoreException if the target is taken, or reading or writing fails; no folder is left
     *     at {@code target} then
     */
    public static BackupReport create(Database database, IntervalFiles intervals, Path target, String producer,
            Progress progress) {
        long start = System.nanoTime();
        Path folder = target.toAbsolutePath().normalize();
        requireFree(folder);
        Path staging = folder.resolveSibling("." + folder.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve("records"));
            Snapshot snapshot = intervals.whileNoCommits(() -> snapshot(database, intervals, staging, producer,
                    progress));
            Map<String, String> sums = new LinkedHashMap<>(snapshot.sha256ByFile);
            sums.put(BackupManifest.FILE_NAME, write(staging.resolve(BackupManifest.FILE_NAME),
                    snapshot.manifest.text()));
            StringBuilder lines = new StringBuilder();
            // sha256sum's format, so that 'sha256sum -c SHA256SUMS' checks the folder too.
            sums.forEach((file, sha) -> lines.append(sha).append("  ").append(file).append('\n'));
            write(staging.resolve(BackupFolder.SUMS_FILE), lines.toString());
            long bytes = 0;
            for (String file : sums.keySet()) {
                bytes += Files.size(staging.resolve(file));
            }
            bytes += Files.size(staging.resolve(BackupFolder.SUMS_FILE));
            if (Files.isDirectory(folder)) {
                Files.delete(folder);
            }
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            return new BackupReport(folder, snapshot.manifest.schemaVersion(), snapshot.tables,
                    snapshot.manifest.intervalFiles().size(), snapshot.intervalBytes, sums.size() + 1, bytes,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new StoreException("Could not write the backup " + folder + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk has room; nothing was left at " + folder + ".",
                    e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void requireFree(Path folder) {
        try {
            if (Files.exists(folder)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(folder)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty) {
                    throw new StoreException("The backup folder " + folder + " already exists and is not empty. Give"
                            + " a new folder with --to (a backup never overwrites another).");
                }
            }
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new StoreException("Cannot use " + folder + " for a backup: " + e.getMessage(), e);
        }
    }

    /** What the snapshot wrote into the staging folder. */
    private record Snapshot(BackupManifest manifest, List<BackupReport.TableCopy> tables,
            Map<String, String> sha256ByFile, long intervalBytes) {
    }

    private static Snapshot snapshot(Database database, IntervalFiles intervals, Path staging, String producer,
            Progress progress) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        List<BackupReport.TableCopy> copies = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        RecordsSchema schema;
        String version;
        Instant taken;
        List<String> monthFiles = intervals.monthFiles();
        int steps;
        int done = 0;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    // Instants are written with their offset, +00; set it so the files read the same everywhere.
                    s.execute("SET LOCAL TimeZone = 'UTC'");
                }
                taken = Instant.now();
                version = RecordsSchema.schemaVersion(c);
                schema = RecordsSchema.read(c);
                steps = schema.tables().size() + monthFiles.size();
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : schema.tables()) {
                    String file = BackupManifest.tableFile(table);
                    MessageDigest digest = Sha256.digest();
                    long count;
                    try (FileChannel channel = FileChannel.open(staging.resolve(file), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        OutputStream out = new BufferedOutputStream(
                                new DigestOutputStream(Channels.newOutputStream(channel), digest), 1 << 16);
                        count = copy.copyOut("COPY (SELECT " + RecordsSchema.columnList(schema.columns().get(table))
                                + " FROM " + RecordsSchema.quote(table) + ") TO STDOUT"
                                + " (FORMAT csv, HEADER true, ENCODING 'UTF8')", out);
                        out.flush();
                        channel.force(true);
                    }
                    sums.put(file, Sha256.hex(digest));
                    rows.put(table, count);
                    copies.add(new BackupReport.TableCopy(table, count, Files.size(staging.resolve(file))));
                    progress.step(file, ++done, steps);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the records of " + database.description() + " for the backup: "
                    + e.getMessage() + ". Check that the database user may read every table.", e);
        }
        long intervalBytes = 0;
        for (String month : monthFiles) {
            String file = BackupManifest.intervalFile(month);
            Path copy = staging.resolve(file);
            Files.createDirectories(copy.getParent());
            sums.put(file, Sha256.copy(intervals.directory().resolve(month), copy));
            intervalBytes += Files.size(copy);
            progress.step(file, ++done, steps);
        }
        BackupManifest manifest = new BackupManifest(producer, taken, version, database.description(),
                schema.tables(), rows, schema.columns(), schema.sequences(), monthFiles);
        return new Snapshot(manifest, copies, sums, intervalBytes);
    }

    /** Writes a small text file, forced to disk; returns its SHA-256. */
    private static String write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        MessageDigest digest = Sha256.digest();
        digest.update(bytes);
        return Sha256.hex(digest);
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left for the administrator: the name says what it is (".partial-", ".restore-").
        }
    }
}
