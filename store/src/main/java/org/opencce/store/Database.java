package org.opencce.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.opencce.store.pg.PgAccountStore;
import org.opencce.store.pg.PgAuditLog;
import org.opencce.store.pg.PgConsoleSessionStore;
import org.opencce.store.pg.PgEdiStore;
import org.opencce.store.pg.PgEnrollmentStore;
import org.opencce.store.pg.PgImportLog;
import org.opencce.store.pg.PgProgramStore;
import org.opencce.store.pg.PgUserStore;

/**
 * The records database, open: a pool of connections to PostgreSQL whose schema has been brought up
 * to date by the Flyway migrations in {@code db/migration}, and the stores that read and write it.
 *
 * <p>With {@link DatabaseSettings#embedded} the server is started here: zonky's PostgreSQL 17
 * binaries on a free local port, the cluster in {@code <data-dir>/postgres} (created on the first
 * start, reused afterwards), one database {@code opencce}; {@link #close()} stops it. With
 * {@link DatabaseSettings#external} nothing is started: the URL must reach a running server.
 *
 * <p><b>After a crash.</b> The process that starts the embedded server holds an operating-system lock
 * on {@code <data-dir>/opencce.lock} until it stops it; a second process is refused at once, naming the
 * first one's pid. A small watchdog child stops the server when the JVM ends without closing it
 * ({@code kill -9}); should the server still outlive it, the next start finds it through
 * {@code postmaster.pid}, sees that no process holds the lock, and stops it before starting anew. The
 * server runs with {@code fsync} and {@code synchronous_commit} on: a commit reported done survives a
 * power failure. Its output is appended to {@code <data-dir>/postgres.log}.
 *
 * <p><b>Running as root.</b> {@code initdb} and {@code postgres} refuse to run as root ("cannot be
 * run as root"), and CI and many containers run as root. zonky (2.2) handles this itself: when the
 * JVM runs as uid 0 and {@code unshare -U id -u} works, it starts {@code initdb}, {@code pg_ctl} and
 * thereby {@code postgres} as {@code unshare -U <binary> ...}, in a new user namespace where the
 * process sees itself as the overflow user (65534, "nobody"). Root's files appear there as owned by
 * that same overflow uid, so PostgreSQL's check that the data directory belongs to the running user
 * passes, while on disk the cluster stays owned by root. Before starting, this class checks that user
 * namespaces are available and otherwise fails with a message that says to run as a normal user or to
 * use an external server ({@code --db}); zonky would otherwise run {@code initdb} as root and fail
 * with PostgreSQL's bare refusal. As a normal user the binaries run directly.
 *
 * <p>Thread-safe: the stores and the pool may be used from any thread; {@link #close()} once, when
 * no other thread uses the database any more.
 */
public final class Database implements AutoCloseable {
    private static final int POOL_SIZE = 8;

    private final DatabaseSettings settings;
    private final EmbeddedServer server;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String description;
    private final int migrationsApplied;
    private final ProgramStore programs;
    private final AccountStore accounts;
    private final EnrollmentStore enrollments;
    private final EdiStore edi;
    private final UserStore users;
    private final ConsoleSessionStore sessions;
    private final ImportLog imports;
    private final AuditLog audit;

    private Database(DatabaseSettings settings, EmbeddedServer server, HikariDataSource pool, String description,
            int migrationsApplied) {
        this.settings = settings;
        this.server = server;
        this.pool = pool;
        this.description = description;
        this.migrationsApplied = migrationsApplied;
        this.jdbi = Jdbi.create(pool);
        this.programs = new PgProgramStore(jdbi);
        this.accounts = new PgAccountStore(jdbi);
        this.enrollments = new PgEnrollmentStore(jdbi);
        this.edi = new PgEdiStore(jdbi);
        this.users = new PgUserStore(jdbi);
        this.sessions = new PgConsoleSessionStore(jdbi);
        this.imports = new PgImportLog(jdbi);
        this.audit = new PgAuditLog(jdbi);
    }

    /**
     * Starts the embedded server if the settings ask for it, connects, and migrates the schema:
     * creates the cluster, the database and the schema where they do not exist yet. For the commands
     * that create an installation; the others use {@link #openExisting}.
     *
     * @throws StoreException if the server cannot be started or reached, or the schema cannot be
     *     migrated; the message says which database and what to check
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * Like {@link #open(DatabaseSettings)}, but migrates the schema only up to {@code schemaVersion}
     * (a Flyway version such as {@code "1"}; null for the latest): a backup made at that version is
     * restored into that schema, and the migrations after it then run on the restored records.
     */
    public static Database open(DatabaseSettings settings, String schemaVersion) {
        return open(settings, true, schemaVersion).orElseThrow();
    }

