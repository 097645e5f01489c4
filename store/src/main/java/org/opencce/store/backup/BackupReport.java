package org.opencce.store.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a backup wrote or a restore loaded, for the person who ran it.
 *
 * @param folder the backup folder
 * @param schemaVersion the records' schema version in the backup
 * @param tables each table's rows and the bytes of its CSV file, in load order
 * @param intervalFiles how many interval month files
 * @param intervalBytes their bytes
 * @param files every file of the backup (tables, month files, manifest, checksums)
 * @param bytes the bytes of all of them
 * @param took wall-clock time
 */
public record BackupReport(Path folder, String schemaVersion, List<TableCopy> tables, int intervalFiles,
        long intervalBytes, int files, long bytes, Duration took) {

    public BackupReport {
        tables = List.copyOf(tables);
    }

    /** The rows of all tables. */
    public long rows() {
        return tables.stream().mapToLong(TableCopy::rows).sum();
    }

    /** One table: its rows and the bytes of its CSV file. */
    public record TableCopy(String table, long rows, long bytes) {
    }
}
