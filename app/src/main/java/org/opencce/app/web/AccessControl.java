package org.opencce.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.UserStore;
import org.opencce.store.UserStore.Role;

/**
 * The filters every request passes before its handler: security headers, the session from its
 * cookie, the CSRF check of state-changing requests, and sign-in plus a role in the program for
 * everything under {@code /console} and {@code /api/console}. Thread-safe.
 */
final class AccessControl {
    /**
     * Scripts, styles, images and requests only from this site; no inline script or style, no
     * plugins, no framing (clickjacking).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "csrf";
    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final ProgramId program;
    private final SessionStore sessions;
    private final UserStore users;

    AccessControl(ProgramId program, SessionStore sessions, UserStore users) {
        this.program = program;
        this.sessions = sessions;
        this.users = users;
    }

    void addSecurityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (SessionCookie.isHttps(ctx)) {
            // Browsers ignore this header over plain HTTP, so a forged X-Forwarded-Proto cannot misuse it.
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (isConsolePath(ctx.path()) || ctx.path().equals("/login")) {
            // Pages with personal information must not stay in shared caches or the back-forward cache.
            ctx.header("Cache-Control", "no-store");
        }
    }

    void loadSession(Context ctx) {
        sessions.find(SessionCookie.read(ctx)).ifPresent(s -> Requests.setSession(ctx, s));
    }

    /** Refuses a POST, PUT, PATCH or DELETE whose CSRF token is missing or is not its session's. */
    void checkCsrf(Context ctx) {
        if (!STATE_CHANGING.contains(ctx.method())) {
            return;
        }
        Optional<Session> session = Requests.session(ctx);
        if (session.isEmpty()) {
            throw WebProblem.forbidden("This form has expired or your browser did not send the session cookie,"
                    + " so it was not accepted (CSRF protection). Reload the page and try again.");
        }
        String token = ctx.header(CSRF_HEADER);
        if (token == null && isForm(ctx)) {
            token = ctx.formParam(CSRF_FIELD);
        }
        if (!session.get().acceptsCsrfToken(token)) {
            throw WebProblem.forbidden("The request did not carry this session's security token (CSRF protection),"
                    + " so it was refused. Reload the page and submit the form again.");
        }
    }

    /**
     * Lets a console request through only for a signed-in user with a role in the program: browsers
     * are sent to the sign-in page (and back afterwards), API clients get 401, users without a role
     * 403.
     */
    void requireConsoleUser(Context ctx) {
        if (!isConsolePath(ctx.path())) {
            return;
        }
        Optional<Session> session = Requests.session(ctx).filter(Session::isLoggedIn);
        Optional<UserStore.User> user = session.flatMap(s -> users.find(s.username().orElseThrow()));
        if (user.isEmpty()) {
            session.ifPresent(s -> sessions.end(s.id()));
            String login = "/login?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8);
            if (Requests.isApi(ctx)) {
                throw WebProblem.unauthorized("Sign in first: this API needs a console session (sign in at /login).");
            }
            if (Requests.isHtmx(ctx)) {
                ctx.header("HX-Redirect", login);
                throw WebProblem.unauthorized("Your session has ended; please sign in again.");
            }
            throw new Redirect(login);
        }
        Optional<Role> role = user.get().roleIn(program);
        if (role.isEmpty()) {
            throw WebProblem.forbidden("You are signed in as " + user.get().username() + ", but this user has no role"
                    + " in the program " + program + ". Ask an administrator to grant you the admin, staff or"
                    + " viewer role.");
        }
        Requests.setUser(ctx, new ConsoleUser(user.get().username(), role.get()));
    }

    static boolean isConsolePath(String path) {
        return path.equals("/console") || path.startsWith("/console/") || path.equals("/api/console")
                || path.startsWith("/api/console/");
    }

    /**
     * Where to go after signing in: a console path of this site, or the dashboard. Anything else
     * (another host, {@code //evil.example}, backslashes) is ignored, so the login page cannot be
     * used to send people to another site.
     */
    static String safeNext(String next) {
        if (next == null || !(next.equals("/console") || next.startsWith("/console/") || next.startsWith("/console?"))
                || next.contains("//") || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/console";
        }
        return next;
    }

    private static String pathWithQuery(Context ctx) {
        String query = ctx.queryString();
        return query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }
}
