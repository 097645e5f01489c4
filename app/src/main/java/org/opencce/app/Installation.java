package org.opencce.app;

import java.nio.file.Path;
import org.opencce.app.load.LoadProfiles;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.IntervalStore;
import org.opencce.store.parquet.IntervalFiles;
import org.opencce.store.parquet.ParquetIntervalStore;

/**
 * One OpenCCE installation opened for use: the records database (embedded in the data directory, or
 * an external server) and the interval data under {@code <data-dir>/intervals}. Closing it stops the
 * embedded server. Thread-safe once opened.
 */
public final class Installation implements AutoCloseable {
    private final Path dataDir;
    private final Database database;
    private final ParquetIntervalStore intervals;
    private final LoadProfiles loads;

    private Installation(Path dataDir, Database database, ParquetIntervalStore intervals) {
        this.dataDir = dataDir;
        this.database = database;
        this.intervals = intervals;
        this.loads = new LoadProfiles(database.programs(), database.accounts(), intervals);
    }

    /** Opens the installation: an external database when {@code dbUrl} is given, else the embedded one. */
    public static Installation open(Path dataDir, String dbUrl, String dbUser, String dbPassword) {
        return open(dataDir, dbUrl, dbUser, dbPassword, null);
    }

    /**
     * Opens the installation with its schema migrated only up to {@code schemaVersion} (null: the
     * latest), to restore a backup made at that version; see {@link Database#open(DatabaseSettings, String)}.
     */
    public static Installation open(Path dataDir, String dbUrl, String dbUser, String dbPassword, String schemaVersion) {
        DatabaseSettings settings = dbUrl == null
                ? DatabaseSettings.embedded(dataDir)
                : DatabaseSettings.external(dbUrl, dbUser, dbPassword);
        Database database = Database.open(settings, schemaVersion);
        try {
            return new Installation(dataDir, database, new ParquetIntervalStore(dataDir.resolve("intervals")));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public IntervalStore intervals() {
        return intervals;
    }

    /** The interval data as whole files, for backups and restores. */
    public IntervalFiles intervalFiles() {
        return new IntervalFiles(intervals);
    }

    public LoadProfiles loads() {
        return loads;
    }

    @Override
    public void close() {
        try {
            intervals.close();
        } finally {
            database.close();
        }
    }
}
