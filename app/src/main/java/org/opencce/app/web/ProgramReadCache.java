package org.opencce.app.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.opencce.domain.community.AccountCounts;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.ProgramStore;

/**
 * The web app's view of the program store: {@link #find} and {@link #products} are kept for
 * {@link #MAX_AGE}, everything else goes to the store. Every public page and the portal show the program's
 * name, towns and products, which change only when staff run {@code opencce program update}; reading them
 * from PostgreSQL on each request was three queries of every page and ten of the sixteen round trips of a
 * portal opt-out (form and post), which made the database the portal's bottleneck (issue 6, "Performance";
 * docs/benchmarks.md, {@code bench portal}). A program changed by another process (an external database)
 * shows on the site within {@link #MAX_AGE}; one changed through this object at once. A program not found
 * is not remembered, so a site started before its program was loaded shows it as soon as it is.
 * Thread-safe.
 */
final class ProgramReadCache implements ProgramStore {
    /** How stale the program and products shown may be. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ProgramStore store;
    private final LongSupplier nanoTime;
    private final Map<ProgramId, Kept<Program>> programs = new ConcurrentHashMap<>();
    private final Map<ProgramId, Kept<List<Product>>> products = new ConcurrentHashMap<>();

    ProgramReadCache(ProgramStore store) {
        this(store, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock that ages entries (tests move it) */
    ProgramReadCache(ProgramStore store, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A value read at {@code readAt} (nanoTime). */
    private record Kept<T>(T value, long readAt) {
    }

    @Override
    public Optional<Program> find(ProgramId id) {
        Kept<Program> kept = programs.get(id);
        long now = nanoTime.getAsLong();
        if (kept != null && fresh(kept, now)) {
            return Optional.of(kept.value());
        }
        Optional<Program> found = store.find(id);
        found.ifPresentOrElse(p -> programs.put(id, new Kept<>(p, now)), () -> programs.remove(id));
        return found;
    }

    @Override
    public List<Product> products(ProgramId program) {
        Kept<List<Product>> kept = products.get(program);
        long now = nanoTime.getAsLong();
        if (kept != null && fresh(kept, now)) {
            return kept.value();
        }
        List<Product> read = List.copyOf(store.products(program));
        products.put(program, new Kept<>(read, now));
        return read;
    }

    private static boolean fresh(Kept<?> kept, long now) {
        return now - kept.readAt() < MAX_AGE.toNanos();
    }

    private void forget() {
        programs.clear();
        products.clear();
    }

    @Override
    public void save(Program program) {
        forget();
        store.save(program);
        forget();
    }

    @Override
    public void createDefinition(ProgramDefinition definition, AuditNote note) {
        forget();
        store.createDefinition(definition, note);
        forget();
    }

    @Override
    public void saveDefinition(ProgramDefinition definition, AuditNote note) {
        forget();
        store.saveDefinition(definition, note);
        forget();
    }

    @Override
    public Optional<ProgramDefinition> definition(ProgramId id) {
        return store.definition(id);
    }

    @Override
    public AccountCounts accountCounts(ProgramId id) {
        return store.accountCounts(id);
    }

    @Override
    public List<Program> list() {
        return store.list();
    }

    @Override
    public void saveProducts(List<Product> products) {
        forget();
        store.saveProducts(products);
        forget();
    }

    @Override
    public Optional<Product> product(ProgramId program, ProductId id) {
        return store.product(program, id);
    }

    @Override
    public void deleteAccountsAndProducts(ProgramId program) {
        forget();
        store.deleteAccountsAndProducts(program);
        forget();
    }
}
