package org.opencce.domain.rates;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;

/**
 * A utility's residential Basic Service price month by month, as a history for charts and for savings
 * over past periods. {@code source} is where the figures were published. Immutable and thread-safe.
 */
public record BasicServiceHistory(Utility utility, NavigableMap<YearMonth, EnergyPrice> priceByMonth, String source) {

    public BasicServiceHistory {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(source, "source");
        priceByMonth = Collections.unmodifiableNavigableMap(new TreeMap<>(priceByMonth));
        if (priceByMonth.isEmpty()) {
            throw new IllegalArgumentException("the Basic Service history of " + utility + " must have at least one month");
        }
        for (Map.Entry<YearMonth, EnergyPrice> e : priceByMonth.entrySet()) {
            Objects.requireNonNull(e.getValue(), "price of " + e.getKey());
        }
    }

    /** The price in {@code month}, if the history has it. */
    public Optional<EnergyPrice> priceIn(YearMonth month) {
        return Optional.ofNullable(priceByMonth.get(month));
    }

    public YearMonth firstMonth() {
        return priceByMonth.firstKey();
    }

    public YearMonth lastMonth() {
        return priceByMonth.lastKey();
    }

    /** The price of the last month in the history. */
    public EnergyPrice latestPrice() {
        return priceByMonth.lastEntry().getValue();
    }
}
