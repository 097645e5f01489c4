package org.opencce.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opencce.app.Installation;
import org.opencce.app.demo.OneTimePassword;
import org.opencce.app.security.Passwords;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Program;
import org.opencce.store.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce users …}: staff console users. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the staff console's users.",
        subcommands = UsersCommand.Add.class)
final class UsersCommand extends GroupCommand {

    /** {@code opencce users add NAME --role ROLE}: creates a user or resets its password. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create a console user, or give an existing one a new password, with a role in the program.",
                "Prints a one-time password (only its bcrypt hash is stored); pass it on to the person safely."})
    static final class Add implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "NAME", description = "The user name people sign in with.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "admin|staff|viewer",
                description = "admin: everything; staff: day-to-day work with personal information; "
                        + "viewer: dashboards and accounts without personal information.")
        String role;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            UserStore.Role granted;
            try {
                granted = UserStore.Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new OpenCceException("--role must be admin, staff or viewer, was '" + role + "'");
            }
            if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new OpenCceException("a user name is 1 to 64 letters, digits, dots, dashes, underscores or @,"
                        + " was '" + username + "'");
            }
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                UserStore users = installation.database().users();
                boolean existed = users.find(username).isPresent();
                String password = OneTimePassword.next();
                users.saveUser(username, Passwords.hash(password.toCharArray()));
                users.grant(username, program.id(), granted);
                installation.database().audit().append(program.id(), "cli:" + System.getProperty("user.name"),
                        existed ? "users.reset" : "users.add", username + " " + granted);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("user", username);
                    result.put("program", program.id().value());
                    result.put("role", granted.name().toLowerCase(Locale.ROOT));
                    result.put("created", !existed);
                    result.put("password", password);
                    Output.printJson(out, result);
                } else {
                    out.printf("%s %s as %s of %s; one-time password: %s%n", existed ? "Updated" : "Created", username,
                            granted.name().toLowerCase(Locale.ROOT), program.name(), password);
                    out.flush();
                }
            }
        }
    }
}
