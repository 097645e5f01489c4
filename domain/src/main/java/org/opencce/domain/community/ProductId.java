package org.opencce.domain.community;

/** Identifies a product within a program, as a short slug ({@code standard}, {@code local-green}). */
public record ProductId(String value) {
    public ProductId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("product id must be a lowercase slug of letters, digits and"
                    + " dashes, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
