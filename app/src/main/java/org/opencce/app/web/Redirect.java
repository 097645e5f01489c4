package org.opencce.app.web;

/** Ends a request with a {@code 303 See Other} redirect to a path of this site. */
final class Redirect extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;

    Redirect(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    String location() {
        return location;
    }
}
