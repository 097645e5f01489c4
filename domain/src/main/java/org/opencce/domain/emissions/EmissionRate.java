package org.opencce.domain.emissions;

import org.opencce.domain.units.Emissions;
import org.opencce.domain.units.Energy;

/**
 * CO2 emitted per unit of electricity generated, kept in kilograms per MWh. ISO-NE publishes system
 * averages in lb/MWh and real-time fuel factors in metric tonnes per MW per minute; the factories
 * convert (1 lb = 0.45359237 kg; a MW held for one minute is 1/60 MWh). Immutable and thread-safe.
 */
public record EmissionRate(double kilogramsPerMegawattHour) implements Comparable<EmissionRate> {
    private static final double KG_PER_POUND = 0.45359237;
    private static final double MINUTES_PER_HOUR = 60.0;

    public EmissionRate {
        if (!Double.isFinite(kilogramsPerMegawattHour) || kilogramsPerMegawattHour < 0) {
            throw new IllegalArgumentException("emission rate must be a finite, non-negative number of kg/MWh, was "
                    + kilogramsPerMegawattHour);
        }
    }

    public static EmissionRate ofKilogramsPerMegawattHour(double kgPerMwh) {
        return new EmissionRate(kgPerMwh);
    }

    public static EmissionRate ofPoundsPerMegawattHour(double lbPerMwh) {
        return new EmissionRate(lbPerMwh * KG_PER_POUND);
    }

    public static EmissionRate ofMetricTonsPerMegawattHour(double tPerMwh) {
        return new EmissionRate(tPerMwh * 1000.0);
    }

    /** ISO-NE's real-time unit: tonnes emitted by one MW of output held for one minute. */
    public static EmissionRate ofMetricTonsPerMegawattMinute(double tPerMwMinute) {
        return new EmissionRate(tPerMwMinute * MINUTES_PER_HOUR * 1000.0);
    }

    public double poundsPerMegawattHour() {
        return kilogramsPerMegawattHour / KG_PER_POUND;
    }

    public double metricTonsPerMegawattHour() {
        return kilogramsPerMegawattHour / 1000.0;
    }

    /** The CO2 emitted generating {@code energy} at this rate. */
    public Emissions times(Energy energy) {
        return Emissions.ofKilograms(kilogramsPerMegawattHour * energy.megawattHours());
    }

    @Override
    public int compareTo(EmissionRate other) {
        return Double.compare(kilogramsPerMegawattHour, other.kilogramsPerMegawattHour);
    }

    @Override
    public String toString() {
        return kilogramsPerMegawattHour + " kg CO2/MWh";
    }
}
