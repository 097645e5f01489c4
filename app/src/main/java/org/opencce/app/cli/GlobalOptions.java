package org.opencce.app.cli;

import java.nio.file.Path;
import org.opencce.app.Installation;
import picocli.CommandLine.Option;

/** Options every command that touches the stores accepts. */
final class GlobalOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where OpenCCE keeps its embedded database and interval data "
                    + "(default: $OPENCCE_DATA_DIR or ~/.opencce).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "An external PostgreSQL server, e.g. jdbc:postgresql://host:5432/opencce "
                    + "(default: $OPENCCE_DB_URL; without it an embedded server runs in the data directory).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User for --db (default: $OPENCCE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Password for --db (default: $OPENCCE_DB_PASSWORD; give the option alone to be asked).")
    char[] dbPassword;

    /** Opens the installation these options name: the data directory and the embedded or external database. */
    Installation openInstallation() {
        return openInstallation(null);
    }

    /** Opens it with the schema migrated only up to {@code schemaVersion} (null: the latest), to restore a backup. */
    Installation openInstallation(String schemaVersion) {
        return Installation.open(dataDir(), dbUrl(), dbUser(), dbPassword(), schemaVersion);
    }

    Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath();
        }
        String env = System.getenv("OPENCCE_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".opencce");
    }

    String dbUrl() {
        return dbUrl != null ? dbUrl : blankToNull(System.getenv("OPENCCE_DB_URL"));
    }

    String dbUser() {
        return dbUser != null ? dbUser : blankToNull(System.getenv("OPENCCE_DB_USER"));
    }

    String dbPassword() {
        return dbPassword != null ? new String(dbPassword) : blankToNull(System.getenv("OPENCCE_DB_PASSWORD"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
