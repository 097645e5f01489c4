package org.opencce.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A postgres still serving a cluster whose OpenCCE process died without stopping it ({@code kill -9},
 * a crash, a power-cut container), found through the cluster's {@code postmaster.pid} and stopped
 * before a new server starts. Without this, {@code pg_ctl start} refuses to start a second postmaster
 * on the cluster and zonky waits out its whole startup wait for a server that never comes.
 *
 * <p>Only call it while holding the {@link DataDirectoryLock}: then no live OpenCCE process owns the
 * cluster, and a postgres serving it is an orphan. A pid file that names a dead process, or a live
 * process that is not a postgres of this cluster (its pid was reused), is left to postgres, which
 * checks the pid itself and overwrites a stale file.
 *
 * <p>Linux reads the command line from {@code /proc/<pid>/cmdline}; elsewhere from
 * {@link ProcessHandle.Info}. Stateless and thread-safe.
 */
final class OrphanedServer {
    /** How long the fast shutdown may take before the orphan is killed: it writes a checkpoint first. */
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(6);
    private static final Duration KILL_WAIT = Duration.ofSeconds(3);

    private OrphanedServer() {
    }

    /**
     * The live postgres serving {@code clusterDirectory}, if its {@code postmaster.pid} names one. A pid
     * file that names a dead postmaster not yet reaped (a zombie) is deleted: postgres would take the
     * zombie for a running server and refuse to start.
     */
    static Optional<ProcessHandle> find(Path clusterDirectory) {
        Path pidFile = clusterDirectory.resolve("postmaster.pid");
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            pid = Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            // No pid file (a clean stop removes it), or one cut short by a crash: nothing runs.
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent() && process.get().isAlive() && !isRunning(process.get())) {
            deleteStalePidFile(pidFile, pid);
            return Optional.empty();
        }
        return process.filter(OrphanedServer::isRunning)
                .filter(p -> servesCluster(commandLine(p), clusterDirectory));
    }

    /**
     * Whether a process runs: alive and not a zombie. {@link ProcessHandle#isAlive()} counts a zombie
     * as alive, and a postmaster that exited stays one until init reaps it, which in some containers
     * takes seconds.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.UTF_8);
            // "pid (comm) S ...": the state follows the last ')', as comm may itself hold one.
            int end = line.lastIndexOf(')');
            char state = end >= 0 && end + 2 < line.length() ? line.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux), or the process has just gone.
            return process.isAlive();
        }
    }

    private static void deleteStalePidFile(Path pidFile, long pid) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).trim().equals(Long.toString(pid))) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove " + pidFile + ", left by a postgres that has ended (pid " + pid
                    + "): " + e.getMessage() + ". Delete it by hand and run the command again.", e);
        }
    }

    /**
     * Whether a command line is a postgres started for {@code clusterDirectory}: pg_ctl runs it as
     * {@code <bin>/postgres -D <cluster> ...}.
     */
    static boolean servesCluster(List<String> commandLine, Path clusterDirectory) {
        if (commandLine.isEmpty()) {
            return false;
        }
        String program = Path.of(commandLine.get(0)).getFileName().toString();
        if (!program.equals("postgres") && !program.equals("postmaster")) {
            return false;
        }
        Path cluster = clusterDirectory.toAbsolutePath().normalize();
        for (int i = 1; i < commandLine.size() - 1; i++) {
            if (commandLine.get(i).equals("-D") && Path.of(commandLine.get(i + 1)).toAbsolutePath().normalize()
                    .equals(cluster)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the orphan: SIGINT, postgres's fast shutdown (rolls back open transactions, writes a
     * checkpoint, exits), then SIGKILL if it has not exited in time.
     *
     * @throws StoreException if it is still alive after both, naming its pid and what to do
     */
    static void stop(ProcessHandle orphan, Path clusterDirectory) {
        signal(orphan, "INT");
        if (waitForExit(orphan, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        orphan.destroyForcibly();
        if (waitForExit(orphan, KILL_WAIT)) {
            // Killed, it could not remove its pid file; postgres would refuse to start while the
            // zombie has not been reaped.
            deleteStalePidFile(clusterDirectory.resolve("postmaster.pid"), orphan.pid());
            return;
        }
        throw new StoreException("A postgres that no running OpenCCE command owns (pid " + orphan.pid()
                + ") still serves " + clusterDirectory + " and could not be stopped (SIGINT, then SIGKILL)."
                + " Stop it (kill -9 " + orphan.pid() + ", as root or the user that runs OpenCCE) and run the"
                + " command again.");
    }

    /** Sends a signal with kill(1); {@link ProcessHandle#destroy()} only knows SIGTERM. */
    static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill(1) on this system: fall back to SIGTERM below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // SIGTERM is postgres's smart shutdown: it waits for clients, and an orphan's have gone with
        // the process that died.
        process.destroy();
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    private static List<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                String raw = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
                return List.of(raw.split("\0"));
            } catch (IOException e) {
                return List.of();
            }
        }
        ProcessHandle.Info info = process.info();
        if (info.command().isEmpty()) {
            return List.of();
        }
        List<String> line = new java.util.ArrayList<>();
        line.add(info.command().get());
        info.arguments().ifPresent(a -> line.addAll(List.of(a)));
        return line;
    }
}
