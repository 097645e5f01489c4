package org.opencce.domain.supply;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencce.domain.units.Percent;

/**
 * The Massachusetts RPS Class I minimum standard (225 CMR 14.07): the share of retail sales every
 * supplier must cover with Class I RECs, by compliance year.
 */
public record ClassIStandard(Map<Integer, Percent> minimumByYear) {
    public ClassIStandard {
        minimumByYear = Map.copyOf(new TreeMap<>(minimumByYear));
        if (minimumByYear.isEmpty()) {
            throw new IllegalArgumentException("the Class I schedule must have at least one year");
        }
    }

    public Optional<Percent> minimumFor(int year) {
        return Optional.ofNullable(minimumByYear.get(year));
    }
}
