package org.opencce.app.web.view;

import java.util.Optional;

/**
 * The change-password form: where to go afterwards, whether the change is required (the user signed
 * in with a one-time password), what was wrong with the last attempt, and the shortest password
 * accepted (in characters).
 */
public record PasswordView(Frame frame, String next, boolean required, Optional<String> error, int minimumLength) {
}
