package org.opencce.app.accounts;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.RejectionsCsv;

/**
 * Where an import's rejections go: the first few stay in memory for the report, every one is written
 * to a temporary file beside {@code target} as it comes. {@link #publish()} moves that file into place;
 * {@link #close()} without a publish deletes it, so a failed import leaves no half-written list and an
 * earlier list of the same name in place. The file is created only when there is a rejection. Not
 * thread-safe.
 */
final class RejectionsSink implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final int listedAtMost;
    private final List<BatchReport.Rejection> listed = new ArrayList<>();
    private RejectionsCsv.Sink out;
    private long count;
    private boolean published;

    RejectionsSink(Path target, int listedAtMost) {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".part");
        this.listedAtMost = listedAtMost;
    }

    /** Adds rejections that follow, in line order, those added before. */
    void addAll(List<BatchReport.Rejection> rejections) {
        for (BatchReport.Rejection r : rejections) {
            if (out == null) {
                out = RejectionsCsv.create(partial);
            }
            out.write(r);
            if (listed.size() < listedAtMost) {
                listed.add(r);
            }
            count++;
        }
    }

    List<BatchReport.Rejection> listed() {
        return List.copyOf(listed);
    }

    long count() {
        return count;
    }

    /** Moves the written rejections to the target, replacing an earlier file; nothing when there were none. */
    void publish() {
        if (out == null) {
            return;
        }
        out.close();
        try {
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OpenCceException("cannot write the rejections to " + target + ": " + e.getMessage()
                    + "; check that the folder is writable, or choose another file with --rejections", e);
        }
        published = true;
    }

    /** The rejections file, if {@link #publish()} wrote one. */
    Optional<Path> published() {
        return published ? Optional.of(target) : Optional.empty();
    }

    @Override
    public void close() {
        if (published || out == null) {
            return;
        }
        try {
            out.close();
        } catch (OpenCceException ignored) {
            // The import failed already; its own error is the one to report.
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            System.err.println("opencce: could not delete the partial rejections file " + partial + ": "
                    + e.getMessage());
        }
    }
}
