package org.opencce.domain.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of US dollars, exact. Arithmetic keeps full precision; {@link #roundedToCents()} is
 * applied only where a bill line is written (half-up, as utilities round bill lines). Immutable and
 * thread-safe.
 */
public record Money(BigDecimal dollars) implements Comparable<Money> {
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(dollars, "dollars");
    }

    public static Money ofDollars(String dollars) {
        return new Money(new BigDecimal(dollars));
    }

    public static Money ofDollars(BigDecimal dollars) {
        return new Money(dollars);
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    public Money plus(Money other) {
        return new Money(dollars.add(other.dollars));
    }

    public Money minus(Money other) {
        return new Money(dollars.subtract(other.dollars));
    }

    public Money times(BigDecimal factor) {
        return new Money(dollars.multiply(factor));
    }

    public Money negated() {
        return new Money(dollars.negate());
    }

    public boolean isNegative() {
        return dollars.signum() < 0;
    }

    public Money roundedToCents() {
        return new Money(dollars.setScale(2, RoundingMode.HALF_UP));
    }

    @Override
    public int compareTo(Money other) {
        return dollars.compareTo(other.dollars);
    }

    /** Equal amounts are equal whatever their scale ($1.5 equals $1.50). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money && ((Money) o).dollars.compareTo(dollars) == 0;
    }

    @Override
    public int hashCode() {
        return dollars.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return "$" + roundedToCents().dollars.toPlainString();
    }
}
