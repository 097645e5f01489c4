package org.opencce.formats.customerlist;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a customer list, in the order {@link CustomerListWriter} writes them. Each has a
 * canonical header and the other headers utilities and consultants use for it; headers are matched
 * ignoring case, spaces, underscores and punctuation ({@code Acct #} matches {@code acct}).
 */
public enum CustomerListColumn {
    ACCOUNT_NUMBER("account_number", "account number", 30, true, "Account Number", "Account No", "Account #",
            "Acct #", "Acct No", "Acct Number", "account_no", "Account", "utility_account_number",
            "Utility Account Number"),
    UTILITY("utility", "utility", 50, true, "Distribution Company", "Distribution Utility", "EDC", "Utility Name"),
    TOWN("town", "town", 100, true, "Municipality", "Community"),
    RATE_CLASS("rate_class", "rate class", 10, true, "Rate", "Rate Code", "Rate Class", "Tariff"),
    CUSTOMER_NAME("customer_name", "customer name", 200, true, "Customer Name", "Name", "Account Name"),
    SERVICE_STREET("service_street", "service street", 200, true, "Service Address", "Street", "Service Street",
            "Address"),
    SERVICE_CITY("service_city", "service city", 100, true, "City", "Service City"),
    SERVICE_ZIP("service_zip", "ZIP code", 10, true, "ZIP", "Zip Code", "Postal Code", "Service ZIP"),
    SUPPLY_STATUS("supply_status", "supply status", 100, true, "Supplier", "Supply Status", "Generation Service",
            "Supply"),
    LOW_INCOME("low_income", "low income", 10, false, "Low Income", "LI", "Discount", "Low Income Discount"),
    NET_METERED("net_metered", "net metered", 10, false, "Net Metered", "Net Metering", "NEM"),
    LOAD_ZONE("load_zone", "load zone", 50, false, "Load Zone", "Zone"),
    /*
     * The mailing address, for customers whose mail goes elsewhere (issue 6, Notices: the notice goes to
     * the mailing address when the list has one). All four columns or none; a single "Mailing Address"
     * column holding the whole address on one line is not one of them: it is ignored, as splitting it
     * into street, city, state and ZIP would be a guess.
     */
    MAILING_STREET("mailing_street", "mailing street", 200, false, "Mailing Street", "Mail Street", "Mailing Street Address"),
    MAILING_CITY("mailing_city", "mailing city", 100, false, "Mailing City", "Mail City"),
    MAILING_STATE("mailing_state", "mailing state", 10, false, "Mailing State", "Mail State"),
    MAILING_ZIP("mailing_zip", "mailing ZIP code", 10, false, "Mailing ZIP", "Mailing Zip Code", "Mail ZIP",
            "Mailing Postal Code");

    private final String canonical;
    private final String label;
    private final int maxLength;
    private final boolean required;
    private final List<String> aliases;

    CustomerListColumn(String canonical, String label, int maxLength, boolean required, String... aliases) {
        this.canonical = canonical;
        this.label = label;
        this.maxLength = maxLength;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** What rejection messages call the column's value: "customer name", "ZIP code". */
    public String label() {
        return label;
    }

    /**
     * The most characters (UTF-16 code units, after trimming) a value may have; a longer value rejects
     * its row. The limits are generous for real names and addresses and keep one row from filling the
     * database or the report (see docs/formats/customer-list.md).
     */
    public int maxLength() {
        return maxLength;
    }

    /** The header {@link CustomerListWriter} writes, {@code account_number}. */
    public String canonical() {
        return canonical;
    }

    /** The four columns of the mailing address, which a list has all together or not at all. */
    public static List<CustomerListColumn> mailingAddress() {
        return List.of(MAILING_STREET, MAILING_CITY, MAILING_STATE, MAILING_ZIP);
    }

    /** Whether a list without this column cannot be read. */
    public boolean isRequired() {
        return required;
    }

    /** The other headers accepted for this column, as people write them. */
    public List<String> aliases() {
        return aliases;
    }

    /** The column a header means, if any. */
    public static Optional<CustomerListColumn> forHeader(String header) {
        String key = key(header);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (CustomerListColumn c : values()) {
            if (key(c.canonical).equals(key) || c.aliases.stream().anyMatch(a -> key(a).equals(key))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** "account_number (also Account Number, Acct #, …)", for messages about missing columns. */
    String describe() {
        return canonical + " (or " + String.join(", ", aliases) + ")";
    }

    static String key(String header) {
        // Called for values of every row too (supply status, load zone): a loop, not a regular expression.
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = Character.toLowerCase(header.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }
}
