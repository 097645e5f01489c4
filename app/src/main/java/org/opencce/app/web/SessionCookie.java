package org.opencce.app.web;

import io.javalin.http.Context;

/**
 * The session cookie: {@code HttpOnly} (scripts cannot read it), {@code SameSite=Strict} (other
 * sites cannot make the browser send it) and {@code Secure} when the request came over HTTPS,
 * directly or through a trusted proxy that says so in {@code X-Forwarded-Proto}. It has no expiry: it ends
 * with the browser session, and the server ends it sooner (see
 * {@link org.opencce.app.security.SessionStore}).
 */
final class SessionCookie {
    static final String NAME = "opencce_session";

    private SessionCookie() {
    }

    static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    static void write(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict"
                + (isHttps(ctx) ? "; Secure" : ""));
    }

    static void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (isHttps(ctx) ? "; Secure" : ""));
    }

    /**
     * Whether the browser talks HTTPS, directly or through a trusted proxy's {@code X-Forwarded-Proto}
     * (only {@code --trusted-proxy} peers are believed).
     */
    static boolean isHttps(Context ctx) {
        return Requests.isHttps(ctx);
    }
}
