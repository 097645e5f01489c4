package org.opencce.app.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencce.app.security.LoginThrottle;
import org.opencce.app.security.Passwords;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.app.web.view.LoginView;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.AuditLog;
import org.opencce.store.UserStore;

/**
 * Signing in and out of the staff console. Every attempt is written to the audit log (never the
 * password), and so is every lockout the throttle imposes; failed attempts are throttled per (client
 * address, user name), see {@link LoginThrottle}. A disabled user is refused even with the right
 * password; a user with a one-time password is sent to the change-password form. Thread-safe.
 */
final class LoginPages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final int MAX_USERNAME_LENGTH = 64;

    private final ProgramId program;
    private final UserStore users;
    private final AuditLog audit;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Frames frames;
    private final Templates templates;

    LoginPages(ProgramId program, UserStore users, AuditLog audit, SessionStore sessions, LoginThrottle throttle,
            Clock clock, Frames frames, Templates templates) {
        this.program = program;
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
        this.frames = frames;
        this.templates = templates;
    }

    /** {@code GET /login}: the form, in a session of its own so that it can carry a CSRF token. */
    void form(Context ctx) {
        Optional<Session> session = Requests.session(ctx);
        String next = AccessControl.safeNext(ctx.queryParam("next"));
        if (session.isPresent() && session.get().isLoggedIn()) {
            throw new Redirect(next);
        }
        if (session.isEmpty()) {
            Session anonymous = sessions.startAnonymous();
            SessionCookie.write(ctx, anonymous.id());
            Requests.setSession(ctx, anonymous);
        }
        Optional<String> notice = ctx.queryParam("signed-out") != null
                ? Optional.of("You are signed out.") : Optional.empty();
        render(ctx, next, "", Optional.empty(), notice);
    }

    /** {@code POST /login}: checks the password, then starts a new session and goes where the user wanted. */
    void submit(Context ctx) {
        String username = clean(ctx.formParam("username"));
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        String next = AccessControl.safeNext(ctx.formParam("next"));
        String address = Requests.clientAddress(ctx);
        try {
            Optional<Instant> retryAt = throttle.retryAfter(address, username);
            if (retryAt.isPresent()) {
                // Not audited: the lockout was, once, when it began; a row per refused attempt would let
                // a guesser flood the append-only audit log.
                long seconds = Math.max(1, (Duration.between(clock.instant(), retryAt.get()).toMillis() + 999) / 1000);
                ctx.status(429).header("Retry-After", Long.toString(seconds));
                render(ctx, next, username, Optional.of("Too many failed sign-in attempts. Try again after "
                        + TIME.format(LocalCalendar.local(retryAt.get())) + " (in " + minutes(seconds) + ")."),
                        Optional.empty());
                return;
            }
            Optional<UserStore.User> user = username.isEmpty() ? Optional.empty() : users.find(username);
            boolean verified;
            if (user.isPresent()) {
                verified = Passwords.verify(password, user.get().passwordHash());
            } else {
                Passwords.verifyAgainstDecoy(password);
                verified = false;
            }
            if (!verified) {
                List<LoginThrottle.Lockout> lockouts = throttle.recordFailure(address, username);
                audit.append(program, actor(username), "login-failed",
                        (user.isPresent() ? "wrong password" : "unknown user") + " from " + address);
                for (LoginThrottle.Lockout lockout : lockouts) {
                    audit.append(program, actor(username), "login-locked-out", lockout.who() + " after "
                            + lockout.failures() + " failed attempts, until " + lockout.until());
                }
                ctx.status(401);
                render(ctx, next, username, Optional.of("Wrong user name or password."), Optional.empty());
                return;
            }
            throttle.recordSuccess(address, username);
            if (user.get().disabled()) {
                audit.append(program, user.get().username(), "login-refused", "user is disabled, from " + address);
                ctx.status(403);
                render(ctx, next, username, Optional.of("The user " + user.get().username() + " is disabled."
                        + " Ask a program administrator to enable it again ('opencce users add "
                        + user.get().username() + " --reset')."), Optional.empty());
                return;
            }
            Session session = sessions.logIn(Requests.session(ctx), user.get().username());
            SessionCookie.write(ctx, session.id());
            audit.append(program, user.get().username(), "login", "from " + address
                    + (user.get().mustChangePassword() ? " with a one-time password" : ""));
            if (user.get().mustChangePassword()) {
                throw new Redirect(AccessControl.CHANGE_PASSWORD_PATH + "?next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8));
            }
            throw new Redirect(next);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** {@code POST /logout}: ends the session (the CSRF filter has checked the token). */
    void logout(Context ctx) {
        Requests.session(ctx).ifPresent(s -> {
            sessions.end(s.id());
            s.username().ifPresent(name -> audit.append(program, name, "logout",
                    "from " + Requests.clientAddress(ctx)));
        });
        SessionCookie.clear(ctx);
        throw new Redirect("/login?signed-out");
    }

    private void render(Context ctx, String next, String username, Optional<String> error, Optional<String> notice) {
        LoginView view = new LoginView(frames.publicPage(ctx, "Staff sign-in", List.of()), next, username, error,
                notice);
        templates.respond(ctx, "login.jte", view);
    }

    /** The typed user name, trimmed and cut to a sane length for the form and the audit log. */
    private static String clean(String username) {
        if (username == null) {
            return "";
        }
        String trimmed = username.strip().replaceAll("\\p{Cntrl}", "");
        return trimmed.length() > MAX_USERNAME_LENGTH ? trimmed.substring(0, MAX_USERNAME_LENGTH) : trimmed;
    }

    private static String actor(String username) {
        return username.isEmpty() ? "(no user name)" : username;
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "about a minute" : minutes + " minutes";
    }
}
