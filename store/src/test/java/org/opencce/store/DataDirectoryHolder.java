package org.opencce.store;

import java.nio.file.Path;

/**
 * A second process for tests: {@code lock DIR} takes the data directory with {@link DataDirectoryLock},
 * {@code database DIR} opens the embedded database in it; then prints "holding" and keeps it until
 * its standard input ends (or it is killed).
 */
final class DataDirectoryHolder {
    private DataDirectoryHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (AutoCloseable held = args[0].equals("lock") ? DataDirectoryLock.acquire(dir)
                : Database.open(DatabaseSettings.embedded(dir))) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of input
            }
        }
    }
}
