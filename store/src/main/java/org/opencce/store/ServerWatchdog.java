package org.opencce.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ties the embedded postgres to this JVM: a small {@code sh} child that blocks reading a pipe from
 * the JVM and, when the pipe reaches its end, asks postgres for a fast shutdown (SIGINT). The
 * kernel closes the pipe when the JVM ends in any way, {@code kill -9} included, so postgres stops
 * with it instead of living on as an orphan. Blocking on the pipe needs no polling and cannot be
 * fooled by a reused JVM pid. Before signalling, the script checks (where {@code /proc} exists) that
 * the pid still is a postgres of the cluster, so a pid reused after postgres stopped is left alone.
 *
 * <p>A normal close ends the watchdog first (it is not needed for zonky's {@code pg_ctl stop}), so it
 * never outlives the server. Where no {@code sh} exists (Windows) there is no watchdog, and an orphan
 * is stopped at the next start instead ({@link OrphanedServer}). Not thread-safe: owned by one
 * {@link EmbeddedServer}.
 */
final class ServerWatchdog implements AutoCloseable {
    /**
     * $1 the postmaster pid, $2 the cluster folder. {@code read} returns non-zero at the pipe's end;
     * the JVM never writes. {@code tr} turns the NUL-separated command line into one line to search.
     */
    private static final String SCRIPT = "while read -r _; do :; done;"
            + " if [ -d /proc ]; then tr '\\000' '\\n' < \"/proc/$1/cmdline\" 2>/dev/null | grep -qxF -- \"$2\""
            + " || exit 0; fi;"
            + " kill -INT \"$1\" 2>/dev/null; exit 0";

    private final Process process;

    private ServerWatchdog(Process process) {
        this.process = process;
    }

    /** Starts the watchdog of the postgres {@code postmasterPid}; empty where it cannot run. */
    static Optional<ServerWatchdog> start(long postmasterPid, Path clusterDirectory) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return Optional.empty();
        }
        try {
            Process sh = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "opencce-postgres-watchdog",
                    Long.toString(postmasterPid), clusterDirectory.toAbsolutePath().normalize().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new ServerWatchdog(sh));
        } catch (IOException e) {
            // The server runs without one; the next start stops it if this JVM dies.
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Ends the watchdog without letting it signal postgres: SIGTERM ends {@code sh} in its read. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
