package org.opencce.store.pg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.store.AccountQuery;
import org.opencce.store.AccountStore;
import org.opencce.store.Page;
import org.opencce.store.StoreException;

/**
 * Accounts in the {@code accounts} table, their ids reserved in {@code account_ids} (one per program,
 * utility and utility account number, from the sequence {@code account_id_seq}). Bulk writes go as a
 * few statements over {@code unnest} of column arrays, so tens of thousands of accounts take about a
 * second. Thread-safe: every call takes its own handle from the pool.
 */
public final class PgAccountStore implements AccountStore {
    /** Rows per statement in {@link #upsert}; all chunks share one transaction. */
    private static final int CHUNK = 10_000;
    private static final int MAX_PAGE_SIZE = 10_000;

    static final String COLUMNS = "id, program_id, utility, utility_account_number, town, rate_class,"
            + " customer_name, street, city, zip, supply_status, product_id, low_income, net_metered, load_zone,"
            + " mailing_street, mailing_city, mailing_state, mailing_zip";

    private final Jdbi jdbi;

    public PgAccountStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Reserves ids for new keys in the order they first appear, so ids follow the order of a customer
     * list. Asking again for a key, before or after its account is stored, gives the same id.
     */
    @Override
    public List<AccountId> assignIds(ProgramId program, List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return Sql.inTransaction(jdbi, "assign account ids in " + program, h -> assignIds(h, program, keys));
    }

    static List<AccountId> assignIds(Handle h, ProgramId program, List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> utilities = new ArrayList<>(keys.size());
        List<String> numbers = new ArrayList<>(keys.size());
        for (Key key : keys) {
            utilities.add(key.utility().name());
            numbers.add(key.number().value());
        }
        h.createUpdate("INSERT INTO account_ids (program_id, utility, utility_account_number)"
                + " SELECT :program, k.utility, k.number"
                + " FROM unnest(:utilities, :numbers) WITH ORDINALITY AS k(utility, number, ord)"
                + " WHERE NOT EXISTS (SELECT 1 FROM account_ids a WHERE a.program_id = :program"
                + "   AND a.utility = k.utility AND a.utility_account_number = k.number)"
                + " GROUP BY k.utility, k.number ORDER BY min(k.ord)"
                + " ON CONFLICT DO NOTHING")
                .bind("program", program.value())
                .bindArray("utilities", String.class, utilities)
                .bindArray("numbers", String.class, numbers)
                .execute();
        Map<Key, AccountId> ids = new HashMap<>();
        h.createQuery("SELECT a.id, a.utility, a.utility_account_number FROM account_ids a"
                + " JOIN (SELECT DISTINCT utility, number FROM unnest(:utilities, :numbers) AS k(utility, number)) k"
                + "   ON a.utility = k.utility AND a.utility_account_number = k.number"
                + " WHERE a.program_id = :program")
                .bind("program", program.value())
                .bindArray("utilities", String.class, utilities)
                .bindArray("numbers", String.class, numbers)
                .map((rs, ctx) -> Map.entry(new Key(Utility.valueOf(rs.getString(2)),
                        new UtilityAccountNumber(rs.getString(3))), new AccountId(rs.getLong(1))))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        List<AccountId> result = new ArrayList<>(keys.size());
        for (Key key : keys) {
            AccountId id = ids.get(key);
            if (id == null) {
                throw new StoreException("Could not assign an id to account " + key.number() + " of "
                        + key.utility() + " in " + program + ": the id sequence is behind the stored ids."
                        + " Store the accounts again (which advances it) and retry.");
            }
            result.add(id);
        }
        return result;
    }

