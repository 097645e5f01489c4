package org.opencce.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import java.util.stream.Stream;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;

/**
 * Data directories for the command-line tests: a prepared installation copied for each test (building
 * a campaign once and copying it is much faster than building it again), and the installation's
 * database opened between commands to check what they recorded.
 */
final class DataDirs {
    private DataDirs() {
    }

    /** {@code work} applied to the embedded database of {@code dataDir}, which is closed afterwards. */
    static <T> T withDatabase(Path dataDir, Function<Database, T> work) {
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            return work.apply(db);
        }
    }

    /** A copy of the stopped installation {@code from} at {@code to}, files and folders alike. */
    static Path copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
