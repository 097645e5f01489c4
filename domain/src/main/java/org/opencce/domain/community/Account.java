package org.opencce.domain.community;

import java.util.Objects;
import java.util.Optional;

/**
 * A utility account (a meter and its customer) in a program's towns. {@code customerName},
 * {@code serviceAddress} and {@code mailingAddress} are personal information. {@code product} is present
 * exactly when the account is supplied by the program ({@link SupplyStatus#PROGRAM}). {@code mailingAddress}
 * is present when the utility's customer list gives one apart from the service address (a landlord, a PO
 * box); mail for the customer goes there, see {@link #noticeAddress()}. Immutable and thread-safe.
 */
public record Account(
        AccountId id,
        ProgramId program,
        UtilityAccountNumber number,
        Utility utility,
        String town,
        RateClass rateClass,
        String customerName,
        ServiceAddress serviceAddress,
        SupplyStatus supplyStatus,
        Optional<ProductId> product,
        boolean lowIncome,
        boolean netMetered,
        LoadZone loadZone,
        Optional<MailingAddress> mailingAddress) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(serviceAddress, "serviceAddress");
        Objects.requireNonNull(supplyStatus, "supplyStatus");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(loadZone, "loadZone");
        Objects.requireNonNull(mailingAddress, "mailingAddress");
        if ((supplyStatus == SupplyStatus.PROGRAM) != product.isPresent()) {
            throw new IllegalArgumentException("account " + number + ": a product is required exactly when the"
                    + " supply status is PROGRAM (status " + supplyStatus + ", product " + product.orElse(null) + ")");
        }
    }

    /** An account without a mailing address of its own: mail goes to the service address. */
    public Account(AccountId id, ProgramId program, UtilityAccountNumber number, Utility utility, String town,
            RateClass rateClass, String customerName, ServiceAddress serviceAddress, SupplyStatus supplyStatus,
            Optional<ProductId> product, boolean lowIncome, boolean netMetered, LoadZone loadZone) {
        this(id, program, number, utility, town, rateClass, customerName, serviceAddress, supplyStatus, product,
                lowIncome, netMetered, loadZone, Optional.empty());
    }

    /**
     * Where the program mails this customer (the opt-out notice above all): the mailing address when the
     * customer list gives one, otherwise the service address, in Massachusetts. The notice rule:
     * "it goes to the mailing address when the list has one (landlords, PO boxes)".
     */
    public MailingAddress noticeAddress() {
        return mailingAddress.orElseGet(() -> MailingAddress.of(serviceAddress));
    }

    /** The same account with {@code address} as its mailing address (empty: mail goes to the service address). */
    public Account withMailingAddress(Optional<MailingAddress> address) {
        return new Account(id, program, number, utility, town, rateClass, customerName, serviceAddress, supplyStatus,
                product, lowIncome, netMetered, loadZone, address);
    }

    public boolean isResidential() {
        return rateClass.isResidential();
    }
}
