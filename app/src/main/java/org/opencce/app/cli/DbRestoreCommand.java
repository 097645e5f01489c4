package org.opencce.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.opencce.app.Installation;
import org.opencce.store.backup.BackupFolder;
import org.opencce.store.backup.BackupReport;
import org.opencce.store.backup.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce db restore DIR}: loads a backup into an empty installation. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup written by 'opencce db backup' into an EMPTY installation (a new --data-dir,"
                + " or an empty external database with --db); a non-empty one is refused.",
            "Every file is checked against SHA256SUMS first; the records are loaded in one transaction and the"
                + " interval files moved into place only when all succeeded, so a failed restore changes nothing.",
            "The schema is then upgraded to this OpenCCE's version."})
final class DbRestoreCommand implements Runnable {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(paramLabel = "DIR", description = "The backup folder (holding manifest.properties and SHA256SUMS).")
    Path from;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        BackupFolder backup;
        try (StepProgress progress = new StepProgress("Checking the backup")) {
            backup = BackupFolder.open(from, progress);
        }
        BackupReport report;
        // Migrated only to the backup's version: the records are loaded into the schema they were taken from.
        try (Installation installation = global.createOrOpenInstallation(backup.schemaVersion());
                StepProgress progress = new StepProgress("Restoring")) {
            report = Restore.run(backup, installation.database(), installation.intervalFiles(), progress);
        }
        String database;
        String version;
        // Opening it as every command does applies the migrations that came after the backup.
        try (Installation installation = global.openInstallation()) {
            database = installation.database().description();
            version = DbCommand.schemaVersion(installation);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = DbBackupCommand.result("restoredFrom", report);
            result.put("database", database);
            result.put("schemaVersionNow", version);
            Output.printJson(out, result);
        } else {
            out.printf(Locale.ROOT, "Restored %d tables (%,d rows) and %d interval month files from %s%n"
                    + "into %s in %.1f s; schema version %s%s.%n", report.tables().size(), report.rows(),
                    report.intervalFiles(), report.folder(), database, report.took().toMillis() / 1000.0,
                    report.schemaVersion(), version.equals(report.schemaVersion()) ? "" : ", upgraded to " + version);
            out.flush();
        }
    }
}
