package org.opencce.domain.community;

import java.util.Objects;

/**
 * A member municipality of a program. {@code population} is the 2020 census count.
 */
public record Town(String name, Utility utility, LoadZone loadZone, int population) {
    public Town {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(loadZone, "loadZone");
        if (name.isBlank()) {
            throw new IllegalArgumentException("town name must not be blank");
        }
        if (population < 0) {
            throw new IllegalArgumentException("population of " + name + " must not be negative, was " + population);
        }
    }
}
