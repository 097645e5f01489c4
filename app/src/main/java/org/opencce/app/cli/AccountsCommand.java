package org.opencce.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.opencce.app.Installation;
import org.opencce.app.accounts.CustomerListImport;
import org.opencce.domain.community.Program;
import org.opencce.domain.report.BatchReport;
import org.opencce.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce accounts …}: the program's utility accounts. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Manage the program's accounts.",
        subcommands = AccountsCommand.Import.class)
final class AccountsCommand extends GroupCommand {

    /** {@code opencce accounts import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a utility customer list (CSV; columns in docs/formats/customer-list.md).",
                "Every row is accepted or rejected with its line and reason; importing the same file again "
                        + "changes nothing."})
    static final class Import implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "FILE", description = "The customer list CSV file.")
        Path file;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who imports, for the audit log "
                + "(default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Database db = installation.database();
                Program program = programChoice.resolve(db.programs());
                String who = actor != null ? actor : "cli:" + System.getProperty("user.name");
                BatchReport report = new CustomerListImport(db.programs(), db.accounts(), db.imports(), db.audit())
                        .importFile(program.id(), file, who);
                installation.loads().invalidate();
                print(report, spec.commandLine().getOut(), json);
            }
        }

        static void print(BatchReport report, PrintWriter out, boolean json) {
            if (json) {
                Output.printJson(out, report);
                return;
            }
            if (report.alreadyImported()) {
                out.printf("%s was imported before (same contents); nothing changed.%n", report.source());
            }
            out.printf("%s: read %,d = accepted %,d + rejected %,d%n", report.source(), report.read(),
                    report.accepted(), report.rejected());
            for (BatchReport.Rejection r : report.rejections()) {
                out.printf("  line %d: %s%n", r.line(), r.reason());
            }
            out.flush();
        }
    }
}
