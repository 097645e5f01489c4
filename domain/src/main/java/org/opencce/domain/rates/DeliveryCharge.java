package org.opencce.domain.rates;

import java.util.Objects;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.Energy;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Money;

/**
 * One line of a utility's delivery tariff for a rate class: a fixed customer charge per month or a
 * charge per kWh delivered (distribution, transmission, energy efficiency, …). Delivery is billed by
 * the utility whoever supplies the energy, so it is the same under Basic Service and under a program.
 * A credit is a negative amount. {@code note} carries the publisher's caveats (such as an unknown
 * effective date); {@code source} is where the figure was published. Immutable and thread-safe.
 */
public record DeliveryCharge(Utility utility, RateClass rateClass, String name, Amount amount, String note,
        String source) {

    public DeliveryCharge {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a delivery charge needs a name");
        }
    }

    /** What this charge adds to a month's bill in which {@code usage} was delivered. */
    public Money forMonth(Energy usage) {
        return amount.forMonth(usage);
    }

    /** Whether this line lowers the bill. */
    public boolean isCredit() {
        return amount.forMonth(Energy.ofKilowattHours(1)).isNegative();
    }

    /** How a delivery charge is levied. */
    public sealed interface Amount permits PerMonth, PerKilowattHour {
        /** The charge for one month in which {@code usage} was delivered. */
        Money forMonth(Energy usage);
    }

    /** A fixed amount per monthly bill, whatever the usage (the customer charge). */
    public record PerMonth(Money perMonth) implements Amount {
        public PerMonth {
            Objects.requireNonNull(perMonth, "perMonth");
        }

        @Override
        public Money forMonth(Energy usage) {
            return perMonth;
        }

        @Override
        public String toString() {
            return perMonth.dollars().toPlainString() + " $/month";
        }
    }

    /** A price per kWh delivered. */
    public record PerKilowattHour(EnergyPrice price) implements Amount {
        public PerKilowattHour {
            Objects.requireNonNull(price, "price");
        }

        @Override
        public Money forMonth(Energy usage) {
            return price.times(usage);
        }

        @Override
        public String toString() {
            return price.toString();
        }
    }
}
