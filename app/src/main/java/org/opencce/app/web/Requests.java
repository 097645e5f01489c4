package org.opencce.app.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.opencce.app.security.Session;

/** What the security filters learned about a request, and questions every handler asks of one. */
final class Requests {
    private static final String SESSION = "opencce.session";
    private static final String USER = "opencce.user";
    private static final String CLIENT_ADDRESS = "opencce.client-address";
    private static final String HTTPS = "opencce.https";

    private Requests() {
    }

    static void setSession(Context ctx, Session session) {
        ctx.attribute(SESSION, session);
    }

    static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    static void setClient(Context ctx, String address, boolean https) {
        ctx.attribute(CLIENT_ADDRESS, address);
        ctx.attribute(HTTPS, https);
    }

    /**
     * The client's IP address: the TCP peer, or the address a trusted proxy forwarded (see
     * {@link org.opencce.app.security.TrustedProxies}).
     */
    static String clientAddress(Context ctx) {
        String address = ctx.attribute(CLIENT_ADDRESS);
        return address != null ? address : ctx.req().getRemoteAddr();
    }

    /** Whether the browser talks HTTPS, directly or through a trusted proxy that says so. */
    static boolean isHttps(Context ctx) {
        Boolean https = ctx.attribute(HTTPS);
        return https != null ? https : ctx.req().isSecure();
    }

    static void setUser(Context ctx, ConsoleUser user) {
        ctx.attribute(USER, user);
    }

    /** The console user; present on every {@code /console} and {@code /api/console} request that reached a handler. */
    static ConsoleUser user(Context ctx) {
        ConsoleUser user = ctx.attribute(USER);
        if (user == null) {
            throw WebProblem.unauthorized("Please sign in to use the staff console.");
        }
        return user;
    }

    static String csrfToken(Context ctx) {
        return session(ctx).map(Session::csrfToken).orElse("");
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** Whether htmx sent the request (it then wants a fragment, not a whole page). */
    static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** A query parameter with surrounding blanks removed; empty when absent or blank. */
    static Optional<String> query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }
}
