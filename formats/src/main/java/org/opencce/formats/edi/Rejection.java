package org.opencce.formats.edi;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a utility rejected an 814 request: one REF*7G segment, REF02 the rejection reason code and REF03
 * its description (PA/NJ/DE/MD 814 IG, REF*7G; codes such as {@code A76} account not found or
 * {@code API} required information missing are the UIG's). A reject response carries one or more.
 * Immutable and thread-safe.
 */
public record Rejection(String code, Optional<String> text) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (code.isBlank()) {
            throw new IllegalArgumentException("rejection reason code (REF*7G REF02) must not be blank");
        }
        if (text.isPresent() && text.get().isBlank()) {
            throw new IllegalArgumentException("rejection " + code + ": the description (REF03) must not be blank;"
                    + " leave it out instead");
        }
    }
}
