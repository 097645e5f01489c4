package org.opencce.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL server (zonky's PostgreSQL 17 binaries, unpacked once into the system
 * temporary folder), its cluster in a folder of the data directory that is kept between runs, holding
 * one database named {@value #DATABASE}. See {@link Database} for how it runs as root. Not
 * thread-safe: one owner starts and closes it.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String DATABASE = "opencce";

    private final EmbeddedPostgres postgres;
    private final Path clusterDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path clusterDirectory) {
        this.postgres = postgres;
        this.clusterDirectory = clusterDirectory;
    }

    /** Starts the server on a free local port, creating the cluster and the database the first time. */
    static EmbeddedServer start(Path clusterDirectory) {
        if (runsAsRoot()) {
            requireUserNamespaces();
        }
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(clusterDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    // zonky starts postgres with -F (no fsync), fine for throw-away test clusters but
                    // not for a program's records: switch fsync back on.
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Could not start the embedded PostgreSQL in " + clusterDirectory + ": "
                    + e.getMessage() + ". If another OpenCCE process uses this data directory, stop it or give"
                    + " this one another --data-dir; or use an external server with --db.", e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, clusterDirectory);
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException e) {
            server.close();
            throw new StoreException("The embedded PostgreSQL in " + clusterDirectory + " started but the '"
                    + DATABASE + "' database could not be created: " + e.getMessage(), e);
        }
        return server;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    Path clusterDirectory() {
        return clusterDirectory;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                // A database name cannot be a bound parameter; DATABASE is a constant.
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StoreException("Could not stop the embedded PostgreSQL in " + clusterDirectory + ": "
                    + e.getMessage() + ". If a postgres process is left running, stop it before the next start.", e);
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