    /**
     * Inserts new accounts and replaces stored ones, all in one transaction; a stored account that did
     * not change keeps its {@code updated_at}. An account's id must be the one reserved for its
     * utility account number (from {@link #assignIds}, or given here the first time); when the same
     * id appears twice, the later account wins.
     */
    @Override
    public void upsert(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(h -> upsert(h, accounts));
        } catch (JdbiException e) {
            throw Sql.failure("store " + accounts.size() + " accounts", e);
        }
    }

    static void upsert(Handle h, List<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        Map<Long, Account> byId = new LinkedHashMap<>();
        for (Account a : accounts) {
            byId.put(a.id().value(), a);
        }
        List<Account> distinct = new ArrayList<>(byId.values());
        long maxId = byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        try {
            storeAll(h, distinct, maxId);
        } catch (JdbiException e) {
            String what = "Could not store " + distinct.size() + " accounts: ";
            Optional<String> constraint = Sql.violated(e, Sql.FOREIGN_KEY_VIOLATION);
            if (constraint.isPresent() && constraint.get().contains("product")) {
                throw new StoreException(what + "an account is on a product its program does not offer; save the"
                        + " products first (" + Sql.serverMessage(e) + ")", e);
            }
            if (constraint.isPresent() && constraint.get().contains("utility_account_number")) {
                throw new StoreException(what + "an account's id is reserved for another utility account number;"
                        + " take the ids from assignIds (" + Sql.serverMessage(e) + ")", e);
            }
            throw Sql.failure("store " + distinct.size() + " accounts", e);
        }
    }

    private static void storeAll(Handle h, List<Account> distinct, long maxId) {
        boolean aheadOfSequence = isAheadOfSequence(h, maxId);
        if (aheadOfSequence) {
            // Ids given by the caller beyond the sequence (fixtures, restores): keep concurrent
            // assignIds out until the sequence has been moved past them.
            h.execute("LOCK TABLE account_ids IN SHARE ROW EXCLUSIVE MODE");
        }
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            upsertChunk(h, distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        if (aheadOfSequence) {
            h.createQuery("SELECT setval('account_id_seq', (SELECT max(id) FROM account_ids))").mapTo(Long.class)
                    .one();
        }
    }

    /**
     * Runs {@code work} on one handle in one transaction. A failure inside rolls everything back: the
     * accounts, the reserved ids (the sequence itself moves on, as PostgreSQL sequences do, leaving a
     * gap), the import log entry and the audit entry. If the process dies, the server sees the
     * connection drop and rolls back the same way.
     */
    @Override
    public <T> T inTransaction(ProgramId program, Function<Batch, T> work) {
        Objects.requireNonNull(program, "program");
        try {
            return jdbi.inTransaction(h -> {
                PgTransaction batch = new PgTransaction(h, program);
                try {
                    return work.apply(batch);
                } finally {
                    batch.close();
                }
            });
        } catch (JdbiException e) {
            throw Sql.failure("store the accounts of " + program + " (nothing was stored)", e);
        }
    }

    /** The stored accounts of {@code program} among {@code ids}, by id, on {@code h}. */
    static Map<AccountId, Account> find(Handle h, ProgramId program, List<AccountId> ids) {
        Map<AccountId, Account> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = ANY(:ids) AND program_id = :program")
                .bindArray("ids", Long.class, ids.stream().map(AccountId::value).toList())
                .bind("program", program.value())
                .map((rs, ctx) -> account(rs))
                .forEach(a -> found.put(a.id(), a));
        return found;
    }

    /** Sets (or with null clears) the customer list that lists the accounts. */
    static void setListedBy(Handle h, ProgramId program, Collection<AccountId> ids, String sha256) {
        if (ids.isEmpty()) {
            return;
        }
        h.createUpdate("UPDATE accounts SET listed_by = :sha256 WHERE program_id = :program AND id = ANY(:ids)")
                .bind("sha256", sha256)
                .bind("program", program.value())
                .bindArray("ids", Long.class, ids.stream().map(AccountId::value).toList())
                .execute();
    }

    static Set<AccountId> listed(Handle h, ProgramId program, Collection<AccountId> ids) {
        Set<AccountId> listed = new HashSet<>();
        if (ids.isEmpty()) {
            return listed;
        }
        h.createQuery("SELECT id FROM accounts WHERE program_id = :program AND id = ANY(:ids)"
                + " AND listed_by IS NOT NULL")
                .bind("program", program.value())
                .bindArray("ids", Long.class, ids.stream().map(AccountId::value).toList())
                .map((rs, ctx) -> new AccountId(rs.getLong(1)))
                .forEach(listed::add);
        return listed;
    }

    static List<Account> listedByAnotherList(Handle h, ProgramId program, Utility utility, Collection<String> towns,
            String sha256) {
        if (towns.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE program_id = :program AND utility = :utility"
                + " AND lower(town) = ANY(:towns) AND listed_by IS NOT NULL AND listed_by <> :sha256 ORDER BY id")
                .bind("program", program.value())
                .bind("utility", utility.name())
                .bindArray("towns", String.class, towns.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct()
                        .toList())
                .bind("sha256", sha256)
                .map((rs, ctx) -> account(rs))
                .list();
    }

    /** A file's SHA-256 as the tables keep it: 64 lower-case hexadecimal digits. */
    static String sha256(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("SHA-256 must be 64 hexadecimal digits, was '" + sha256 + "'");
        }
        return sha256.toLowerCase(Locale.ROOT);
    }

    private static boolean isAheadOfSequence(Handle h, long maxId) {
        return h.createQuery("SELECT :max > last_value OR (:max = last_value AND NOT is_called) FROM account_id_seq")
                .bind("max", maxId)
                .mapTo(Boolean.class)
                .one();
    }

    private static void upsertChunk(Handle h, List<Account> chunk) {
        int n = chunk.size();
        List<Long> ids = new ArrayList<>(n);
        List<String> programs = new ArrayList<>(n);
        List<String> utilities = new ArrayList<>(n);
        List<String> numbers = new ArrayList<>(n);
        List<String> towns = new ArrayList<>(n);
        List<String> rateClasses = new ArrayList<>(n);
        List<String> names = new ArrayList<>(n);
        List<String> streets = new ArrayList<>(n);
        List<String> cities = new ArrayList<>(n);
        List<String> zips = new ArrayList<>(n);
        List<String> statuses = new ArrayList<>(n);
        List<String> products = new ArrayList<>(n);
        List<Boolean> lowIncome = new ArrayList<>(n);
        List<Boolean> netMetered = new ArrayList<>(n);
        List<String> zones = new ArrayList<>(n);
        List<String> mailingStreets = new ArrayList<>(n);
        List<String> mailingCities = new ArrayList<>(n);
        List<String> mailingStates = new ArrayList<>(n);
        List<String> mailingZips = new ArrayList<>(n);
        for (Account a : chunk) {
            ids.add(a.id().value());
            programs.add(a.program().value());
            utilities.add(a.utility().name());
            numbers.add(a.number().value());
            towns.add(a.town());
            rateClasses.add(a.rateClass().name());
            names.add(a.customerName());
            streets.add(a.serviceAddress().street());
            cities.add(a.serviceAddress().city());
            zips.add(a.serviceAddress().zip());
            statuses.add(a.supplyStatus().name());
            products.add(a.product().map(ProductId::value).orElse(null));
            lowIncome.add(a.lowIncome());
            netMetered.add(a.netMetered());
            zones.add(a.loadZone().name());
            // All four null when the account has no mailing address (the table's all-or-none check).
            mailingStreets.add(a.mailingAddress().map(MailingAddress::street).orElse(null));
            mailingCities.add(a.mailingAddress().map(MailingAddress::city).orElse(null));
            mailingStates.add(a.mailingAddress().map(MailingAddress::state).orElse(null));
            mailingZips.add(a.mailingAddress().map(MailingAddress::zip).orElse(null));
        }
        h.createUpdate("INSERT INTO account_ids (id, program_id, utility, utility_account_number)"
                + " SELECT * FROM unnest(:ids, :programs, :utilities, :numbers) ON CONFLICT DO NOTHING")
                .bindArray("ids", Long.class, ids)
                .bindArray("programs", String.class, programs)
                .bindArray("utilities", String.class, utilities)
                .bindArray("numbers", String.class, numbers)
                .execute();
        String updatable = "program_id, utility, utility_account_number, town, rate_class, customer_name, street,"
                + " city, zip, supply_status, product_id, low_income, net_metered, load_zone, mailing_street,"
                + " mailing_city, mailing_state, mailing_zip";
        h.createUpdate("INSERT INTO accounts (" + COLUMNS + ")"
                + " SELECT * FROM unnest(:ids, :programs, :utilities, :numbers, :towns, :rateClasses, :names,"
                + "   :streets, :cities, :zips, :statuses, :products, :lowIncome, :netMetered, :zones,"
                + "   :mailingStreets, :mailingCities, :mailingStates, :mailingZips)"
                + " ON CONFLICT (id) DO UPDATE SET (" + updatable + ", updated_at) = (" + excluded(updatable)
                + ", now())"
                + " WHERE (" + qualified("accounts", updatable) + ") IS DISTINCT FROM (" + excluded(updatable) + ")")
                .bindArray("ids", Long.class, ids)
                .bindArray("programs", String.class, programs)
                .bindArray("utilities", String.class, utilities)
                .bindArray("numbers", String.class, numbers)
                .bindArray("towns", String.class, towns)
                .bindArray("rateClasses", String.class, rateClasses)
                .bindArray("names", String.class, names)
                .bindArray("streets", String.class, streets)
                .bindArray("cities", String.class, cities)
                .bindArray("zips", String.class, zips)
                .bindArray("statuses", String.class, statuses)
                .bindArray("products", String.class, products)
                .bindArray("lowIncome", Boolean.class, lowIncome)
                .bindArray("netMetered", Boolean.class, netMetered)
                .bindArray("zones", String.class, zones)
                .bindArray("mailingStreets", String.class, mailingStreets)
                .bindArray("mailingCities", String.class, mailingCities)
                .bindArray("mailingStates", String.class, mailingStates)
                .bindArray("mailingZips", String.class, mailingZips)
                .execute();
    }

    private static String excluded(String columns) {
        return qualified("EXCLUDED", columns);
    }

    private static String qualified(String table, String columns) {
        return table + "." + columns.replace(", ", ", " + table + ".");
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Sql.withHandle(jdbi, "read account " + id, h -> h.createQuery(
                "SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> account(rs))
                .findOne());
    }

    @Override
    public Optional<Account> find(ProgramId program, Utility utility, UtilityAccountNumber number) {
        return Sql.withHandle(jdbi, "read account " + number + " of " + utility, h -> h.createQuery(
                "SELECT " + COLUMNS + " FROM accounts"
                        + " WHERE program_id = :program AND utility = :utility AND utility_account_number = :number")
                .bind("program", program.value())
                .bind("utility", utility.name())
                .bind("number", number.value())
                .map((rs, ctx) -> account(rs))
                .findOne());
    }

    @Override
    public List<Account> findByNumberKey(ProgramId program, String key) {
        return Sql.withHandle(jdbi, "find the accounts numbered " + key, h -> h.createQuery(
                "SELECT " + COLUMNS + " FROM accounts WHERE program_id = :program"
                        + " AND upper(replace(utility_account_number, '-', '')) = :key ORDER BY id")
                .bind("program", program.value())
                .bind("key", key)
                .map((rs, ctx) -> account(rs))
                .list());
    }

    /**
     * One page of the matching accounts ordered by id; {@code page} counts from 0. The text matches a
     * prefix of the utility account number, or part of the customer name or the street, ignoring
     * case; the town ignores case too.
     */
    @Override
    public Page<Account> search(ProgramId program, AccountQuery query, int page, int pageSize) {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        Optional<String> text = query.text().map(String::trim).filter(t -> !t.isEmpty());
        Optional<String> town = query.town().map(String::trim).filter(t -> !t.isEmpty());
        StringBuilder where = new StringBuilder(" WHERE program_id = :program");
        text.ifPresent(t -> where.append(" AND (utility_account_number LIKE :prefix ESCAPE '!'")
                .append(" OR lower(customer_name) LIKE :part ESCAPE '!' OR lower(street) LIKE :part ESCAPE '!')"));
        town.ifPresent(t -> where.append(" AND lower(town) = lower(:town)"));
        query.rateClass().ifPresent(r -> where.append(" AND rate_class = :rateClass"));
        query.supplyStatus().ifPresent(s -> where.append(" AND supply_status = :status"));
        return Sql.inTransaction(jdbi, "search the accounts of " + program, h -> {
            Query count = h.createQuery("SELECT count(*) FROM accounts" + where);
            Query items = h.createQuery("SELECT " + COLUMNS + " FROM accounts" + where
                    + " ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("limit", pageSize)
                    .bind("offset", (long) page * pageSize);
            for (Query q : List.of(count, items)) {
                q.bind("program", program.value());
                text.ifPresent(t -> q.bind("prefix", Sql.literalForLike(t) + "%")
                        .bind("part", "%" + Sql.literalForLike(t.toLowerCase(Locale.ROOT)) + "%"));
                town.ifPresent(t -> q.bind("town", t));
                query.rateClass().ifPresent(r -> q.bind("rateClass", r.name()));
                query.supplyStatus().ifPresent(s -> q.bind("status", s.name()));
            }
            long total = count.mapTo(Long.class).one();
            return new Page<>(items.map((rs, ctx) -> account(rs)).list(), page, pageSize, total);
        });
    }

    @Override
    public long count(ProgramId program) {
        return Sql.withHandle(jdbi, "count the accounts of " + program, h -> h.createQuery(
                "SELECT count(*) FROM accounts WHERE program_id = :program")
                .bind("program", program.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<Account> all(ProgramId program) {
        return Sql.withHandle(jdbi, "read the accounts of " + program, h -> h.createQuery(
                "SELECT " + COLUMNS + " FROM accounts WHERE program_id = :program ORDER BY id")
                .bind("program", program.value())
                .map((rs, ctx) -> account(rs))
                .list());
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(
                new AccountId(rs.getLong("id")),
                new ProgramId(rs.getString("program_id")),
                new UtilityAccountNumber(rs.getString("utility_account_number")),
                Utility.valueOf(rs.getString("utility")),
                rs.getString("town"),
                RateClass.valueOf(rs.getString("rate_class")),
                rs.getString("customer_name"),
                new ServiceAddress(rs.getString("street"), rs.getString("city"), rs.getString("zip")),
                SupplyStatus.valueOf(rs.getString("supply_status")),
                Optional.ofNullable(rs.getString("product_id")).map(ProductId::new),
                rs.getBoolean("low_income"),
                rs.getBoolean("net_metered"),
                LoadZone.valueOf(rs.getString("load_zone")),
                mailingAddress(rs));
    }

    /** The mailing address, when the row has one: the table holds all four columns or none. */
    private static Optional<MailingAddress> mailingAddress(ResultSet rs) throws SQLException {
        String street = rs.getString("mailing_street");
        if (street == null) {
            return Optional.empty();
        }
        return Optional.of(new MailingAddress(street, rs.getString("mailing_city"), rs.getString("mailing_state"),
                rs.getString("mailing_zip")));
    }
}
