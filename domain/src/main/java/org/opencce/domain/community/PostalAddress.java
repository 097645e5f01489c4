package org.opencce.domain.community;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A United States mailing address: where a program receives reply cards and returned notices. The
 * state is the two-letter USPS abbreviation in capitals ({@code MA}); the ZIP code has 5 digits or is a
 * ZIP+4, which is kept as {@code 01002-1234} however it was written (nine digits in a row are accepted).
 * Immutable and thread-safe.
 */
public record PostalAddress(String street, String city, String state, String zip) {
    /** The longest street or city kept, as the customer list's limits (docs/formats/customer-list.md). */
    public static final int MAX_STREET = 200;
    public static final int MAX_CITY = 100;

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");

    public PostalAddress {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zip, "zip");
        check("street", problemWithStreet(street));
        check("city", problemWithCity(city));
        check("state", problemWithState(state));
        check("ZIP code", problemWithZip(zip));
        if (zip.length() == 9) {
            zip = zip.substring(0, 5) + "-" + zip.substring(5);
        }
    }

    /** Why {@code street} cannot be the street line of an address, if it cannot. */
    public static Optional<String> problemWithStreet(String street) {
        return problemWithLine(street, MAX_STREET);
    }

    /** Why {@code city} cannot be the city of an address, if it cannot. */
    public static Optional<String> problemWithCity(String city) {
        return problemWithLine(city, MAX_CITY);
    }

    /** Why {@code state} is not a state abbreviation as USPS writes it, if it is not. */
    public static Optional<String> problemWithState(String state) {
        return STATE.matcher(state).matches() ? Optional.empty()
                : Optional.of("must be the two-letter postal abbreviation in capitals, such as MA, was '" + state + "'");
    }

    /** Why {@code zip} is not a ZIP code (5 digits, or 9 as ZIP+4), if it is not. */
    public static Optional<String> problemWithZip(String zip) {
        return ZIP.matcher(zip).matches() ? Optional.empty()
                : Optional.of("must be 5 digits or a ZIP+4 (01002 or 01002-1234), was '" + zip + "'");
    }

    private static Optional<String> problemWithLine(String text, int max) {
        if (text.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (text.length() > max) {
            return Optional.of("must be at most " + max + " characters, was " + text.length());
        }
        return Optional.empty();
    }

    private static void check(String field, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException("postal address " + field + " " + p);
        });
    }

    /** As printed on one line: {@code PO Box 555, Amherst, MA 01004}. */
    @Override
    public String toString() {
        return street + ", " + city + ", " + state + " " + zip;
    }
}
