package org.opencce.store.pg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.enrollment.CampaignCounts;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.IllegalTransitionException;
import org.opencce.domain.enrollment.ProgramEnd;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.Page;
import org.opencce.store.StoreException;

/**
 * Enrollment histories in {@code enrollment_events} (append-only, enforced by a trigger) and their
 * summaries in {@code enrollments}, one row per account, written in the same transaction as the events
 * (migration V5). Writes go as a few statements over {@code unnest} of column arrays. Reads of
 * {@link Enrollment}s replay the history; counts come from the summaries.
 *
 * <p>Locking: {@link EnrollmentStore.Tx#lock} takes {@code FOR NO KEY UPDATE} on the accounts' rows of
 * {@code account_ids}, in id order. That row exists for every account, with or without a history, so the
 * first listing of a new account is serialized as surely as an opt-out of an enrolled one (a summary row
 * would not exist yet to be locked); the weaker lock leaves the foreign-key checks of other writers (which
 * take {@code FOR KEY SHARE}) free. Thread-safe: every call takes its own handle from the pool.
 */
public final class PgEnrollmentStore implements EnrollmentStore {
    /** Rows fetched per round trip when streaming histories. */
    private static final int FETCH = 5_000;
    private static final String EVENT_COLUMNS = "e.id AS event_id, e.account_id AS event_account, e.kind, e.at,"
            + " e.actor, e.channel, e.reason, e.product_id AS event_product, e.event_date, e.window_closes,"
            + " e.reference";

    private final Jdbi jdbi;

    public PgEnrollmentStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T inTransaction(ProgramId program, Function<Tx, T> work) {
        Objects.requireNonNull(program, "program");
        try {
            return jdbi.inTransaction(h -> {
                PgTransaction tx = new PgTransaction(h, program);
                try {
                    return work.apply(tx);
                } finally {
                    tx.close();
                }
            });
        } catch (JdbiException e) {
            throw Sql.failure("record the enrollments of " + program + " (nothing was recorded)", e);
        }
    }

    @Override
    public List<RecordedEvent> history(ProgramId program, AccountId account) {
        return Sql.withHandle(jdbi, "read the enrollment history of account " + account, h -> h.createQuery(
                "SELECT " + EVENT_COLUMNS + " FROM enrollment_events e"
                        + " WHERE e.program_id = :program AND e.account_id = :account ORDER BY e.id")
                .bind("program", program.value())
                .bind("account", account.value())
                .map((rs, ctx) -> recorded(rs))
                .list());
    }

    @Override
    public Optional<Enrollment> find(ProgramId program, AccountId account) {
        List<RecordedEvent> history = history(program, account);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(replay(account, history.stream().map(RecordedEvent::event).toList()));
    }

    @Override
    public List<RecordedEvent> withReference(ProgramId program, String reference) {
        Objects.requireNonNull(reference, "reference");
        return Sql.withHandle(jdbi, "find the enrollment events with reference " + reference, h -> h.createQuery(
                "SELECT " + EVENT_COLUMNS + " FROM enrollment_events e"
                        + " WHERE e.program_id = :program AND e.reference = :reference ORDER BY e.id")
                .bind("program", program.value())
                .bind("reference", reference)
                .map((rs, ctx) -> recorded(rs))
                .list());
    }

    @Override
    public Optional<ProgramEnd> programEnd(ProgramId program) {
        Objects.requireNonNull(program, "program");
        return Sql.withHandle(jdbi, "read the end of program " + program, h -> h.createQuery(
                "SELECT end_date FROM program_ends WHERE program_id = :program")
                .bind("program", program.value())
                .mapTo(LocalDate.class)
                .findOne()
                .map(ProgramEnd::new));
    }

