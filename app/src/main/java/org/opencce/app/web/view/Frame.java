package org.opencce.app.web.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The page around the content: the program's name in the header, the page title, which navigation
 * item is current, the signed-in user (console pages) and the session's CSRF token for forms and
 * htmx requests (empty when there is no session), and the page's own script files under
 * {@code /static/js/}.
 */
public record Frame(String programName, String title, String section, Optional<SignedInUser> user, String csrfToken,
        List<String> scripts) {

    public Frame {
        Objects.requireNonNull(programName, "programName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        scripts = List.copyOf(scripts);
    }

    public boolean isConsole() {
        return user.isPresent();
    }

    public boolean hasCsrfToken() {
        return !csrfToken.isEmpty();
    }

    /** The value of the {@code hx-headers} attribute that makes htmx send the CSRF token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrfToken + "\"}";
    }

    /** The browser tab's title. */
    public String documentTitle() {
        return title.equals(programName) ? programName : title + " · " + programName;
    }

    /** A console user as the header shows them. */
    public record SignedInUser(String username, String role) {
    }
}
