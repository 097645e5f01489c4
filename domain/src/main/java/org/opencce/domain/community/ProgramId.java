package org.opencce.domain.community;

/** Identifies a program within an installation, as a short lowercase slug ({@code valley-green-energy}). */
public record ProgramId(String value) {
    public ProgramId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("program id must be a lowercase slug of letters, digits and"
                    + " dashes (at most 63), was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
