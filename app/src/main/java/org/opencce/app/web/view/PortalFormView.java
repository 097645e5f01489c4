package org.opencce.app.web.view;

import java.util.List;
import java.util.Objects;

/**
 * The public form where customers opt out, change product or join: what was typed (empty after a
 * failed match, so that the answer is the same whether or not the number exists), the choices, the
 * products with their prices, and what went wrong with the last submission ({@code problems}, empty
 * on a fresh form). Holds no account data: nothing here depends on whether an account matched.
 */
public record PortalFormView(Frame frame, String programName, String accountNumber, String zip,
        List<Choice> kinds, List<ProductChoice> products, String problemTitle, List<String> problems) {

    public PortalFormView {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(problemTitle, "problemTitle");
        kinds = List.copyOf(kinds);
        products = List.copyOf(products);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** One of the things a customer can ask for: form value, label, a line of explanation. */
    public record Choice(String value, String label, String hint, boolean checked) {
    }

    /** A product on offer: its id (the form value), name, renewable content, price, term and badges. */
    public record ProductChoice(String id, String name, String renewable, String price, String term,
            boolean isDefault, boolean illustrative, boolean checked) {
    }
}
