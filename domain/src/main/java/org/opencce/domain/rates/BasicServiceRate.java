package org.opencce.domain.rates;

import java.time.LocalDate;
import java.util.Objects;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;

/**
 * A utility's Basic Service (default supply) price for residential customers over a period, both
 * dates inclusive. {@code source} is where the figure was published.
 */
public record BasicServiceRate(Utility utility, String rateClass, LocalDate start, LocalDate end, EnergyPrice price,
        String source) {
    public BasicServiceRate {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(source, "source");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Basic Service rate of " + utility + " ends (" + end + ") before it starts ("
                    + start + ")");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
