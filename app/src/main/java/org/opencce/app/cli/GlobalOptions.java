package org.opencce.app.cli;

import java.nio.file.Path;
import org.opencce.app.Installation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command that touches the stores accepts. */
final class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Path dataDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where OpenCCE keeps its embedded database and interval data "
                    + "(default: $OPENCCE_DATA_DIR or ~/.opencce).")
    void dataDir(String dir) {
        // Path.of("") is the current folder: an empty value (a shell variable that was not set) would
        // silently put the installation wherever the command happens to run.
        if (dir.isBlank()) {
            throw new ParameterException(command.commandLine(), "--data-dir is empty; give a folder, e.g. --data-dir "
                    + Path.of(System.getProperty("user.home"), ".opencce") + ", or leave the option out");
        }
        dataDir = Path.of(dir);
    }

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "An external PostgreSQL server, e.g. jdbc:postgresql://host:5432/opencce "
                    + "(default: $OPENCCE_DB_URL; without it an embedded server runs in the data directory).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User for --db (default: $OPENCCE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Password for --db (default: $OPENCCE_DB_PASSWORD; give the option alone to be asked).")
    char[] dbPassword;

    /**
     * Opens the installation these options name, which must exist (see {@link Installation#open}): for
     * every command that reads or changes an installation without creating one.
     */
    Installation openInstallation() {
        return Installation.open(dataDir(), dbUrl(), dbUser(), dbPassword());
    }

    /** Opens the installation, creating it if missing: only {@code demo}, {@code program init} and {@code db migrate}. */
    Installation createOrOpenInstallation() {
        return createOrOpenInstallation(null);
    }

    /**
     * Creates or opens it with the schema migrated only up to {@code schemaVersion} (null: the latest):
     * {@code db restore} loads a backup into the schema version it was taken from.
     */
    Installation createOrOpenInstallation(String schemaVersion) {
        return Installation.createOrOpen(dataDir(), dbUrl(), dbUser(), dbPassword(), schemaVersion);
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
