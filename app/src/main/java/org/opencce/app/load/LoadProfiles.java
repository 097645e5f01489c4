package org.opencce.app.load;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.load.Grouping;
import org.opencce.domain.load.LoadProfile;
import org.opencce.store.AccountStore;
import org.opencce.store.IntervalStore;
import org.opencce.store.ProgramStore;

/**
 * Community load by town, rate class or product: maps each account to its group (from the records)
 * and lets the interval store add up the hourly reads. Results are cached per (program, grouping,
 * period) until {@link #invalidate()} is called after new interval data or account changes.
 * Thread-safe.
 */
public final class LoadProfiles {
    private final ProgramStore programs;
    private final AccountStore accounts;
    private final IntervalStore intervals;
    private final Map<Key, LoadProfile> cache = new ConcurrentHashMap<>();

    public LoadProfiles(ProgramStore programs, AccountStore accounts, IntervalStore intervals) {
        this.programs = programs;
        this.accounts = accounts;
        this.intervals = intervals;
    }

    /** The hourly load of each group of the program's accounts in {@code [from, to)}. */
    public LoadProfile profile(ProgramId program, Grouping grouping, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts: " + from + " to " + to);
        }
        return cache.computeIfAbsent(new Key(program, grouping, from, to), k -> compute(program, grouping, from, to));
    }

    /** Forgets cached profiles; call after importing usage or changing accounts. */
    public void invalidate() {
        cache.clear();
    }

    private LoadProfile compute(ProgramId program, Grouping grouping, Instant from, Instant to) {
        Map<ProductId, String> productNames = new HashMap<>();
        for (Product p : programs.products(program)) {
            productNames.put(p.id(), p.name());
        }
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        Map<AccountId, Integer> groupOf = new HashMap<>();
        List<Account> all = accounts.all(program);
        all.stream().map(a -> grouping.groupOf(a, productNames)).sorted().distinct()
                .forEach(name -> groupIndex.put(name, groupIndex.size()));
        for (Account a : all) {
            groupOf.put(a.id(), groupIndex.get(grouping.groupOf(a, productNames)));
        }
        double[][] totals = intervals.hourlyTotals(groupOf, groupIndex.size(), from, to);
        return new LoadProfile(List.copyOf(groupIndex.keySet()), from, totals);
    }

    private record Key(ProgramId program, Grouping grouping, Instant from, Instant to) {
    }
}
