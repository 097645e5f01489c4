package org.opencce.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL server (zonky's PostgreSQL 17 binaries, unpacked once into the system
 * temporary folder), its cluster in a folder of the data directory that is kept between runs, holding
 * one database named {@value #DATABASE}. See {@link Database} for how it runs as root and what
 * happens after a crash. Not thread-safe: one owner starts and closes it.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String DATABASE = "opencce";
    /** The cluster's folder in the data directory. */
    static final String CLUSTER_FOLDER = "postgres";
    /** The server's log in the data directory (beside, not inside, the cluster, which postgres owns). */
    static final String LOG_FILE = "postgres.log";
    private static final long LOG_LIMIT_BYTES = 10L * 1024 * 1024;
    /**
     * How long to wait for the server to accept connections. A normal start takes one to three
     * seconds, crash recovery of a large WAL a little more; zonky would wait this long even when
     * {@code pg_ctl} has already given up, so it bounds how long a real failure takes to be reported.
     */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path clusterDirectory;
    private final DataDirectoryLock lock;
    private ProcessHandle postmaster;
    private ServerWatchdog watchdog;
    private boolean hasDatabase;

    private EmbeddedServer(EmbeddedPostgres postgres, Path clusterDirectory, DataDirectoryLock lock) {
        this.postgres = postgres;
        this.clusterDirectory = clusterDirectory;
        this.lock = lock;
    }

    /**
     * Takes the data directory ({@link DataDirectoryLock}), stops an orphaned postgres of its cluster
     * ({@link OrphanedServer}), and starts the server on a free local port, creating the cluster (initdb)
     * and the database the first time; then ties the server to this JVM ({@link ServerWatchdog}).
     *
     * @throws StoreException at once if the data directory is a file, not writable, or used by another
     *     live process; after at most {@link #STARTUP_WAIT} if the server does not start, with the end of
     *     its log
     */
    static EmbeddedServer start(Path dataDirectory, boolean createDatabase) {
        if (runsAsRoot()) {
            requireUserNamespaces();
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        Path clusterDirectory = lock.directory().resolve(CLUSTER_FOLDER);
        Path log = lock.directory().resolve(LOG_FILE);
        EmbeddedPostgres postgres;
        try {
            OrphanedServer.find(clusterDirectory).ifPresent(orphan -> OrphanedServer.stop(orphan, clusterDirectory));
            Files.createDirectories(clusterDirectory);
            keepLogSmall(log);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    // zonky starts postgres with -F (no fsync), fine for throw-away test clusters but
                    // not for a program's records: switch fsync back on.
                    .setServerConfig("fsync", "on")
                    // zonky's default is off, which may lose the last commits (an opt-out, an import)
                    // in a power failure although the command reported them done. A system of record
                    // waits for the WAL to reach the disk.
                    .setServerConfig("synchronous_commit", "on")
                    // initdb's, pg_ctl's and the server's own output, kept for the failure message
                    // and for the administrator; appended, so a crash's last words stay.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof StoreException) {
                throw (StoreException) e;
            }
            throw new StoreException("Could not start the embedded PostgreSQL in " + clusterDirectory + ": "
                    + e.getMessage() + ". The end of its log (" + log + "):\n" + tail(log, 12)
                    + "\nUse another --data-dir, or an external server with --db, if this one cannot be repaired.", e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, clusterDirectory, lock);
        try {
            server.hasDatabase = server.databaseExists();
            if (!server.hasDatabase && createDatabase) {
                server.createDatabase();
                server.hasDatabase = true;
            }
        } catch (SQLException e) {
            server.close();
            throw new StoreException("The embedded PostgreSQL in " + clusterDirectory + " started but the '"
                    + DATABASE + "' database could not be created: " + e.getMessage(), e);
        }
        server.postmaster = postmasterPid(clusterDirectory).flatMap(ProcessHandle::of).orElse(null);
        if (server.postmaster != null) {
            server.watchdog = ServerWatchdog.start(server.postmaster.pid(), clusterDirectory).orElse(null);
        }
        return server;
    }

    /** Whether {@code dataDirectory} holds a cluster: initdb ran there to its end. */
    static boolean hasCluster(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(CLUSTER_FOLDER).resolve("PG_VERSION"))
                && Files.isRegularFile(dataDirectory.resolve(CLUSTER_FOLDER).resolve("postgresql.conf"));
    }

    private static Optional<Long> postmasterPid(Path clusterDirectory) {
        try {
            List<String> lines = Files.readAllLines(clusterDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the log afresh once it passes {@link #LOG_LIMIT_BYTES}, keeping the previous one beside it. */
    private static void keepLogSmall(Path log) throws IOException {
        if (Files.isRegularFile(log) && Files.size(log) > LOG_LIMIT_BYTES) {
            Files.move(log, log.resolveSibling(LOG_FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last {@code lines} lines of the server log, or a note that there is none. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    Path clusterDirectory() {
        return clusterDirectory;
    }

    /** Whether the {@value #DATABASE} database exists (it does once an installation was created). */
    boolean hasDatabase() {
        return hasDatabase;
    }

    private boolean databaseExists() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement create = c.createStatement()) {
            // A database name cannot be a bound parameter; DATABASE is a constant.
            create.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** Stops the watchdog, then the server (zonky: {@code pg_ctl stop -m fast}), then releases the directory. */
    @Override
    public void close() {
        try {
            if (watchdog != null) {
                watchdog.close();
            }
            postgres.close();
            // zonky gives pg_ctl stop 5 s and only logs when it fails; on a busy machine the
            // shutdown checkpoint can take longer, and the server must not outlive its owner.
            if (postmaster != null && OrphanedServer.isRunning(postmaster)) {
                OrphanedServer.stop(postmaster, clusterDirectory);
            }
        } catch (IOException e) {
            throw new StoreException("Could not stop the embedded PostgreSQL in " + clusterDirectory + ": "
                    + e.getMessage() + ". The next start stops a postgres left running; see " + LOG_FILE + ".", e);
        } finally {
            lock.close();
        }
    }

    /** Whether this JVM runs as uid 0, where initdb and postgres refuse to start. */
    static boolean runsAsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer && (Integer) uid == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Not Linux (no /proc): PostgreSQL's root check concerns Unix root only, which we
            // cannot detect here; zonky runs the binaries directly.
            return false;
        }
    }

    /**
     * As root, zonky runs initdb, pg_ctl and postgres through {@code unshare -U}; check that this
     * machine allows user namespaces, so that the failure is ours and says what to do.
     */
    private static void requireUserNamespaces() {
        String uid;
        try {
            Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            try (InputStream out = p.getInputStream()) {
                uid = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw rootWithoutNamespaces("'unshare -U id -u' failed: " + uid);
            }
        } catch (IOException e) {
            throw rootWithoutNamespaces("'unshare' could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw rootWithoutNamespaces("interrupted while checking 'unshare -U'");
        }
        if (uid.equals("0")) {
            throw rootWithoutNamespaces("'unshare -U' still runs as uid 0");
        }
    }

    private static StoreException rootWithoutNamespaces(String why) {
        return new StoreException("The embedded PostgreSQL cannot run as root, and this machine does not let it"
                + " run in a user namespace instead (" + why + "). Run OpenCCE as a normal user, or use an"
                + " external PostgreSQL server with --db jdbc:postgresql://host:5432/opencce.");
    }
}
