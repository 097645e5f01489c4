package org.opencce.store.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencce.store.StoreException;

/**
 * The interval data folder of a {@link ParquetIntervalStore} seen as whole files, for backups and
 * restores: which month files there are, a way to keep every commit out while they are copied, and a
 * way to move restored month folders into place. Month files are immutable once renamed into place
 * (a commit writes a new file and renames it over the old one), so a file listed while commits are
 * held can be copied byte for byte. Thread-safe, like the store.
 */
public final class IntervalFiles {
    private final ParquetIntervalStore store;

    public IntervalFiles(ParquetIntervalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The interval data folder ({@code <data-dir>/intervals}). */
    public Path directory() {
        return store.directory();
    }

    /**
     * The month files, relative to {@link #directory()} with {@code /} as separator
     * ({@code month=2025-01/data.parquet}), oldest first.
     */
    public List<String> monthFiles() {
        List<String> files = new ArrayList<>();
        for (YearMonth m : IntervalLayout.months(store.directory())) {
            files.add(IntervalLayout.PARTITION_PREFIX + m + "/" + IntervalLayout.FILE_NAME);
        }
        return files;
    }

    /**
     * Runs {@code work} while no commit of any store on this folder, in this JVM or another process,
     * can replace or delete a month file (the commit lock and {@code .commit.lock} are held). Reads go
     * on meanwhile; writers wait until {@code work} returns. Not re-entrant: {@code work} must not
     * commit interval data itself.
     */
    public <T> T whileNoCommits(Work<T> work) throws IOException {
        Object[] result = new Object[1];
        try {
            store.underCommitLock(() -> result[0] = work.run());
        } catch (SQLException e) {
            throw new StoreException("Could not hold the interval data still in " + store.directory() + ": "
                    + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /**
     * Moves the month folders {@code months} (relative paths such as {@code month=2025-01}) from
     * {@code stagedRoot} into {@link #directory()}, each by one rename, while no query of this JVM reads
     * the files. Call it inside {@link #whileNoCommits}, with both folders on one file system. The
     * folders must not exist in the target yet. Returns the folders moved, so that a caller whose
     * next step fails can take them out again with {@link #remove}.
     */
    public List<Path> install(Path stagedRoot, List<String> months) throws IOException {
        List<Path> moved = new ArrayList<>();
        try {
            store.whileNoOneReads(() -> {
                for (String month : months) {
                    Path target = store.directory().resolve(month);
                    if (Files.exists(target)) {
                        throw new StoreException("The interval data folder " + target + " already exists; a restore"
                                + " only fills an installation without interval data.");
                    }
                    Files.move(stagedRoot.resolve(month), target, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(target);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("renaming files runs no SQL", e);
        } catch (IOException | RuntimeException e) {
            try {
                remove(moved);
            } catch (IOException | RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return moved;
    }

    /** Deletes month folders that {@link #install} moved into place (undoing it). */
    public void remove(List<Path> monthFolders) throws IOException {
        try {
            store.whileNoOneReads(() -> {
                for (Path folder : monthFolders) {
                    Files.deleteIfExists(folder.resolve(IntervalLayout.FILE_NAME));
                    Files.deleteIfExists(folder);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("deleting files runs no SQL", e);
        }
    }

    /** Work done while commits are held. */
    public interface Work<T> {
        T run() throws IOException;
    }
}
