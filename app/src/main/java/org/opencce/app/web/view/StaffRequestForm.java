package org.opencce.app.web.view;

import java.util.List;

/**
 * The console form with which staff record a customer's request taken by phone, mail or reply card:
 * where it posts, and the choices of request, channel and product.
 */
public record StaffRequestForm(String action, List<AccountSearchView.Option> kinds,
        List<AccountSearchView.Option> channels, List<AccountSearchView.Option> products) {

    public StaffRequestForm {
        kinds = List.copyOf(kinds);
        channels = List.copyOf(channels);
        products = List.copyOf(products);
    }
}
