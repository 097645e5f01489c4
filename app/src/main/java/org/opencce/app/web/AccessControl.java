package org.opencce.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.app.security.TrustedProxies;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.UserStore;
import org.opencce.store.UserStore.Role;

/**
 * The filters every request passes before its handler: who the client is (its address and whether
 * it uses HTTPS, through trusted proxies only), security headers, the session from its cookie, the
 * CSRF check of state-changing requests, and sign-in plus a role in the program for everything
 * under {@code /console} and {@code /api/console}; a user with a one-time password reaches only the
 * change-password form until they chose a password. Thread-safe.
 */
final class AccessControl {
    /**
     * Scripts, styles, images and requests only from this site; no inline script or style, no
     * plugins, no framing (clickjacking).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    /**
     * The headers every response carries, including Jetty's own error pages for requests that never
     * reach the app (see {@link SecureErrorHandler}).
     */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();
    /** Where a user with a one-time password must go first. */
    static final String CHANGE_PASSWORD_PATH = "/console/password";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "csrf";
    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final ProgramId program;
    private final SessionStore sessions;
    private final UserStore users;
    private final TrustedProxies proxies;

    AccessControl(ProgramId program, SessionStore sessions, UserStore users, TrustedProxies proxies) {
        this.program = program;
        this.sessions = sessions;
        this.users = users;
        this.proxies = proxies;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Records the client's address and whether it uses HTTPS: from the TCP peer, or from
     * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} when the peer is a trusted proxy.
     */
    void identifyClient(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String address = proxies.clientAddress(peer, Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        boolean https = ctx.req().isSecure() || proxies.forwardedHttps(peer, ctx.header("X-Forwarded-Proto"));
        Requests.setClient(ctx, address, https);
    }

    void addSecurityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (SessionCookie.isHttps(ctx)) {
            // Browsers ignore this header over plain HTTP; X-Forwarded-Proto counts only from a trusted proxy.
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (isConsolePath(ctx.path()) || ctx.path().equals("/login") || ctx.path().equals(PortalPages.PATH)) {
            // Pages with personal information must not stay in shared caches or the back-forward cache;
            // nor may the portal's form (its CSRF token is one visitor's) or its confirmation page.
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
        // A disabled or removed user's session ends at their next request, whatever the store did.
        Optional<UserStore.User> user = session.flatMap(s -> users.find(s.username().orElseThrow()))
                .filter(u -> !u.disabled());
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
        if (user.get().mustChangePassword() && !ctx.path().equals(CHANGE_PASSWORD_PATH)) {
            String message = "You signed in with a one-time password: choose your own password at "
                    + CHANGE_PASSWORD_PATH + " before using the console.";
            if (Requests.isApi(ctx)) {
                throw WebProblem.forbidden(message);
            }
            String form = CHANGE_PASSWORD_PATH + "?next="
                    + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8);
            if (Requests.isHtmx(ctx)) {
                ctx.header("HX-Redirect", form);
                throw WebProblem.forbidden(message);
            }
            throw new Redirect(form);
        }
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