    /**
     * The program's end inside a transaction, with the program's row locked: {@code FOR KEY SHARE} to
     * read it (taken by every transaction that appends events, and compatible with the foreign-key checks
     * and a program update), {@code FOR UPDATE} to record it, which waits for those readers and makes
     * them wait in turn. So an enrollment transaction either commits before the end or sees it.
     */
    static Optional<ProgramEnd> programEnd(Handle h, ProgramId program, boolean toRecord) {
        h.createQuery("SELECT id FROM programs WHERE id = :program" + (toRecord ? " FOR UPDATE" : " FOR KEY SHARE"))
                .bind("program", program.value())
                .mapTo(String.class)
                .findOne();
        return h.createQuery("SELECT end_date FROM program_ends WHERE program_id = :program")
                .bind("program", program.value())
                .mapTo(LocalDate.class)
                .findOne()
                .map(ProgramEnd::new);
    }

    static void insertEnd(Handle h, ProgramId program, ProgramEnd end, String actor) {
        h.createUpdate("INSERT INTO program_ends (program_id, end_date, actor) VALUES (:program, :date, :actor)")
                .bind("program", program.value())
                .bind("date", end.date())
                .bind("actor", actor)
                .execute();
    }

    /**
     * Streams the accounts in the states with their histories: one query joins the summaries (to select
     * by state, through their index), the accounts and the events, ordered by account and event, and each
     * account's events are replayed as soon as the next account's rows begin.
     */
    @Override
    public void forEach(ProgramId program, Set<EnrollmentState> states, BiConsumer<Account, Enrollment> action) {
        Objects.requireNonNull(action, "action");
        Set<EnrollmentState> wanted = states.isEmpty() ? EnumSet.allOf(EnrollmentState.class) : EnumSet.copyOf(states);
        try {
            jdbi.useTransaction(h -> {
                Replaying replaying = new Replaying(action);
                h.createQuery("SELECT " + qualifiedAccountColumns() + ", " + EVENT_COLUMNS
                        + " FROM enrollments p"
                        + " JOIN accounts a ON a.id = p.account_id"
                        + " JOIN enrollment_events e ON e.account_id = p.account_id"
                        + " WHERE p.program_id = :program AND p.state = ANY(:states)"
                        + " ORDER BY p.account_id, e.id")
                        .bind("program", program.value())
                        .bindArray("states", String.class, wanted.stream().map(EnrollmentState::wireName).toList())
                        .setFetchSize(FETCH)
                        .scanResultSet((supplier, ctx) -> {
                            try (ResultSet rs = supplier.get()) {
                                while (rs.next()) {
                                    replaying.row(rs);
                                }
                            }
                            return null;
                        });
                replaying.finish();
            });
        } catch (JdbiException e) {
            throw Sql.failure("read the enrollments of " + program, e);
        }
    }

    /** Groups consecutive rows of one account and replays them. */
    private static final class Replaying {
        private final BiConsumer<Account, Enrollment> action;
        private Account account;
        private final List<EnrollmentEvent> events = new ArrayList<>();

        Replaying(BiConsumer<Account, Enrollment> action) {
            this.action = action;
        }

        void row(ResultSet rs) throws SQLException {
            long id = rs.getLong("id");
            if (account == null || account.id().value() != id) {
                finish();
                account = PgAccountStore.account(rs);
            }
            events.add(event(rs));
        }

        void finish() {
            if (account != null) {
                action.accept(account, PgEnrollmentStore.replay(account.id(), events));
                events.clear();
                account = null;
            }
        }
    }

    private static String qualifiedAccountColumns() {
        return "a." + PgAccountStore.COLUMNS.replace(", ", ", a.");
    }

