package org.opencce.formats.edi;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A trading partner as the 814 names it in an N1 segment: the utility (N1*8S, the LDC) or the
 * supplier (N1*SJ, the ESP, that is the program's competitive supplier). {@code id} is N104, the
 * partner's identification code; {@code qualifier} is N103, what kind of code it is ({@code 1} a
 * D-U-N-S number, {@code 9} a D-U-N-S+4, {@code ZZ} mutually defined); {@code name} is N102, free text.
 * The id and qualifier identify the partner; the name is shown to people only
 * (docs/formats/edi-814.md). Immutable and thread-safe.
 */
public record EdiParty(String id, String qualifier, String name) {
    private static final Set<String> QUALIFIERS = Set.of("1", "9", "ZZ");
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{2,80}");

    public EdiParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(name, "name");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("party id (N104) must be 2 to 80 letters, digits or dashes, was '"
                    + id + "'");
        }
        if (!QUALIFIERS.contains(qualifier)) {
            throw new IllegalArgumentException("party id qualifier (N103) must be 1 (D-U-N-S), 9 (D-U-N-S+4) or ZZ"
                    + " (mutually defined), was '" + qualifier + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("party name (N102) of " + qualifier + " " + id + " must not be blank");
        }
    }

    /** Whether an N1 segment naming {@code otherQualifier} {@code otherId} names this party. */
    boolean isIdentifiedBy(String otherQualifier, String otherId) {
        return qualifier.equals(otherQualifier) && id.equals(otherId);
    }
}
