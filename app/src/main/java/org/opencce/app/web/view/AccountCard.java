package org.opencce.app.web.view;

import java.util.List;

/**
 * An account as one user may see it. For a viewer, {@code customerName} and {@code serviceAddress}
 * say that they are hidden and {@code number} is masked: the personal information is never put in
 * this record, so no page can show it.
 */
public record AccountCard(String id, String utility, String number, String customerName, String serviceAddress,
        boolean personalHidden, String town, String rateClass, String rateClassDescription, String supplyStatus,
        String product, List<String> flags, String loadZone) {

    public AccountCard {
        flags = List.copyOf(flags);
    }
}
