package org.opencce.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.AccountCounts;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.ProgramUpdate;

/** Programs, their towns and products. Thread-safe. */
public interface ProgramStore {

    /** Inserts or replaces the program (with its contact and opt-out window) and its towns. */
    void save(Program program);

    /**
     * Creates a program from its definition in one transaction: the program with its towns, its
     * products, and {@code note} in its audit log.
     *
     * @throws StoreException changing nothing, if a program with this id exists already, or if the
     *     definition breaks a rule of {@link ProgramUpdate#decideNew} (no default product)
     */
    void createDefinition(ProgramDefinition definition, AuditNote note);

    /**
     * Replaces the definition of a program in one transaction, all of it or nothing: the program with
     * its contact, window and towns, its products (a product left out of the definition is removed; the
     * others are updated in place, so accounts on them stay), and {@code note} in its audit log. A
     * program that does not exist yet is created. The change is checked again against
     * {@link ProgramUpdate#decide} inside the transaction, with the accounts as they are then, so that
     * accounts imported after the caller's own check are never stranded.
     *
     * @throws StoreException changing nothing, if the change is refused (the message gives every
     *     reason) or cannot be stored
     */
    void saveDefinition(ProgramDefinition definition, AuditNote note);

    /** The program with its products, cheapest first, as {@link #saveDefinition} stores them. */
    Optional<ProgramDefinition> definition(ProgramId id);

    /** How many of the program's accounts are in each of its towns and on each of its products. */
    AccountCounts accountCounts(ProgramId id);

    Optional<Program> find(ProgramId id);

    List<Program> list();

    /** Inserts or replaces products (by program and id). */
    void saveProducts(List<Product> products);

    List<Product> products(ProgramId program);

    Optional<Product> product(ProgramId program, ProductId id);

    /**
     * Removes the program's accounts (with their reserved ids and their enrollment histories), products
     * and import log, and its end if it was ended, all in one transaction, to rebuild a program from scratch
     * (the demo's {@code --fresh}). The program, its towns, its users' grants and its append-only audit
     * history stay.
     */
    void deleteAccountsAndProducts(ProgramId program);

    /**
     * What a change of a program's definition writes to its audit log, in the same transaction: who made
     * it ({@code actor}), what kind of change it is ({@code action}, such as {@code program.update}) and
     * what changed, in words ({@code detail}).
     */
    record AuditNote(String actor, String action, String detail) {
        public AuditNote {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
