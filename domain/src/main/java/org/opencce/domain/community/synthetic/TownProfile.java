package org.opencce.domain.community.synthetic;

import java.util.List;
import java.util.Objects;

/**
 * What the synthetic population needs to know about a member town: how many utility accounts it has
 * at full size, and the streets (with their ZIP codes) where homes and businesses take service.
 * {@code town} is matched against the program's town names, ignoring case. Immutable and thread-safe.
 */
public record TownProfile(
        String town,
        int residentialAccounts,
        int commercialAccounts,
        List<Street> residentialStreets,
        List<Street> commercialStreets) {

    public TownProfile {
        Objects.requireNonNull(town, "town");
        residentialStreets = List.copyOf(residentialStreets);
        commercialStreets = List.copyOf(commercialStreets);
        if (residentialAccounts < 0 || commercialAccounts < 0) {
            throw new IllegalArgumentException("account counts of " + town + " must not be negative, were "
                    + residentialAccounts + " residential and " + commercialAccounts + " commercial");
        }
        if (residentialStreets.isEmpty() || commercialStreets.isEmpty()) {
            throw new IllegalArgumentException("town profile of " + town
                    + " needs at least one residential and one commercial street");
        }
    }

    /** A street of the town and the ZIP code of its addresses. */
    public record Street(String name, String zip) {
        public Street {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("street name must not be blank");
            }
            if (zip == null || !zip.matches("\\d{5}")) {
                throw new IllegalArgumentException("ZIP code of " + name + " must be 5 digits, was '" + zip + "'");
            }
        }
    }
}