    /**
     * Counts from the summaries, grouped by town, state and the two flags. "Eligible" is every state but
     * competitive and ineligible, as {@link EnrollmentCounts} defines it, so that an opted-out low-income
     * customer still counts among the eligible.
     */
    @Override
    public EnrollmentCounts counts(ProgramId program) {
        Tallying total = new Tallying();
        Map<String, Tallying> towns = new TreeMap<>();
        Sql.withHandle(jdbi, "count the enrollments of " + program, h -> {
            h.createQuery("SELECT a.town, p.state, a.low_income, a.net_metered, count(*) AS n"
                    + " FROM enrollments p JOIN accounts a ON a.id = p.account_id"
                    + " WHERE p.program_id = :program GROUP BY a.town, p.state, a.low_income, a.net_metered")
                    .bind("program", program.value())
                    .map((rs, ctx) -> {
                        EnrollmentState state = state(rs.getString("state"));
                        int n = rs.getInt("n");
                        boolean lowIncome = rs.getBoolean("low_income");
                        boolean netMetered = rs.getBoolean("net_metered");
                        total.add(state, lowIncome, netMetered, n);
                        towns.computeIfAbsent(rs.getString("town"), t -> new Tallying())
                                .add(state, lowIncome, netMetered, n);
                        return n;
                    })
                    .list();
            return null;
        });
        SortedMap<String, EnrollmentCounts.Tally> byTown = new TreeMap<>();
        towns.forEach((town, t) -> byTown.put(town, t.tally()));
        return new EnrollmentCounts(total.tally(), byTown);
    }

    /**
     * One query grouped by town, rate class, product, state and the two flags, over the summaries joined to
     * the accounts: at most a few thousand rows whatever the number of accounts.
     */
    @Override
    public CampaignCounts campaignCounts(ProgramId program) {
        List<CampaignCounts.Cell> cells = Sql.withHandle(jdbi, "count the campaign of " + program, h -> h.createQuery(
                "SELECT a.town, a.rate_class, p.product_id, p.state, a.low_income, a.net_metered, count(*) AS n"
                        + " FROM enrollments p JOIN accounts a ON a.id = p.account_id"
                        + " WHERE p.program_id = :program"
                        + " GROUP BY a.town, a.rate_class, p.product_id, p.state, a.low_income, a.net_metered")
                .bind("program", program.value())
                .map((rs, ctx) -> new CampaignCounts.Cell(rs.getString("town"), rateClass(rs.getString("rate_class")),
                        Optional.ofNullable(rs.getString("product_id")).map(ProductId::new), state(rs.getString("state")),
                        rs.getBoolean("low_income"), rs.getBoolean("net_metered"), rs.getInt("n")))
                .list());
        return CampaignCounts.of(cells);
    }

    /**
     * The queue's accounts through the summaries' state index, each joined to its latest event of the queue's
     * kind (a lateral look-up through the history index), sorted and cut to the page in the database.
     */
    @Override
    public Page<QueueEntry> queue(ProgramId program, Queue queue, boolean newestFirst, int page, int pageSize) {
        Objects.requireNonNull(queue, "queue");
        if (page < 0 || pageSize < 1) {
            throw new IllegalArgumentException("page must be 0 or more and pageSize 1 or more, were " + page + " and "
                    + pageSize);
        }
        // The direction is one of two constants, never text from the caller.
        String direction = newestFirst ? "DESC" : "ASC";
        return Sql.withHandle(jdbi, "read the " + queue.state().wireName() + " queue of " + program, h -> {
            long total = h.createQuery("SELECT count(*) FROM enrollments WHERE program_id = :program AND state = :state")
                    .bind("program", program.value())
                    .bind("state", queue.state().wireName())
                    .mapTo(Long.class).one();
            List<QueueEntry> items = h.createQuery("SELECT " + qualifiedAccountColumns() + ", " + EVENT_COLUMNS
                    + " FROM enrollments p"
                    + " JOIN accounts a ON a.id = p.account_id"
                    + " JOIN LATERAL (SELECT * FROM enrollment_events x"
                    + "   WHERE x.account_id = p.account_id AND x.kind = :kind ORDER BY x.id DESC LIMIT 1) e ON true"
                    + " WHERE p.program_id = :program AND p.state = :state"
                    + " ORDER BY e.at " + direction + ", e.id " + direction + ", p.account_id"
                    + " LIMIT :limit OFFSET :offset")
                    .bind("program", program.value())
                    .bind("state", queue.state().wireName())
                    .bind("kind", queue.cause().wireName())
                    .bind("limit", pageSize)
                    .bind("offset", (long) page * pageSize)
                    .map((rs, ctx) -> new QueueEntry(PgAccountStore.account(rs), recorded(rs)))
                    .list();
            return new Page<>(items, page, pageSize, total);
        });
    }

