package org.opencce.store;

import org.opencce.domain.OpenCceException;

/** The database or the interval files could not be read or written; the message says what to check. */
public class StoreException extends OpenCceException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
