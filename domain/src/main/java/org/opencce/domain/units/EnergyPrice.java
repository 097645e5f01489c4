package org.opencce.domain.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A price per unit of energy, kept exactly in dollars per kWh. Massachusetts supply prices are quoted
 * in cents per kWh to three decimals (14.411 ¢/kWh); wholesale prices in $/MWh. Immutable and
 * thread-safe.
 */
public record EnergyPrice(BigDecimal dollarsPerKilowattHour) implements Comparable<EnergyPrice> {

    public EnergyPrice {
        Objects.requireNonNull(dollarsPerKilowattHour, "dollarsPerKilowattHour");
    }

    public static EnergyPrice ofCentsPerKilowattHour(String cents) {
        return ofCentsPerKilowattHour(new BigDecimal(cents.trim()));
    }

    public static EnergyPrice ofCentsPerKilowattHour(BigDecimal cents) {
        return new EnergyPrice(cents.movePointLeft(2));
    }

    public static EnergyPrice ofDollarsPerMegawattHour(BigDecimal dollars) {
        return new EnergyPrice(dollars.movePointLeft(3));
    }

    public BigDecimal centsPerKilowattHour() {
        return dollarsPerKilowattHour.movePointRight(2);
    }

    public BigDecimal dollarsPerMegawattHour() {
        return dollarsPerKilowattHour.movePointRight(3);
    }

    /** The exact cost of {@code energy} at this price. */
    public Money times(Energy energy) {
        return Money.ofDollars(dollarsPerKilowattHour.multiply(BigDecimal.valueOf(energy.kilowattHours())));
    }

    public EnergyPrice plus(EnergyPrice other) {
        return new EnergyPrice(dollarsPerKilowattHour.add(other.dollarsPerKilowattHour));
    }

    public EnergyPrice minus(EnergyPrice other) {
        return new EnergyPrice(dollarsPerKilowattHour.subtract(other.dollarsPerKilowattHour));
    }

    /** This price relative to {@code reference}: negative when cheaper. */
    public Percent differenceFrom(EnergyPrice reference) {
        if (reference.dollarsPerKilowattHour.signum() == 0) {
            throw new IllegalArgumentException("cannot compare with a zero reference price");
        }
        BigDecimal ratio = dollarsPerKilowattHour.subtract(reference.dollarsPerKilowattHour)
                .divide(reference.dollarsPerKilowattHour, MathContext.DECIMAL64);
        return Percent.of(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).doubleValue());
    }

    @Override
    public int compareTo(EnergyPrice other) {
        return dollarsPerKilowattHour.compareTo(other.dollarsPerKilowattHour);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyPrice
                && ((EnergyPrice) o).dollarsPerKilowattHour.compareTo(dollarsPerKilowattHour) == 0;
    }

    @Override
    public int hashCode() {
        return dollarsPerKilowattHour.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return centsPerKilowattHour().stripTrailingZeros().toPlainString() + " ¢/kWh";
    }
}