    /** One set of counts being added up. */
    private static final class Tallying {
        private final Map<EnrollmentState, Integer> byState = new EnumMap<>(EnrollmentState.class);
        private int eligibleLowIncome;
        private int eligibleNetMetered;
        private int enrolledLowIncome;
        private int enrolledNetMetered;

        Tallying() {
            for (EnrollmentState state : EnrollmentState.values()) {
                byState.put(state, 0);
            }
        }

        void add(EnrollmentState state, boolean lowIncome, boolean netMetered, int n) {
            byState.merge(state, n, Integer::sum);
            boolean eligible = state != EnrollmentState.COMPETITIVE && state != EnrollmentState.INELIGIBLE;
            boolean enrolled = state == EnrollmentState.ENROLLED;
            eligibleLowIncome += eligible && lowIncome ? n : 0;
            eligibleNetMetered += eligible && netMetered ? n : 0;
            enrolledLowIncome += enrolled && lowIncome ? n : 0;
            enrolledNetMetered += enrolled && netMetered ? n : 0;
        }

        EnrollmentCounts.Tally tally() {
            return new EnrollmentCounts.Tally(byState, eligibleLowIncome, eligibleNetMetered, enrolledLowIncome,
                    enrolledNetMetered);
        }
    }

    // ---------------------------------------------------------------- inside a transaction (PgTransaction)

    /** Locks the accounts' id rows in id order; returns the ids of the program that exist. */
    static List<AccountId> lock(Handle h, ProgramId program, List<AccountId> ids) {
        return h.createQuery("SELECT id FROM account_ids WHERE program_id = :program AND id = ANY(:ids)"
                + " ORDER BY id FOR NO KEY UPDATE")
                .bind("program", program.value())
                .bindArray("ids", Long.class, ids.stream().map(AccountId::value).toList())
                .map((rs, ctx) -> new AccountId(rs.getLong(1)))
                .list();
    }

