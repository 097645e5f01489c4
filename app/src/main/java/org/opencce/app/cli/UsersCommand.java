package org.opencce.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/**
 * {@code opencce users …}: staff console users. User names are case-insensitive ({@code Dana} and
 * {@code dana} are one user). Every change is written to the program's audit log with the operating
 * system user who made it. The last enabled administrator of a program cannot be disabled or removed,
 * so that a program always keeps someone who can manage it.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the staff console's users.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
            UsersCommand.Enable.class, UsersCommand.Remove.class})
final class UsersCommand extends GroupCommand {

    /** {@code opencce users add NAME --role ROLE [--reset]}: creates a user, or resets one with --reset. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create a console user with a role in the program; with --reset, give an existing user a new"
                    + " password and this role (and enable it again).",
                "Prints a one-time password (only its bcrypt hash is stored); pass it on to the person safely."
                        + " The console asks for a password of their own at the first sign-in."})
    static final class Add implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "NAME", description = "The user name people sign in with (case-insensitive).")
        String username;

        @Option(names = "--role", required = true, paramLabel = "admin|staff|viewer",
                description = "admin: everything; staff: day-to-day work with personal information; "
                        + "viewer: dashboards and accounts without personal information.")
        String role;

        @Option(names = "--reset", description = "The user exists: give it a new one-time password and this role.")
        boolean reset;

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
                Optional<UserStore.User> existing = users.find(username);
                if (existing.isPresent() && !reset) {
                    UserStore.User u = existing.get();
                    throw new OpenCceException("there is already a user '" + u.username() + "'"
                            + (u.username().equals(username) ? "" : " (user names ignore case)") + " with role "
                            + u.roleIn(program.id()).map(Users::label).orElse("none") + " in " + program.id()
                            + "; add --reset to give it a new one-time password and the role " + Users.label(granted)
                            + ", or choose another name");
                }
                if (existing.isEmpty() && reset) {
                    throw new OpenCceException("there is no user '" + username + "' to reset; leave out --reset to"
                            + " create it");
                }
                if (existing.isPresent() && granted != UserStore.Role.ADMIN) {
                    Users.requireAnotherAdmin(users, existing.get(), program, "change the role of");
                }
                String name = existing.map(UserStore.User::username).orElse(username);
                String password = OneTimePassword.next();
                users.saveUser(name, Passwords.hash(password.toCharArray()), true);
                users.grant(name, program.id(), granted);
                installation.database().sessions().deleteForUser(name);
                installation.database().audit().append(program.id(), Users.actor(),
                        reset ? "users.reset" : "users.add", name + " " + granted);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("user", name);
                    result.put("program", program.id().value());
                    result.put("role", Users.label(granted));
                    result.put("created", existing.isEmpty());
                    result.put("password", password);
                    result.put("mustChangePassword", true);
                    Output.printJson(out, result);
                } else {
                    out.printf("%s %s as %s of %s; one-time password: %s%n", existing.isPresent() ? "Reset" : "Created",
                            name, Users.label(granted), program.name(), password);
                    out.println("The console asks for a new password at the first sign-in with it.");
                    out.flush();
                }
            }
        }
    }

    /** {@code opencce users list}: every user, their role in the program and their state; never a hash. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the console users with their role in the program and whether they are disabled or"
                    + " still have a one-time password.")
    static final class ListUsers implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                List<UserStore.User> all = installation.database().users().list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (UserStore.User u : all) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("user", u.username());
                        row.put("role", u.roleIn(program.id()).map(Users::label).orElse(null));
                        row.put("disabled", u.disabled());
                        row.put("mustChangePassword", u.mustChangePassword());
                        rows.add(row);
                    }
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("program", program.id().value());
                    result.put("users", rows);
                    Output.printJson(out, result);
                    return;
                }
                out.printf("Console users of %s (%d)%n", program.name(), all.size());
                out.printf("%-32s %-8s %s%n", "user", "role", "state");
                for (UserStore.User u : all) {
                    List<String> state = new ArrayList<>();
                    state.add(u.disabled() ? "disabled" : "enabled");
                    if (u.mustChangePassword()) {
                        state.add("one-time password");
                    }
                    out.printf("%-32s %-8s %s%n", u.username(), u.roleIn(program.id()).map(Users::label).orElse("-"),
                            String.join(", ", state));
                }
                out.flush();
            }
        }
    }

    /** {@code opencce users disable NAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a user from signing in and end their console sessions; 'users enable' undoes it.")
    static final class Disable extends Change {
        Disable() {
            super("disable", "users.disable", "Disabled");
        }

        @Override
        boolean apply(UserStore users, UserStore.User user) {
            return users.setDisabled(user.username(), true);
        }
    }

    /** {@code opencce users enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Let a disabled user sign in again with their password.")
    static final class Enable extends Change {
        Enable() {
            super(null, "users.enable", "Enabled");
        }

        @Override
        boolean apply(UserStore users, UserStore.User user) {
            return users.setDisabled(user.username(), false);
        }
    }

    /** {@code opencce users remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user with their roles and sessions (the audit log keeps their name).")
    static final class Remove extends Change {
        Remove() {
            super("remove", "users.remove", "Removed");
        }

        @Override
        boolean apply(UserStore users, UserStore.User user) {
            return users.remove(user.username());
        }
    }

    /** What disable, enable and remove share: find the user, guard the last admin, apply, audit, report. */
    abstract static class Change implements Runnable {
        private final String guardedVerb;
        private final String action;
        private final String done;

        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "NAME", description = "The user name (case-insensitive).")
        String username;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        /** {@code guardedVerb}: what the last admin may not undergo ("disable"), or null when harmless. */
        Change(String guardedVerb, String action, String done) {
            this.guardedVerb = guardedVerb;
            this.action = action;
            this.done = done;
        }

        abstract boolean apply(UserStore users, UserStore.User user);

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                UserStore users = installation.database().users();
                UserStore.User user = users.find(username).orElseThrow(() -> new OpenCceException(
                        "there is no user '" + username + "'; 'opencce users list' shows the users"));
                if (guardedVerb != null) {
                    Users.requireAnotherAdmin(users, user, program, guardedVerb);
                }
                apply(users, user);
                installation.database().audit().append(program.id(), Users.actor(), action, user.username());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("user", user.username());
                    result.put("program", program.id().value());
                    result.put("action", action.substring(action.indexOf('.') + 1));
                    Output.printJson(out, result);
                } else {
                    out.printf("%s %s.%n", done, user.username());
                    out.flush();
                }
            }
        }
    }

    /** Helpers of the user commands. */
    static final class Users {
        private Users() {
        }

        static String label(UserStore.Role role) {
            return role.name().toLowerCase(Locale.ROOT);
        }

        /** The audit log's actor for a command-line change: the operating system user. */
        static String actor() {
            return "cli:" + System.getProperty("user.name");
        }

        /**
         * Refuses to {@code verb} {@code user} when they are the program's only enabled administrator:
         * nobody would be left to manage users and roles in the console.
         */
        static void requireAnotherAdmin(UserStore users, UserStore.User user, Program program, String verb) {
            if (user.disabled() || user.roleIn(program.id()).orElse(null) != UserStore.Role.ADMIN) {
                return;
            }
            boolean another = users.list().stream().anyMatch(u -> !u.disabled()
                    && !u.username().equalsIgnoreCase(user.username())
                    && u.roleIn(program.id()).orElse(null) == UserStore.Role.ADMIN);
            if (!another) {
                throw new OpenCceException("cannot " + verb + " " + user.username() + ": it is the only enabled admin"
                        + " of " + program.id() + "; first make another user admin ('opencce users add NAME --role"
                        + " admin')");
            }
        }
    }
}
