package org.opencce.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencce.app.Installation;
import org.opencce.store.backup.Backup;
import org.opencce.store.backup.BackupReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce db backup [--to DIR]}: a consistent backup of the records and the interval data. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the records (every table, from one consistent snapshot, without pg_dump) and the"
                + " interval data (the Parquet month files) into a new folder, with a manifest and SHA-256 checksums.",
            "Works with the embedded and an external database. Restore with 'opencce db restore DIR'."})
final class DbBackupCommand implements Runnable {
    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'",
            Locale.ROOT);

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--to", paramLabel = "DIR",
            description = "The new backup folder; it must not exist or be empty (default: <data-dir>/backups/<UTC time>;"
                    + " keep backups on another disk or machine).")
    Path to;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Path target = to != null ? to.toAbsolutePath()
                : global.dataDir().resolve("backups").resolve(FOLDER_NAME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        BackupReport report;
        try (Installation installation = global.openInstallation();
                StepProgress progress = new StepProgress("Backing up")) {
            report = Backup.create(installation.database(), installation.intervalFiles(), target,
                    spec.root().version()[0], progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.printJson(out, result("backup", report));
        } else {
            out.printf(Locale.ROOT, "Backed up %d tables (%,d rows) and %d interval month files into %s:%n"
                    + "%d files, %,.1f MB in %.1f s; schema version %s.%n"
                    + "Check it with 'sha256sum -c SHA256SUMS' in that folder; restore it with"
                    + " 'opencce db restore %s --data-dir NEW_DIR'.%n",
                    report.tables().size(), report.rows(), report.intervalFiles(), report.folder(), report.files(),
                    report.bytes() / 1e6, report.took().toMillis() / 1000.0, report.schemaVersion(), report.folder());
            out.flush();
        }
    }

    /** The JSON of a backup or restore report; {@code folderKey} names the folder's field. */
    static Map<String, Object> result(String folderKey, BackupReport report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(folderKey, report.folder().toString());
        result.put("schemaVersion", report.schemaVersion());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (BackupReport.TableCopy t : report.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.table());
            table.put("rows", t.rows());
            table.put("bytes", t.bytes());
            tables.add(table);
        }
        result.put("tables", tables);
        result.put("rows", report.rows());
        result.put("intervalFiles", report.intervalFiles());
        result.put("intervalBytes", report.intervalBytes());
        result.put("files", report.files());
        result.put("bytes", report.bytes());
        result.put("seconds", report.took().toMillis() / 1000.0);
        return result;
    }
}
