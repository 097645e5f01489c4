package org.opencce.app.cli;

import org.opencce.domain.OpenCceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opencce} command: {@code opencce <noun> <verb>}. */
@Command(name = "opencce", mixinStandardHelpOptions = true, version = "OpenCCE 0.1.0",
        description = "OpenCCE runs a Community Choice Energy program (a Massachusetts municipal aggregation): "
                + "its towns, products, accounts, community load and web console.",
        subcommands = {DemoCommand.class, ServeCommand.class, DbCommand.class, ProgramCommand.class, AccountsCommand.class,
                EnrollmentCommand.class, EdiCommand.class, LoadCommand.class, UsersCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class OpenCceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line: errors a program administrator can act on are printed as one
     * message on standard error with exit code 1 (no stack trace); usage errors exit with 2.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OpenCceCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof OpenCceException || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("opencce: " + ex.getMessage());
                if (ex.getCause() != null && System.getenv("OPENCCE_DEBUG") != null) {
                    ex.printStackTrace(commandLine.getErr());
                }
                return 1;
            }
            throw ex;
        });
        return cl;
    }
}
