package org.opencce.domain.units;

/**
 * An amount of electric energy, kept in kilowatt-hours. Metered energy is a measurement, so it is a
 * {@code double}; money computed from it is exact ({@link EnergyPrice#times(Energy)}). Immutable and
 * thread-safe.
 */
public record Energy(double kilowattHours) implements Comparable<Energy> {
    public static final Energy ZERO = new Energy(0);

    public Energy {
        if (!Double.isFinite(kilowattHours)) {
            throw new IllegalArgumentException("energy must be a finite number of kWh, was " + kilowattHours);
        }
    }

    public static Energy ofKilowattHours(double kwh) {
        return new Energy(kwh);
    }

    public static Energy ofMegawattHours(double mwh) {
        return new Energy(mwh * 1000.0);
    }

    public double megawattHours() {
        return kilowattHours / 1000.0;
    }

    public Energy plus(Energy other) {
        return new Energy(kilowattHours + other.kilowattHours);
    }

    public Energy minus(Energy other) {
        return new Energy(kilowattHours - other.kilowattHours);
    }

    public Energy times(double factor) {
        return new Energy(kilowattHours * factor);
    }

    @Override
    public int compareTo(Energy other) {
        return Double.compare(kilowattHours, other.kilowattHours);
    }

    @Override
    public String toString() {
        return kilowattHours + " kWh";
    }
}
