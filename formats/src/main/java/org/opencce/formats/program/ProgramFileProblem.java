package org.opencce.formats.program;

import java.util.Objects;

/**
 * One thing wrong in a program file: the line to look at, the field (a path such as
 * {@code products[1].price_cents_per_kwh}, list items counted from 0; empty when the problem is not
 * with one field), and the reason, which says what is expected and what was found. Immutable and
 * thread-safe.
 *
 * @param line the 1-based line, or 0 when no line is to blame (an empty file)
 */
public record ProgramFileProblem(int line, String field, String reason) {
    public ProgramFileProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, was " + line);
        }
    }

    /** As a person reads it: {@code program.yaml line 14, products[1].price_cents_per_kwh: must be positive, was -1}. */
    public String describe(String source) {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(" line ").append(line);
        }
        if (!field.isEmpty()) {
            s.append(line > 0 ? ", " : " ").append(field);
        }
        return s.append(": ").append(reason).toString();
    }
}
