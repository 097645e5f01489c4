package org.opencce.app.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The account search page: the filters as typed, the choices of each filter, and one page of
 * results. {@code textSearchAllowed} is false for viewers: searching by name, street or account
 * number would let them find out personal information they may not see.
 */
public record AccountSearchView(Frame frame, String text, boolean textSearchAllowed, List<Option> towns,
        List<Option> rateClasses, List<Option> statuses, Results results) {

    public AccountSearchView {
        towns = List.copyOf(towns);
        rateClasses = List.copyOf(rateClasses);
        statuses = List.copyOf(statuses);
    }

    /** A choice of a select box. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * One page of matching accounts; {@code showPersonal} says whether the name and street columns
     * are shown (staff and administrators).
     */
    public record Results(List<AccountRow> rows, String summary, boolean showPersonal, Optional<String> previousHref,
            Optional<String> nextHref, String pageLabel) {
        public Results {
            rows = List.copyOf(rows);
        }
    }

    /** An account in the result table; {@code customer} and {@code street} are empty for viewers. */
    public record AccountRow(String id, String href, String number, String customer, String street, String town,
            String rateClass, String status, String product) {
    }
}
