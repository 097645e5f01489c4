package org.opencce.domain.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the customer of an account receives mail, when that is not the service address: a landlord's
 * office, a PO box, an owner who lives in another state. The program mails the opt-out notice there
 * (G. L. c. 164, § 134 requires notice to every customer to be enrolled; the utility's customer list
 * gives a mailing address for customers who have one). Personal information: shown only to staff.
 *
 * <p>{@code street} may hold several lines separated by line breaks ({@code "c/o Pioneer Property
 * Mgmt\nPO Box 112"}); {@code state} is a two-letter USPS code in upper case ({@code MA}, {@code NH});
 * {@code zip} is five digits or ZIP+4 ({@code 01002}, {@code 01002-1234}). Immutable and thread-safe.
 */
public record MailingAddress(String street, String city, String state, String zip) {
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    public MailingAddress {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zip, "zip");
        if (street.isBlank()) {
            throw new IllegalArgumentException("mailing address street must not be blank, was '" + street + "'");
        }
        if (city.isBlank()) {
            throw new IllegalArgumentException("mailing address city must not be blank, was '" + city + "'");
        }
        if (!STATE.matcher(state).matches()) {
            throw new IllegalArgumentException("mailing address state must be a two-letter code in upper case"
                    + " (MA), was '" + state + "'");
        }
        if (!ZIP.matcher(zip).matches()) {
            throw new IllegalArgumentException("mailing address ZIP code must be 5 digits (or ZIP+4), was '" + zip
                    + "'");
        }
    }

    /**
     * The service address as a mailing address: every service address of a program is in
     * Massachusetts, where the program's towns are.
     */
    public static MailingAddress of(ServiceAddress service) {
        return new MailingAddress(service.street(), service.city(), "MA", service.zip());
    }

    /**
     * The address as it is printed on an envelope: the street's lines (blank ones left out), then
     * {@code CITY ST ZIP} on the last line, as USPS Publication 28 (Postal Addressing Standards) lays it out.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(street)) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        lines.add(city.strip() + " " + state + " " + zip);
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return String.join(", ", lines());
    }
}
