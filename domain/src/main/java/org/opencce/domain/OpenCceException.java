package org.opencce.domain;

/**
 * Root of the unchecked exceptions that mean "this operation cannot continue". Expected outcomes
 * (a rejected record, an ineligible account) are returned as values, never thrown. Each message
 * says what went wrong and what the program administrator can do about it.
 */
public class OpenCceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OpenCceException(String message) {
        super(message);
    }

    public OpenCceException(String message, Throwable cause) {
        super(message, cause);
    }
}
