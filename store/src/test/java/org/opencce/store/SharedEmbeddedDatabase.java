package org.opencce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded PostgreSQL for every test class of the run that asks for a {@link Database} parameter:
 * started on first use in a temporary data directory, stopped and deleted when the run ends. Starting
 * a server costs seconds on a 2-core machine, so the classes share it and keep apart by using their
 * own program ids.
 */
public final class SharedEmbeddedDatabase implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class).database;
    }

    /** The server and its directory, closed by JUnit at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Path directory;
        final Database database;

        private Running(Path directory, Database database) {
            this.directory = directory;
            this.database = database;
        }

        static Running start() {
            try {
                Path dir = Files.createTempDirectory("opencce-store-test");
                return new Running(dir, Database.open(DatabaseSettings.embedded(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            database.close();
            deleteRecursively(directory);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
