package org.opencce.app.web.view;

/** An error page: HTTP status, a short title, what happened and what to do, and a way back. */
public record ErrorView(Frame frame, int status, String title, String message, String backHref, String backLabel) {
}
