package org.opencce.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's exclusive use of a data directory: an operating-system file lock on
 * {@code <data-dir>/opencce.lock}, held from the start of the embedded server until it is stopped.
 * The kernel releases the lock when the process ends in any way, {@code kill -9} included, so a lock
 * that cannot be taken always means a live process; and a postgres left serving the cluster while
 * nobody holds the lock is an orphan of a process that died (see {@link OrphanedServer}).
 *
 * <p>The owner writes its pid and start time into the file, so that the refusal can name it. A
 * lock file holds no other state: deleting it while no one runs is harmless.
 *
 * <p>Thread-safe. A POSIX lock belongs to the whole process and is dropped when any of its channels
 * to the file closes, so this JVM keeps a set of the directories it holds and refuses a second
 * {@link #acquire} of one before touching the file.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "opencce.lock";

    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data directory for this process, creating the directory if it is missing.
     *
     * @throws StoreException at once, without waiting, if the path is a file, cannot be written, or
     *     another process (named by its pid and start time) or this one already holds it
     */
    static DataDirectoryLock acquire(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        requireUsableDirectory(directory);
        if (!HELD_BY_THIS_PROCESS.add(directory)) {
            throw new StoreException("The data directory " + directory + " is already open in this OpenCCE process"
                    + " (pid " + ProcessHandle.current().pid() + "); close it before opening it again.");
        }
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            // No TRUNCATE_EXISTING: while another process holds the lock its pid must stay readable.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = owner(channel);
                throw new StoreException("Another OpenCCE process (" + owner + ") uses the data directory "
                        + directory + "; stop it, or give this command another --data-dir.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | OverlappingFileLockException | StoreException e) {
            HELD_BY_THIS_PROCESS.remove(directory);
            closeQuietly(channel, e);
            if (e instanceof StoreException) {
                throw (StoreException) e;
            }
            throw new StoreException("Cannot lock the data directory " + directory + " (" + file + "): "
                    + e.getMessage() + ". Check that the folder is writable by this user.", e);
        }
    }

    /** Fails if {@code directory} exists as something other than a folder; creates nothing. */
    static void requireNotAFile(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StoreException("The data directory " + directory.toAbsolutePath().normalize() + " is a file,"
                    + " not a folder; give --data-dir a folder (it is created if it does not exist).");
        }
    }

    private static void requireUsableDirectory(Path directory) {
        requireNotAFile(directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + directory + ": " + e.getMessage()
                    + ". Check that its parent folder exists and is writable, or give another --data-dir.", e);
        }
        if (!Files.isWritable(directory)) {
            throw new StoreException("The data directory " + directory + " is not writable by this user; change its"
                    + " permissions, run OpenCCE as its owner, or give another --data-dir.");
        }
    }

    private static String describeThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString())
                .orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return "pid " + self.pid() + ", started " + started + "\n";
    }

    /** What the holder wrote about itself, e.g. "pid 4242, started 2026-11-29T16:02:11Z". */
    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        int read = channel.read(buffer, 0);
        String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "pid unknown" : text.lines().findFirst().orElse(text);
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    Path directory() {
        return directory;
    }

    /** Releases the directory; the file stays, empty of meaning until the next owner writes it. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The kernel drops the lock with the channel, or at the latest when this process ends.
        } finally {
            HELD_BY_THIS_PROCESS.remove(directory);
        }
    }
}
