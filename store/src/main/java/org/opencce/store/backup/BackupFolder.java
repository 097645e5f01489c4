package org.opencce.store.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencce.store.StoreException;

/**
 * A backup folder that {@link Backup} wrote, read and checked: every file listed in its
 * {@code SHA256SUMS} is present and has the checksum listed, and its manifest names only files that
 * are listed. Opening it reads every byte once; a damaged or changed file is refused with its name.
 * Immutable once opened; thread-safe.
 */
public final class BackupFolder {
    static final String SUMS_FILE = "SHA256SUMS";
    /** The files a backup holds; anything else in SHA256SUMS (such as {@code ../x}) is refused. */
    private static final Pattern FILE = Pattern.compile(
            "manifest\\.properties|records/[a-z_][a-z0-9_]*\\.csv|intervals/month=\\d{4}-\\d{2}/data\\.parquet");
    /** A line of {@code sha256sum}'s output: the hex digest, a space, a space or {@code *}, the path. */
    private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    private final Path directory;
    private final BackupManifest manifest;
    private final Map<String, String> sha256ByFile;

    private BackupFolder(Path directory, BackupManifest manifest, Map<String, String> sha256ByFile) {
        this.directory = directory;
        this.manifest = manifest;
        this.sha256ByFile = Collections.unmodifiableMap(new LinkedHashMap<>(sha256ByFile));
    }

    /**
     * Reads the folder and checks every file against {@code SHA256SUMS}.
     *
     * @throws StoreException naming the folder or file when it is not a complete backup, a file is
     *     missing, or a file's checksum differs
     */
    public static BackupFolder open(Path directory, Progress progress) {
        Path dir = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new StoreException("There is no backup folder " + dir + ". Give the folder that 'opencce db backup'"
                    + " wrote (it holds manifest.properties and SHA256SUMS).");
        }
        Path sums = dir.resolve(SUMS_FILE);
        if (!Files.isRegularFile(sums)) {
            throw new StoreException(dir + " is not a complete OpenCCE backup: it has no " + SUMS_FILE + ". A backup"
                    + " is written under a temporary name and gets its final name only when complete; give a folder"
                    + " that 'opencce db backup' finished.");
        }
        try {
            Map<String, String> expected = readSums(sums);
            if (!expected.containsKey(BackupManifest.FILE_NAME)) {
                throw new StoreException("The backup " + dir + " is not usable: " + SUMS_FILE + " does not list "
                        + BackupManifest.FILE_NAME + ".");
            }
            int done = 0;
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Path file = dir.resolve(e.getKey());
                if (!Files.isRegularFile(file)) {
                    throw new StoreException("The backup " + dir + " is incomplete: " + e.getKey() + " is listed in "
                            + SUMS_FILE + " but missing. Use another copy of the backup.");
                }
                String actual = Sha256.of(file);
                if (!actual.equals(e.getValue())) {
                    throw damaged(dir, e.getKey(), actual, e.getValue());
                }
                progress.step("checked " + e.getKey(), ++done, expected.size());
            }
            String where = dir.resolve(BackupManifest.FILE_NAME).toString();
            BackupManifest manifest = BackupManifest.parse(
                    Files.readString(dir.resolve(BackupManifest.FILE_NAME), StandardCharsets.UTF_8), where);
            List<String> named = new ArrayList<>();
            manifest.tables().forEach(t -> named.add(BackupManifest.tableFile(t)));
            manifest.intervalFiles().forEach(f -> named.add(BackupManifest.intervalFile(f)));
            for (String file : named) {
                if (!expected.containsKey(file)) {
                    throw new StoreException("The backup " + dir + " is not usable: its manifest names " + file
                            + ", which " + SUMS_FILE + " does not list.");
                }
            }
            return new BackupFolder(dir, manifest, expected);
        } catch (IOException e) {
            throw new StoreException("Could not read the backup " + dir + ": " + e.getMessage()
                    + ". Check that the folder is readable.", e);
        }
    }

    static StoreException damaged(Path dir, String file, String actual, String expected) {
        return new StoreException("The backup file " + dir.resolve(file) + " is damaged or was changed: its SHA-256 is "
                + actual + ", but " + SUMS_FILE + " records " + expected + ". Nothing was restored; use another"
                + " copy of this backup or an older backup.");
    }

    private static Map<String, String> readSums(Path sums) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = SUM_LINE.matcher(line);
            if (!m.matches() || !FILE.matcher(m.group(2)).matches()) {
                throw new StoreException(sums + " line " + (i + 1) + " is not '<sha-256> <file of a backup>': '" + line
                        + "'. The backup was changed; use another copy.");
            }
            expected.put(m.group(2), m.group(1));
        }
        return expected;
    }

    public Path directory() {
        return directory;
    }

    public BackupManifest manifest() {
        return manifest;
    }

    /** The schema version of the records, to open the target database at before loading them. */
    public String schemaVersion() {
        return manifest.schemaVersion();
    }

    /** The listed SHA-256 of a file (a path relative to the folder). */
    String sha256(String file) {
        return sha256ByFile.get(file);
    }

    Path file(String relative) {
        return directory.resolve(relative);
    }
}
