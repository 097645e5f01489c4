package org.opencce.app.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencce.app.security.LoginThrottle;
import org.opencce.app.security.Passwords;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.app.web.view.PasswordView;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.AuditLog;
import org.opencce.store.UserStore;

/**
 * {@code /console/password}: a signed-in user replaces their password. A user who signed in with a
 * one-time password is sent here before anything else (see {@link AccessControl}); afterwards the
 * one-time password no longer works, every other session of the user ends, and this browser gets a
 * new session id. A wrong current password counts as a failed sign-in for the throttle. Thread-safe.
 */
final class PasswordPages {
    /** The shortest password accepted, in characters: long enough for a pass phrase of a few words. */
    static final int MINIMUM_LENGTH = 12;

    private final ProgramId program;
    private final UserStore users;
    private final AuditLog audit;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final Frames frames;
    private final Templates templates;

    PasswordPages(ProgramId program, UserStore users, AuditLog audit, SessionStore sessions, LoginThrottle throttle,
            Frames frames, Templates templates) {
        this.program = program;
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
        this.throttle = throttle;
        this.frames = frames;
        this.templates = templates;
    }

    /** {@code GET /console/password}. */
    void form(Context ctx) {
        render(ctx, AccessControl.safeNext(ctx.queryParam("next")), Optional.empty());
    }

    /** {@code POST /console/password}: current password, new password twice (the CSRF filter ran). */
    void submit(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        String next = AccessControl.safeNext(ctx.formParam("next"));
        String address = Requests.clientAddress(ctx);
        char[] current = field(ctx, "current");
        char[] chosen = field(ctx, "password");
        char[] repeat = field(ctx, "repeat");
        try {
            if (throttle.retryAfter(address, user.username()).isPresent()) {
                fail(ctx, next, 429, "Too many wrong passwords. Wait a few minutes, then try again.");
                return;
            }
            UserStore.User stored = users.find(user.username()).orElseThrow(() -> WebProblem.unauthorized(
                    "Your user no longer exists; ask a program administrator."));
            if (!Passwords.verify(current, stored.passwordHash())) {
                throttle.recordFailure(address, user.username()).forEach(lockout -> audit.append(program,
                        user.username(), "login-locked-out", lockout.who() + " after " + lockout.failures()
                                + " failed attempts (change password), until " + lockout.until()));
                audit.append(program, user.username(), "password-change-failed", "wrong current password from "
                        + address);
                fail(ctx, next, 400, "The current password is not right.");
                return;
            }
            Optional<String> problem = problemWith(chosen, repeat, current);
            if (problem.isPresent()) {
                fail(ctx, next, 400, problem.get());
                return;
            }
            users.changePassword(stored.username(), Passwords.hash(chosen));
            // A one-time password may have been seen by others; no session opened with it survives.
            sessions.endAllOf(stored.username());
            Session fresh = sessions.logIn(Requests.session(ctx), stored.username());
            SessionCookie.write(ctx, fresh.id());
            audit.append(program, stored.username(), "password-changed",
                    (stored.mustChangePassword() ? "one-time password replaced" : "password replaced")
                            + " from " + address);
            throw new Redirect(next);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(chosen, '\0');
            Arrays.fill(repeat, '\0');
        }
    }

    /** What is wrong with the new password, if anything. */
    static Optional<String> problemWith(char[] chosen, char[] repeat, char[] current) {
        if (chosen.length < MINIMUM_LENGTH) {
            return Optional.of("The new password must have at least " + MINIMUM_LENGTH + " characters; it has "
                    + chosen.length + ". A few unrelated words make a good one.");
        }
        if (!Arrays.equals(chosen, repeat)) {
            return Optional.of("The two new passwords differ; type the same password twice.");
        }
        if (Arrays.equals(chosen, current)) {
            return Optional.of("The new password must differ from the current one.");
        }
        if (!Passwords.fitsBcrypt(chosen)) {
            return Optional.of("The new password must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8 (bcrypt"
                    + " ignores the rest); choose a shorter pass phrase.");
        }
        return Optional.empty();
    }

    private void fail(Context ctx, String next, int status, String message) {
        ctx.status(status);
        render(ctx, next, Optional.of(message));
    }

    private void render(Context ctx, String next, Optional<String> error) {
        boolean required = users.find(Requests.user(ctx).username()).map(UserStore.User::mustChangePassword)
                .orElse(false);
        PasswordView view = new PasswordView(frames.consolePage(ctx, "Choose your password", "password", List.of()),
                next, required, error, MINIMUM_LENGTH);
        templates.respond(ctx, "console/password.jte", view);
    }

    private static char[] field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").toCharArray();
    }
}
