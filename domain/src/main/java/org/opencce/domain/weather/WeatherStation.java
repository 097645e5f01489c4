package org.opencce.domain.weather;

import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A weather station as a typical-year file describes it: its identifier (the USAF number for TMY3,
 * {@code 744910}), name and state as written by the publisher, position in decimal degrees (north and
 * east positive), the fixed offset of its local standard time from UTC in whole hours (−5 for
 * Massachusetts), and elevation in metres above sea level. Immutable and thread-safe.
 */
public record WeatherStation(String id, String name, String state, double latitude, double longitude,
        int utcOffsetHours, double elevationMeters) {

    public WeatherStation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        if (!id.matches("[0-9A-Za-z]{1,12}")) {
            throw new IllegalArgumentException("weather station id must be 1 to 12 letters or digits, was '" + id + "'");
        }
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude of station " + id + " must be within −90..90°, was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude of station " + id + " must be within −180..180°, was "
                    + longitude);
        }
        if (utcOffsetHours < -12 || utcOffsetHours > 14) {
            throw new IllegalArgumentException("UTC offset of station " + id + " must be within −12..+14 h, was "
                    + utcOffsetHours);
        }
        if (!Double.isFinite(elevationMeters)) {
            throw new IllegalArgumentException("elevation of station " + id + " must be finite, was " + elevationMeters);
        }
    }

    /** The station's local standard time as a fixed offset (typical years ignore daylight saving time). */
    public ZoneOffset standardTime() {
        return ZoneOffset.ofHours(utcOffsetHours);
    }

    @Override
    public String toString() {
        return id + " " + name + ", " + state;
    }
}
