package org.opencce.formats.edi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One transaction set of an interchange: its ST02/SE02 control number and its content. The control
 * number is what a 997 acknowledges (AK202), so it is kept as read. Immutable and thread-safe.
 */
public record TransactionSet(String controlNumber, EdiTransaction content) {
    /** X12 element 329: 4 to 9 characters; OpenCCE writes and accepts letters and digits. */
    static final Pattern CONTROL_NUMBER = Pattern.compile("[0-9A-Za-z]{4,9}");

    public TransactionSet {
        Objects.requireNonNull(controlNumber, "controlNumber");
        Objects.requireNonNull(content, "content");
        if (!CONTROL_NUMBER.matcher(controlNumber).matches()) {
            throw new IllegalArgumentException("transaction set control number (ST02) must be 4 to 9 letters or"
                    + " digits, was '" + controlNumber + "'");
        }
    }
}
