package org.opencce.formats.customerlist;

import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/**
 * One accepted row of a utility's customer list: a customer eligible to be told about the program
 * before enrollment. {@code line} is the 1-based line the row starts on, counting the header as line 1
 * (0 for a row that was not read from a file). {@code supplyStatus} is {@link SupplyStatus#BASIC_SERVICE}
 * or {@link SupplyStatus#COMPETITIVE}: a list is received before anyone is enrolled in the program.
 * {@code mailingAddress} is present when the list gives one (all four mailing columns filled in).
 * {@code customerName}, {@code serviceAddress} and {@code mailingAddress} are personal information.
 * Immutable and thread-safe.
 */
public record CustomerListRow(
        long line,
        UtilityAccountNumber accountNumber,
        Utility utility,
        String town,
        RateClass rateClass,
        String customerName,
        ServiceAddress serviceAddress,
        SupplyStatus supplyStatus,
        boolean lowIncome,
        boolean netMetered,
        LoadZone loadZone,
        Optional<MailingAddress> mailingAddress) {

    public CustomerListRow {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(serviceAddress, "serviceAddress");
        Objects.requireNonNull(supplyStatus, "supplyStatus");
        Objects.requireNonNull(loadZone, "loadZone");
        Objects.requireNonNull(mailingAddress, "mailingAddress");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, was " + line);
        }
        if (town.isBlank() || customerName.isBlank()) {
            throw new IllegalArgumentException("customer list row of account " + accountNumber
                    + " needs a town and a customer name");
        }
        if (supplyStatus == SupplyStatus.PROGRAM) {
            throw new IllegalArgumentException("customer list row of account " + accountNumber
                    + ": a customer list is received before enrollment, so the supply status is Basic Service or"
                    + " competitive, not PROGRAM");
        }
    }

    /** A row without a mailing address: the customer's mail goes to the service address. */
    public CustomerListRow(long line, UtilityAccountNumber accountNumber, Utility utility, String town,
            RateClass rateClass, String customerName, ServiceAddress serviceAddress, SupplyStatus supplyStatus,
            boolean lowIncome, boolean netMetered, LoadZone loadZone) {
        this(line, accountNumber, utility, town, rateClass, customerName, serviceAddress, supplyStatus, lowIncome,
                netMetered, loadZone, Optional.empty());
    }

    /** The same row without its line number, to compare rows read from different files. */
    public CustomerListRow withoutLine() {
        return new CustomerListRow(0, accountNumber, utility, town, rateClass, customerName, serviceAddress,
                supplyStatus, lowIncome, netMetered, loadZone, mailingAddress);
    }
}
