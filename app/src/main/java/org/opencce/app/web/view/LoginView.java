package org.opencce.app.web.view;

import java.util.Optional;

/**
 * The sign-in form: where to go after signing in, the name typed last time, and a message (wrong
 * password, too many attempts, signed out).
 */
public record LoginView(Frame frame, String next, String username, Optional<String> error, Optional<String> notice) {
}
