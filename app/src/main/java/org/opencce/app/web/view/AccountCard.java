package org.opencce.app.web.view;

import java.util.List;

/**
 * An account as one user may see it. For a viewer, {@code customerName} and {@code serviceAddress}
 * say that they are hidden and {@code number} is masked: the personal information is never put in
 * this record, so no page can show it. {@code mailingAddress} is where the customer's mail goes, for
 * roles that see personal information only; it is empty for a viewer, so a page cannot even tell
 * whether the customer has one (that would tell who rents).
 */
public record AccountCard(String id, String utility, String number, String customerName, String serviceAddress,
        boolean personalHidden, String town, String rateClass, String rateClassDescription, String supplyStatus,
        String product, List<String> flags, String loadZone, String mailingAddress) {

    public AccountCard {
        flags = List.copyOf(flags);
        if (personalHidden && !mailingAddress.isEmpty()) {
            throw new IllegalArgumentException("account " + id + ": a card without personal information must not"
                    + " carry a mailing address");
        }
    }

    /** A card without a mailing address line. */
    public AccountCard(String id, String utility, String number, String customerName, String serviceAddress,
            boolean personalHidden, String town, String rateClass, String rateClassDescription, String supplyStatus,
            String product, List<String> flags, String loadZone) {
        this(id, utility, number, customerName, serviceAddress, personalHidden, town, rateClass, rateClassDescription,
                supplyStatus, product, flags, loadZone, "");
    }

    /** Whether the page shows a mailing address line (staff only). */
    public boolean showsMailingAddress() {
        return !mailingAddress.isEmpty();
    }
}
