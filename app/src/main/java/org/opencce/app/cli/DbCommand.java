package org.opencce.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencce.app.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce db …}: the records database. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Manage the records database.",
        subcommands = {DbCommand.Migrate.class, DbBackupCommand.class, DbRestoreCommand.class})
final class DbCommand extends GroupCommand {

    /** {@code opencce db migrate}: brings the schema up to date (also done by every command that opens the store). */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create or upgrade the database schema (Flyway migrations) and report its version.")
    static final class Migrate implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.createOrOpenInstallation()) {
                String version = schemaVersion(installation);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("database", installation.database().description());
                    result.put("schemaVersion", version);
                    Output.printJson(out, result);
                } else {
                    out.println("Database: " + installation.database().description());
                    out.println("Schema is up to date at version " + version + ".");
                }
            }
        }
    }

    /** The schema version Flyway last applied, e.g. {@code "1"}. */
    static String schemaVersion(Installation installation) {
        return installation.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class).one());
    }
}
