package org.opencce.app;

import java.nio.file.Path;
import org.opencce.app.load.LoadProfiles;
import org.opencce.domain.OpenCceException;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.IntervalStore;
import org.opencce.store.parquet.IntervalFiles;
import org.opencce.store.parquet.ParquetIntervalStore;

/**
 * One OpenCCE installation opened for use: the records database (embedded in the data directory, or
 * an external server) and the interval data under {@code <data-dir>/intervals}. Closing it stops the
 * embedded server. Only {@link #createOrOpen} creates an installation; {@link #open} requires one
 * (with an external server: a database that Flyway has migrated). Thread-safe once opened.
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

    /**
     * Opens the installation, creating what is missing: the data directory, the embedded cluster or
     * the schema in the external database. Only for the commands that create an installation
     * ({@code opencce demo}, {@code opencce program init}, {@code opencce db migrate}).
     */
    public static Installation createOrOpen(Path dataDir, String dbUrl, String dbUser, String dbPassword) {
        return createOrOpen(dataDir, dbUrl, dbUser, dbPassword, null);
    }

    /**
     * Like {@link #createOrOpen(Path, String, String, String)} with the schema migrated only up to
     * {@code schemaVersion} (null: the latest), to restore a backup made at that version; see
     * {@link Database#open(DatabaseSettings, String)}.
     */
    public static Installation createOrOpen(Path dataDir, String dbUrl, String dbUser, String dbPassword,
            String schemaVersion) {
        return withIntervals(dataDir, Database.open(settings(dataDir, dbUrl, dbUser, dbPassword), schemaVersion));
    }

    /**
     * Opens an installation that exists (bringing an older schema up to date) and creates nothing: a
     * mistyped {@code --data-dir} must not leave an empty installation behind.
     *
     * @throws OpenCceException if there is none, saying how to create one
     */
    public static Installation open(Path dataDir, String dbUrl, String dbUser, String dbPassword) {
        DatabaseSettings settings = settings(dataDir, dbUrl, dbUser, dbPassword);
        Database database = Database.openExisting(settings).orElseThrow(() -> settings.isEmbedded()
                ? new OpenCceException("no OpenCCE installation in " + dataDir + "; run 'opencce program init FILE"
                        + " --data-dir " + dataDir + "', 'opencce demo' or 'opencce db migrate --data-dir " + dataDir
                        + "' to create one, or check --data-dir")
                : new OpenCceException("the database " + settings + " holds no OpenCCE schema; run 'opencce db migrate"
                        + " --db <url>' to create it, or check --db"));
        return withIntervals(dataDir, database);
    }

    private static DatabaseSettings settings(Path dataDir, String dbUrl, String dbUser, String dbPassword) {
        return dbUrl == null
                ? DatabaseSettings.embedded(dataDir)
                : DatabaseSettings.external(dbUrl, dbUser, dbPassword);
    }

    private static Installation withIntervals(Path dataDir, Database database) {
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
