package org.opencce.domain.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.units.EnergyPrice;

/** What other Massachusetts aggregations charge, as a benchmark for a program's own prices. */
public final class PeerPrices {
    private PeerPrices() {
    }

    /**
     * The median price of the peers' default products offered in {@code month} (the middle one, or
     * the mean of the two middle ones, to 0.001 ¢/kWh), or empty when none is offered then.
     */
    public static Optional<EnergyPrice> medianDefaultPrice(List<PeerProduct> peers, YearMonth month) {
        List<BigDecimal> cents = peers.stream()
                .filter(p -> p.isDefault() && !month.isBefore(p.termStart()) && !month.isAfter(p.termEnd()))
                .map(p -> p.price().centsPerKilowattHour())
                .sorted()
                .toList();
        if (cents.isEmpty()) {
            return Optional.empty();
        }
        int n = cents.size();
        BigDecimal median = n % 2 == 1 ? cents.get(n / 2)
                : cents.get(n / 2 - 1).add(cents.get(n / 2)).divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP);
        return Optional.of(EnergyPrice.ofCentsPerKilowattHour(median.setScale(3, RoundingMode.HALF_UP)));
    }
}
