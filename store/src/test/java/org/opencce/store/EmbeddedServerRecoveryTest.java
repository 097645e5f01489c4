package org.opencce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;

/**
 * What the embedded server does after a crash left things behind, and what it says when a data
 * directory cannot be used: an orphaned postgres, a data directory held by another live process,
 * a data directory that is a file. Linux only (it reads {@code /proc} to find the processes).
 */
class EmbeddedServerRecoveryTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc to see the server's processes");
    }

    @Test
    void anOrphanedServerOfTheClusterIsStoppedAndTheNextOpenStartsWithinTenSeconds(@TempDir Path dataDir)
            throws Exception {
        Path cluster = dataDir.resolve("postgres");
        Path binaries;
        try (Database first = Database.open(DatabaseSettings.embedded(dataDir))) {
            first.programs().save(Fixtures.valleyProgram());
            binaries = Path.of(commandLine(postmasterPid(cluster)).get(0)).getParent();
        }
        // What 'kill -9' of an OpenCCE process leaves behind: a postgres serving the cluster that no
        // OpenCCE process owns. pg_ctl starts it the way zonky does, detached from this JVM.
        List<String> start = new ArrayList<>();
        if (EmbeddedServer.runsAsRoot()) {
            start.addAll(List.of("unshare", "-U"));
        }
        start.addAll(List.of(binaries.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-o",
                "-p " + freePort(), "-l", dataDir.resolve("orphan.log").toString(), "-w", "start"));
        Process pgCtl = new ProcessBuilder(start).redirectErrorStream(true).start();
        String pgCtlOutput = readAll(pgCtl.getInputStream());
        assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pgCtl.exitValue()).as(pgCtlOutput).isZero();
        long orphan = postmasterPid(cluster);
        try {
            assertThat(ProcessHandle.of(orphan).filter(OrphanedServer::isRunning)).isPresent();

            long started = System.nanoTime();
            try (Database second = Database.open(DatabaseSettings.embedded(dataDir))) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("start after an orphan").isLessThan(Duration.ofSeconds(10));
                assertThat(second.programs().find(Fixtures.VALLEY)).contains(Fixtures.valleyProgram());
                assertThat(postmasterPid(cluster)).isNotEqualTo(orphan);
            }
            assertThat(ProcessHandle.of(orphan).filter(OrphanedServer::isRunning)).as("the orphan").isEmpty();
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theServerCommitsSynchronouslySoACommittedRecordSurvivesAPowerFailure(@TempDir Path dataDir) {
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            String synchronousCommit = db.jdbi().withHandle(h -> h.createQuery("SHOW synchronous_commit")
                    .mapTo(String.class).one());
            String fsync = db.jdbi().withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
            assertThat(synchronousCommit).isEqualTo("on");
            assertThat(fsync).isEqualTo("on");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedAsSuchWithoutWaiting(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "not a data directory");
        long started = System.nanoTime();
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a file");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(Files.readString(file)).isEqualTo("not a data directory");
    }

    @Test
    void aDataDirectoryUsedByAnotherLiveProcessIsRefusedAtOnceNamingThatProcess(@TempDir Path dataDir)
            throws Exception {
        Process holder = holder("lock", dataDir);
        try {

            long started = System.nanoTime();
            assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(dataDir)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Another OpenCCE process (pid " + holder.pid() + ", started ")
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("another --data-dir");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(dataDir.resolve("postgres")).as("nothing was started or created").doesNotExist();
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(db.migrationsApplied()).as("free again once the other process ended").isPositive();
        }
    }

    @Test
    void openingExistingCreatesNothingWhereThereIsNoInstallation(@TempDir Path folder) {
        Path typo = folder.resolve("opencce-typo");
        assertThat(Database.openExisting(DatabaseSettings.embedded(typo))).isEmpty();
        assertThat(typo).doesNotExist();
    }

    @Test
    void aNormalCloseLeavesNoPostgresAndNoWatchdogRunning(@TempDir Path dataDir) throws IOException {
        long postgres;
        List<ProcessHandle> watchdogs;
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            postgres = postmasterPid(dataDir.resolve("postgres"));
            watchdogs = ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(dataDir.resolve("postgres")
                            .toString())).orElse(false)).toList();
            assertThat(watchdogs).as("the watchdog of this server").hasSize(1);
        }
        assertThat(ProcessHandle.of(postgres).filter(OrphanedServer::isRunning)).as("postgres").isEmpty();
        assertThat(watchdogs.get(0).isAlive()).isFalse();
    }

    @Test
    void whenTheJvmIsKilledItsServerStopsWithIt(@TempDir Path dataDir) throws Exception {
        Process holder = holder("database", dataDir);
        long postgres = postmasterPid(dataDir.resolve("postgres"));
        try {
            holder.destroyForcibly();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (ProcessHandle.of(postgres).filter(OrphanedServer::isRunning).isPresent()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ProcessHandle.of(postgres).filter(OrphanedServer::isRunning))
                    .as("postgres after kill -9 of its JVM").isEmpty();
        } finally {
            ProcessHandle.of(postgres).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A child JVM that holds {@code dataDir} ("lock" or "database"); returns once it says so. */
    private static Process holder(String what, Path dataDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DataDirectoryHolder.class.getName(), what, dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (!"holding".equals(first)) {
            holder.destroyForcibly();
            throw new IllegalStateException("the child JVM did not take " + dataDir + ": " + first);
        }
        return holder;
    }

    static long postmasterPid(Path cluster) throws IOException {
        return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim());
    }

    static List<String> commandLine(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8);
        return List.of(raw.split("\0"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
