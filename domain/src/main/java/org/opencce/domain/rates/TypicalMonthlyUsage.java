package org.opencce.domain.rates;

import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.Energy;

/**
 * How much electricity a typical residential customer of a utility uses in a month, as the utility
 * publishes it: a range from {@code low} to {@code high} (equal when a single figure is quoted). An
 * empty {@code rateClass} means the figure is for all residential customers together. Used to show
 * savings on a typical bill when a customer's own usage is unknown. Immutable and thread-safe.
 */
public record TypicalMonthlyUsage(Utility utility, Optional<RateClass> rateClass, String description, Energy low,
        Energy high, String note, String source) {

    public TypicalMonthlyUsage {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
        if (low.kilowattHours() <= 0 || high.compareTo(low) < 0) {
            throw new IllegalArgumentException("typical monthly usage must be a positive range low ≤ high, was "
                    + low + " to " + high);
        }
    }

    /** The middle of the range, the single figure to use for a typical bill. */
    public Energy midpoint() {
        return low.plus(high).times(0.5);
    }

    /** Whether this figure describes customers of {@code rateClass} (the all-residential figure describes every residential class). */
    public boolean describes(RateClass rateClass) {
        return this.rateClass.map(c -> c == rateClass).orElse(rateClass.isResidential());
    }
}
