package org.opencce.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.opencce.store.pg.PgAccountStore;
import org.opencce.store.pg.PgAuditLog;
import org.opencce.store.pg.PgConsoleSessionStore;
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
        this.users = new PgUserStore(jdbi);
        this.sessions = new PgConsoleSessionStore(jdbi);
        this.imports = new PgImportLog(jdbi);
        this.audit = new PgAuditLog(jdbi);
    }

    /**
     * Starts the embedded server if the settings ask for it, connects, and migrates the schema.
     *
     * @throws StoreException if the server cannot be started or reached, or the schema cannot be
     *     migrated; the message says which database and what to check
     */
    public static Database open(DatabaseSettings settings) {
        EmbeddedServer server = settings.isEmbedded() ? EmbeddedServer.start(settings.clusterDirectory()) : null;
        HikariDataSource pool = null;
        try {
            pool = connect(settings, server);
            int applied = migrate(pool, settings);
            String description = server == null ? settings.toString()
                    : "embedded PostgreSQL " + serverVersion(pool) + " in " + server.clusterDirectory();
            return new Database(settings, server, pool, description, applied);
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

    private static int migrate(DataSource dataSource, DatabaseSettings settings) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("The schema of " + settings + " could not be brought up to date: "
                    + e.getMessage() + ". Check that the user may create tables and the pg_trgm extension, and"
                    + " that the database was not migrated by a newer OpenCCE.", e);
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