    /** The histories of the accounts that have one, each in recorded order. */
    static Map<AccountId, List<EnrollmentEvent>> histories(Handle h, ProgramId program, List<AccountId> ids) {
        Map<AccountId, List<EnrollmentEvent>> histories = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return histories;
        }
        h.createQuery("SELECT " + EVENT_COLUMNS + " FROM enrollment_events e"
                + " WHERE e.program_id = :program AND e.account_id = ANY(:ids) ORDER BY e.account_id, e.id")
                .bind("program", program.value())
                .bindArray("ids", Long.class, ids.stream().map(AccountId::value).toList())
                .setFetchSize(FETCH)
                .map((rs, ctx) -> event(rs))
                .forEach(e -> histories.computeIfAbsent(e.account(), k -> new ArrayList<>()).add(e));
        return histories;
    }

    static Map<AccountId, Enrollment> replay(Map<AccountId, List<EnrollmentEvent>> histories) {
        Map<AccountId, Enrollment> enrollments = new HashMap<>();
        histories.forEach((id, events) -> enrollments.put(id, replay(id, events)));
        return enrollments;
    }

    /** Replays a stored history; one the rules refuse was not written by this store, so it cannot continue. */
    private static Enrollment replay(AccountId account, List<EnrollmentEvent> events) {
        try {
            return Enrollment.replay(events);
        } catch (IllegalTransitionException e) {
            throw new StoreException("The stored enrollment history of account " + account + " does not replay: "
                    + e.getMessage() + ". The history is append-only and written only through the rules, so it was"
                    + " changed outside OpenCCE or by a newer version; restore a backup or report the account.", e);
        }
    }

    /**
     * Inserts the events in order (so their ids follow it) and returns the id of each account's last one.
     */
    static Map<AccountId, Long> insertEvents(Handle h, ProgramId program, List<EnrollmentEvent> events,
            List<Optional<String>> references) {
        int n = events.size();
        List<Long> accounts = new ArrayList<>(n);
        List<String> kinds = new ArrayList<>(n);
        // instants and dates go as ISO text, cast by the statement: JDBI has no array type for java.time
        List<String> ats = new ArrayList<>(n);
        List<String> actors = new ArrayList<>(n);
        List<String> channels = new ArrayList<>(n);
        List<String> reasons = new ArrayList<>(n);
        List<String> products = new ArrayList<>(n);
        List<String> dates = new ArrayList<>(n);
        List<String> windows = new ArrayList<>(n);
        List<String> refs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EnrollmentEvent e = events.get(i);
            accounts.add(e.account().value());
            kinds.add(e.kind().wireName());
            ats.add(e.at().toString());
            actors.add(e.actor());
            channels.add(e.channel().wireName());
            reasons.add(e.reason());
            products.add(e.product().map(ProductId::value).orElse(null));
            dates.add(e.date().map(LocalDate::toString).orElse(null));
            windows.add(e.windowCloses().map(LocalDate::toString).orElse(null));
            refs.add(references.get(i).orElse(null));
        }
        Map<AccountId, Long> last = new HashMap<>();
        h.createQuery("INSERT INTO enrollment_events (program_id, account_id, kind, at, actor, channel, reason,"
                + " product_id, event_date, window_closes, reference)"
                + " SELECT :program, account, kind, at, actor, channel, reason, product, event_date, window_closes, ref"
                + " FROM unnest(:accounts, :kinds, CAST(:ats AS timestamptz[]), :actors, :channels, :reasons, :products,"
                + "   CAST(:dates AS date[]), CAST(:windows AS date[]), :refs) WITH ORDINALITY AS x(account, kind, at, actor, channel, reason, product, event_date,"
                + "   window_closes, ref, ord)"
                + " ORDER BY ord RETURNING id, account_id")
                .bind("program", program.value())
                .bindArray("accounts", Long.class, accounts)
                .bindArray("kinds", String.class, kinds)
                .bindArray("ats", String.class, ats)
                .bindArray("actors", String.class, actors)
                .bindArray("channels", String.class, channels)
                .bindArray("reasons", String.class, reasons)
                .bindArray("products", String.class, products)
                .bindArray("dates", String.class, dates)
                .bindArray("windows", String.class, windows)
                .bindArray("refs", String.class, refs)
                .map((rs, ctx) -> Map.entry(new AccountId(rs.getLong(2)), rs.getLong(1)))
                .forEach(e -> last.merge(e.getKey(), e.getValue(), Math::max));
        return last;
    }

    /** Writes the accounts' summaries from their enrollments after this transaction's events. */
    static void upsertSummaries(Handle h, ProgramId program, Map<AccountId, Enrollment> enrollments,
            Map<AccountId, Long> lastEventIds) {
        int n = enrollments.size();
        List<Long> ids = new ArrayList<>(n);
        List<String> states = new ArrayList<>(n);
        List<String> products = new ArrayList<>(n);
        List<String> pendingProducts = new ArrayList<>(n);
        List<String> pendingDates = new ArrayList<>(n);
        List<String> mailed = new ArrayList<>(n);
        List<String> closes = new ArrayList<>(n);
        List<Boolean> optedOut = new ArrayList<>(n);
        List<String> requests = new ArrayList<>(n);
        List<Long> lastEvents = new ArrayList<>(n);
        for (Enrollment e : enrollments.values()) {
            ids.add(e.account().value());
            states.add(e.state().wireName());
            products.add(e.product().map(ProductId::value).orElse(null));
            pendingProducts.add(e.pendingChange().map(c -> c.product().value()).orElse(null));
            pendingDates.add(e.pendingChange().map(c -> c.effective().toString()).orElse(null));
            mailed.add(e.noticeMailed().map(LocalDate::toString).orElse(null));
            closes.add(e.optOutWindowCloses().map(LocalDate::toString).orElse(null));
            optedOut.add(e.optedOut());
            requests.add(e.requestToSend().map(UtilityRequest::wireName).orElse(null));
            lastEvents.add(lastEventIds.get(e.account()));
        }
        h.createUpdate("INSERT INTO enrollments (account_id, program_id, state, product_id, pending_product_id,"
                + " pending_effective, notice_mailed, window_closes, opted_out, request_to_send, last_event_id)"
                + " SELECT id, :program, state, product, pending_product, pending_effective, mailed, closes,"
                + "   opted_out, request, last_event"
                + " FROM unnest(:ids, :states, :products, :pendingProducts, CAST(:pendingDates AS date[]),"
                + "   CAST(:mailed AS date[]), CAST(:closes AS date[]), :optedOut, :requests, :lastEvents) AS x(id, state, product, pending_product, pending_effective,"
                + "   mailed, closes, opted_out, request, last_event)"
                + " ON CONFLICT (account_id) DO UPDATE SET state = EXCLUDED.state, product_id = EXCLUDED.product_id,"
                + " pending_product_id = EXCLUDED.pending_product_id, pending_effective = EXCLUDED.pending_effective,"
                + " notice_mailed = EXCLUDED.notice_mailed, window_closes = EXCLUDED.window_closes,"
                + " opted_out = EXCLUDED.opted_out, request_to_send = EXCLUDED.request_to_send,"
                + " last_event_id = EXCLUDED.last_event_id, updated_at = clock_timestamp()")
                .bind("program", program.value())
                .bindArray("ids", Long.class, ids)
                .bindArray("states", String.class, states)
                .bindArray("products", String.class, products)
                .bindArray("pendingProducts", String.class, pendingProducts)
                .bindArray("pendingDates", String.class, pendingDates)
                .bindArray("mailed", String.class, mailed)
                .bindArray("closes", String.class, closes)
                .bindArray("optedOut", Boolean.class, optedOut)
                .bindArray("requests", String.class, requests)
                .bindArray("lastEvents", Long.class, lastEvents)
                .execute();
    }

    // ---------------------------------------------------------------- rows

    private static RecordedEvent recorded(ResultSet rs) throws SQLException {
        return new RecordedEvent(rs.getLong("event_id"), event(rs), Optional.ofNullable(rs.getString("reference")));
    }

    private static EnrollmentEvent event(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String channel = rs.getString("channel");
        return new EnrollmentEvent(
                new AccountId(rs.getLong("event_account")),
                EventKind.fromWireName(kind).orElseThrow(() -> unknown("event kind", kind)),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                Channel.fromWireName(channel).orElseThrow(() -> unknown("channel", channel)),
                rs.getString("reason"),
                Optional.ofNullable(rs.getString("event_product")).map(ProductId::new),
                Optional.ofNullable(rs.getObject("event_date", LocalDate.class)),
                Optional.ofNullable(rs.getObject("window_closes", LocalDate.class)));
    }

    private static RateClass rateClass(String name) {
        try {
            return RateClass.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw unknown("rate class", name);
        }
    }

    private static EnrollmentState state(String wireName) {
        return EnrollmentState.fromWireName(wireName).orElseThrow(() -> unknown("enrollment state", wireName));
    }

    private static StoreException unknown(String what, String value) {
        return new StoreException("Unknown " + what + " '" + value + "' in the enrollment tables; the database was"
                + " written by a newer OpenCCE. Use that version.");
    }
}
