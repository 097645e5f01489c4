package org.opencce.app.web;

/**
 * Ends a request with an HTTP error the user can act on: {@code status}, a short {@code title} and a
 * {@code message} saying what happened and what to do. Rendered as an error page for browsers and
 * as {@code {"status", "error", "message"}} JSON under {@code /api}.
 */
final class WebProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final transient Long retryAfterSeconds;

    WebProblem(int status, String title, String message) {
        this(status, title, message, null);
    }

    private WebProblem(int status, String title, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static WebProblem badRequest(String message) {
        return new WebProblem(400, "Bad request", message);
    }

    static WebProblem notFound(String message) {
        return new WebProblem(404, "Not found", message);
    }

    static WebProblem forbidden(String message) {
        return new WebProblem(403, "Forbidden", message);
    }

    static WebProblem unauthorized(String message) {
        return new WebProblem(401, "Sign-in required", message);
    }

    static WebProblem tooManyRequests(String message, long retryAfterSeconds) {
        return new WebProblem(429, "Too many attempts", message, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    /** Seconds to put in a {@code Retry-After} header, or {@code null}. */
    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
