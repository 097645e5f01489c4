package org.opencce.domain.community;

import java.util.Objects;

/** The address where an account takes service. Personal information: shown only to staff. */
public record ServiceAddress(String street, String city, String zip) {
    public ServiceAddress {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(zip, "zip");
        if (street.isBlank()) {
            throw new IllegalArgumentException("service address street must not be blank");
        }
        if (!zip.matches("\\d{5}(-\\d{4})?")) {
            throw new IllegalArgumentException("ZIP code must be 5 digits (or ZIP+4), was '" + zip + "'");
        }
    }

    @Override
    public String toString() {
        return street + ", " + city + " MA " + zip;
    }
}
