package org.opencce.app.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages with the security headers every page of the site carries (CSP, frame and
 * content-type options, referrer policy). Jetty answers some requests itself, before any Javalin
 * filter runs: a malformed request line (400), a URI too long (414), headers too large (431); without
 * this handler those pages came without the headers. Thread-safe.
 */
final class SecureErrorHandler extends ErrorHandler {

    SecureErrorHandler() {
        // Jetty's default page shows the servlet's name and may show stack traces; neither helps.
        setShowServlet(false);
        setShowStacks(false);
    }

    /** The errors Jetty finds while parsing a request. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        AccessControl.SECURITY_HEADERS.forEach(fields::put);
        return super.badMessageError(status, reason, fields);
    }

    /** Errors of requests that reached Jetty's handlers but not Javalin's error pages. */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!response.isCommitted()) {
            AccessControl.SECURITY_HEADERS.forEach(response::setHeader);
        }
        super.handle(target, baseRequest, request, response);
    }
}
