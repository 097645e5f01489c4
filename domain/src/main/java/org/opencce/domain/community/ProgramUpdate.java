package org.opencce.domain.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules a new definition of a program must meet, whether it creates the program or replaces the
 * definition in use, and the decision they lead to. Each rule is a method named as the sentence it
 * enforces and returns why it is broken, if it is. Stateless and thread-safe.
 */
public final class ProgramUpdate {

    private ProgramUpdate() {
    }

    /** The outcome of checking a proposed definition: what would change, and whether it may. */
    public sealed interface Decision {
        ProgramDiff diff();
    }

    /** The change may be applied. */
    public record Allowed(ProgramDiff diff) implements Decision {
        public Allowed {
            Objects.requireNonNull(diff, "diff");
        }
    }

    /** The change must not be applied, for each of {@code reasons} (at least one). */
    public record Refused(ProgramDiff diff, List<String> reasons) implements Decision {
        public Refused {
            Objects.requireNonNull(diff, "diff");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one reason");
            }
        }
    }

    /**
     * Whether a new program may be created from {@code proposed}: only whether it is complete, since
     * there is nothing yet to strand.
     */
    public static Decision decideNew(ProgramDefinition proposed) {
        List<String> reasons = new ArrayList<>();
        exactlyOneProductIsTheDefault(proposed).ifPresent(reasons::add);
        ProgramDiff diff = ProgramDiff.creating(proposed);
        return reasons.isEmpty() ? new Allowed(diff) : new Refused(diff, reasons);
    }

    /**
     * Whether the program defined as {@code current}, with {@code accounts}, may be redefined as
     * {@code proposed}.
     */
    public static Decision decide(ProgramDefinition current, ProgramDefinition proposed, AccountCounts accounts) {
        Objects.requireNonNull(accounts, "accounts");
        ProgramDiff diff = ProgramDiff.between(current, proposed);
        List<String> reasons = new ArrayList<>();
        theIdNeverChanges(current, proposed).ifPresent(reasons::add);
        reasons.addAll(aTownWithAccountsStaysInTheProgram(diff, accounts));
        reasons.addAll(aTownWithAccountsKeepsItsUtility(diff, accounts));
        reasons.addAll(aProductWithAccountsStaysOnOffer(diff, accounts));
        exactlyOneProductIsTheDefault(proposed).ifPresent(reasons::add);
        return reasons.isEmpty() ? new Allowed(diff) : new Refused(diff, reasons);
    }

    /**
     * Accounts, users' roles, imports and the audit history all name the program by its id: a new
     * id is a new program.
     */
    static Optional<String> theIdNeverChanges(ProgramDefinition current, ProgramDefinition proposed) {
        if (current.id().equals(proposed.id())) {
            return Optional.empty();
        }
        return Optional.of("the program id cannot change (from " + current.id() + " to " + proposed.id()
                + "): accounts, roles and the audit log belong to " + current.id() + "; keep its id in the file,"
                + " or create a new program with 'opencce program init'");
    }

    /**
     * Customers of a member town are notified and enrolled as such (G. L. c. 164, § 134): a town
     * leaves only once its accounts are gone. A renamed town is removed and added as far as its
     * accounts are concerned.
     */
    static List<String> aTownWithAccountsStaysInTheProgram(ProgramDiff diff, AccountCounts accounts) {
        List<String> reasons = new ArrayList<>();
        for (Town town : diff.removedTowns()) {
            long n = accounts.inTown(town.name());
            if (n > 0) {
                reasons.add("town " + town.name() + " cannot be removed: it has " + count(n, "account")
                        + " (a renamed town counts as removed); keep it in the file");
            }
        }
        return reasons;
    }

    /**
     * An account's utility is the one that serves its town: changing a town's utility under its
     * accounts would send their enrollments to the wrong company.
     */
    static List<String> aTownWithAccountsKeepsItsUtility(ProgramDiff diff, AccountCounts accounts) {
        List<String> reasons = new ArrayList<>();
        for (ProgramChange change : diff.changes()) {
            if (change instanceof ProgramChange.TownChanged) {
                ProgramChange.TownChanged t = (ProgramChange.TownChanged) change;
                long n = accounts.inTown(t.before().name());
                if (t.before().utility() != t.after().utility() && n > 0) {
                    reasons.add("the utility of " + t.before().name() + " cannot change from "
                            + t.before().utility().displayName() + " to " + t.after().utility().displayName()
                            + ": it has " + count(n, "account") + " of " + t.before().utility().displayName());
                }
            }
        }
        return reasons;
    }

    /** A customer on a product stays on it until moved: the product cannot vanish under them. */
    static List<String> aProductWithAccountsStaysOnOffer(ProgramDiff diff, AccountCounts accounts) {
        List<String> reasons = new ArrayList<>();
        for (Product product : diff.removedProducts()) {
            long n = accounts.onProduct(product.id());
            if (n > 0) {
                reasons.add("product " + product.id() + " cannot be removed: " + count(n, "account")
                        + (n == 1 ? " is" : " are") + " on it; keep it in the file");
            }
        }
        return reasons;
    }

    /**
     * Customers who do not choose are enrolled on the default product (G. L. c. 164, § 134: enrollment
     * is automatic unless the customer opts out), so there must be one, and only one.
     */
    static Optional<String> exactlyOneProductIsTheDefault(ProgramDefinition proposed) {
        List<String> defaults = proposed.products().stream().filter(Product::isDefault).map(p -> p.id().value())
                .toList();
        if (defaults.size() == 1) {
            return Optional.empty();
        }
        return Optional.of(defaults.isEmpty()
                ? "no product is the default: mark exactly one product 'default: true'"
                : "products " + String.join(", ", defaults) + " are all marked default: mark exactly one");
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
