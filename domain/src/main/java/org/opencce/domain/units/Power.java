package org.opencce.domain.units;

import java.time.Duration;

/** Electric power (demand) in kilowatts. Immutable and thread-safe. */
public record Power(double kilowatts) implements Comparable<Power> {
    public static final Power ZERO = new Power(0);

    public Power {
        if (!Double.isFinite(kilowatts)) {
            throw new IllegalArgumentException("power must be a finite number of kW, was " + kilowatts);
        }
    }

    public static Power ofKilowatts(double kw) {
        return new Power(kw);
    }

    public static Power ofMegawatts(double mw) {
        return new Power(mw * 1000.0);
    }

    public double megawatts() {
        return kilowatts / 1000.0;
    }

    /** The energy delivered at this constant power over {@code duration}. */
    public Energy over(Duration duration) {
        return Energy.ofKilowattHours(kilowatts * duration.toSeconds() / 3600.0);
    }

    /** The average power that delivers {@code energy} in {@code duration}. */
    public static Power average(Energy energy, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        return new Power(energy.kilowattHours() * 3600.0 / duration.toSeconds());
    }

    @Override
    public int compareTo(Power other) {
        return Double.compare(kilowatts, other.kilowatts);
    }

    @Override
    public String toString() {
        return kilowatts + " kW";
    }
}
