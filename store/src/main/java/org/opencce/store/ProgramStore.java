package org.opencce.store;

import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;

/** Programs, their towns and products. Thread-safe. */
public interface ProgramStore {

    /** Inserts or replaces the program and its towns. */
    void save(Program program);

    Optional<Program> find(ProgramId id);

    List<Program> list();

    /** Inserts or replaces products (by program and id). */
    void saveProducts(List<Product> products);

    List<Product> products(ProgramId program);

    Optional<Product> product(ProgramId program, ProductId id);

    /**
     * Removes the program's accounts (with their reserved ids and their enrollment histories), products
     * and import log, all in one transaction, to rebuild a program from scratch (the demo's
     * {@code --fresh}). The program, its towns, its users' grants and its append-only audit history stay.
     */
    void deleteAccountsAndProducts(ProgramId program);
}