    /**
     * Opens the records database only if it holds an OpenCCE schema (a Flyway history), bringing an
     * older schema up to date; creates nothing: with an embedded server no cluster is created (nor the
     * data directory), with an external one no table. Empty when there is nothing to open.
     *
     * @throws StoreException as {@link #open}, and if the embedded data directory is a file
     */
    public static Optional<Database> openExisting(DatabaseSettings settings) {
        if (settings.isEmbedded()) {
            DataDirectoryLock.requireNotAFile(settings.dataDirectory());
            if (!EmbeddedServer.hasCluster(settings.dataDirectory())) {
                return Optional.empty();
            }
        }
        return open(settings, false, null);
    }

    private static Optional<Database> open(DatabaseSettings settings, boolean create, String schemaVersion) {
        EmbeddedServer server = settings.isEmbedded() ? EmbeddedServer.start(settings.dataDirectory(), create) : null;
        HikariDataSource pool = null;
        try {
            if (server != null && !server.hasDatabase()) {
                server.close();
                return Optional.empty();
            }
            pool = connect(settings, server);
            if (!create && !hasSchemaHistory(pool, settings)) {
                pool.close();
                if (server != null) {
                    server.close();
                }
                return Optional.empty();
            }
            int applied = migrate(pool, settings, schemaVersion);
            String description = server == null ? settings.toString()
                    : "embedded PostgreSQL " + serverVersion(pool) + " in " + server.clusterDirectory();
            return Optional.of(new Database(settings, server, pool, description, applied));
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (server != null) {
                try {
                    server.close();
                } catch (StoreException stop) {
                    e.addSuppressed(stop);
                }
            }
            throw e;
        }
    }

    /** Whether Flyway has migrated this database before: its history table exists (in the search path). */
    private static boolean hasSchemaHistory(DataSource dataSource, DatabaseSettings settings) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new StoreException("Cannot look for the OpenCCE schema in " + settings + ": " + e.getMessage()
                    + ". Check that the user may read the database.", e);
        }
    }

    private static HikariDataSource connect(DatabaseSettings settings, EmbeddedServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("opencce-records");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
            if (settings.user() != null) {
                config.setUsername(settings.user());
            }
            if (settings.password() != null) {
                config.setPassword(settings.password());
            }
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            String where = server == null ? DatabaseSettings.withoutPassword(settings.jdbcUrl())
                    : "the embedded server in " + server.clusterDirectory();
            throw new StoreException("Cannot connect to PostgreSQL at " + where + ": " + rootMessage(e)
                    + ". Check that the server is running and reachable from this machine, that the database"
                    + " exists, and that the user and password are right (--db, OPENCCE_DB_URL).", e);
        }
    }

    private static int migrate(DataSource dataSource, DatabaseSettings settings, String schemaVersion) {
        try {
            FluentConfiguration config = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration");
            if (schemaVersion != null) {
                // Asked before the target is set: Flyway refuses an unknown target without saying what it knows.
                requireKnown(config.load(), schemaVersion);
            }
            MigrateResult result = config.target(schemaVersion == null ? "latest" : schemaVersion).load().migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("The schema of " + settings + " could not be brought up to date: "
                    + e.getMessage() + ". Check that the user may create tables and the pg_trgm extension, and"
                    + " that the database was not migrated by a newer OpenCCE.", e);
        }
    }

    /** Refuses a schema version newer than this OpenCCE's migrations (a backup of a newer OpenCCE). */
    private static void requireKnown(Flyway flyway, String schemaVersion) {
        MigrationVersion newest = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        if (MigrationVersion.fromVersion(schemaVersion).compareTo(newest) > 0) {
            throw new StoreException("Schema version " + schemaVersion + " is newer than this OpenCCE knows (its"
                    + " migrations go up to version " + newest + "). Use the OpenCCE that wrote the backup, or a newer one.");
        }
    }

    private static String serverVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new StoreException("Cannot read the version of the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public ProgramStore programs() {
        return programs;
    }

    public AccountStore accounts() {
        return accounts;
    }

    /** The accounts' enrollment histories and their current states. */
    public EnrollmentStore enrollments() {
        return enrollments;
    }

    /** The EDI 814/997 exchange: trading-partner setups, the batches sent and their requests' answers. */
    public EdiStore edi() {
        return edi;
    }

    public UserStore users() {
        return users;
    }

    /** Signed-in staff console sessions (hashed ids), so that a restart keeps staff signed in. */
    public ConsoleSessionStore sessions() {
        return sessions;
    }

    public ImportLog imports() {
        return imports;
    }

    public AuditLog audit() {
        return audit;
    }

    /** For queries the stores do not offer; the handles come from the same pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL the pool connects to, without a password: for psql, backups, diagnostics. */
    public String jdbcUrl() {
        return DatabaseSettings.withoutPassword(pool.getJdbcUrl());
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Where the records are, for people: "embedded PostgreSQL 17.5 in /home/x/.opencce/postgres", or
     * the external URL without its password.
     */
    public String description() {
        return description;
    }

    /** How many schema migrations this {@code open} applied: all of them on a new database, then 0. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** Closes the pool and stops the embedded server, if this database started one. */
    @Override
    public void close() {
        pool.close();
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
