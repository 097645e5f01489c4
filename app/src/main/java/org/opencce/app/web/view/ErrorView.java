package org.opencce.app.web.view;

/**
 * An error page: HTTP status, a short title, what happened and what to do, and a way back.
 * {@code signedIn} offers a sign-out button (a user without a role can otherwise not leave).
 */
public record ErrorView(Frame frame, int status, String title, String message, String backHref, String backLabel,
        boolean signedIn) {
}
