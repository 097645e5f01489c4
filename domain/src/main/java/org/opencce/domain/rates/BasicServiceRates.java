package org.opencce.domain.rates;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.Utility;

/** The known Basic Service rates of the utilities, the benchmark every program price is compared with. */
public record BasicServiceRates(List<BasicServiceRate> rates) {
    public BasicServiceRates {
        rates = rates.stream().sorted(Comparator.comparing(BasicServiceRate::start)).toList();
    }

    /** The rate in force on {@code day}, if one is known. */
    public Optional<BasicServiceRate> inForce(Utility utility, LocalDate day) {
        return rates.stream().filter(r -> r.utility() == utility && r.covers(day)).reduce((a, b) -> b);
    }

    /**
     * The rate in force on {@code day}, or else the latest one known that started before it: the best
     * benchmark we have (callers show its period so nobody mistakes an old price for today's).
     */
    public Optional<BasicServiceRate> latestOnOrBefore(Utility utility, LocalDate day) {
        return inForce(utility, day).or(() -> rates.stream()
                .filter(r -> r.utility() == utility && !r.start().isAfter(day))
                .reduce((a, b) -> b));
    }
}
