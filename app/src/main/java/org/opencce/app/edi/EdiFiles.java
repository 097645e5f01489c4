package org.opencce.app.edi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.opencce.domain.OpenCceException;

/**
 * The files of the EDI exchange on disk: written whole to a hidden temporary file in the target folder,
 * forced to the disk, then moved into place in one step, so the utility's pickup (or a person) never
 * sees half a file. Stateless and thread-safe.
 */
final class EdiFiles {

    private EdiFiles() {
    }

    /** The SHA-256 of {@code bytes} in lower-case hex, as the import log and the batches keep it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Where {@code fileName} is written before it is moved into {@code folder}: a hidden file beside it. */
    static Path temporary(Path folder, String fileName) {
        return folder.resolve("." + fileName + ".tmp");
    }

    /** Writes {@code bytes} to {@code file}, replacing it, and forces them to the disk before returning. */
    static void writeDurably(Path file, byte[] bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new OpenCceException("cannot write " + file + ": " + e.getMessage() + "; check the folder's free"
                    + " space and permissions", e);
        }
    }

    /** Moves {@code from} to {@code to} in one step (both in one folder). */
    static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        } catch (IOException e) {
            throw new OpenCceException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code file}, or null when it does not exist or cannot be read. */
    static byte[] readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes {@code file} if it is there; a file that cannot be deleted is left (it is hidden and harmless). */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover hidden temporary file is overwritten by the next export of the same batch
        }
    }
}
