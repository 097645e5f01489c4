package org.opencce.app.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.opencce.app.web.view.AccountCard;
import org.opencce.app.web.view.AccountDetailView;
import org.opencce.app.web.view.AccountSearchView;
import org.opencce.app.web.view.EnrollmentTimeline;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.store.AccountQuery;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.Page;

/**
 * Account search and account records in the console, as pages and JSON. Personal information
 * (customer name, service address, full account number) goes only to users whose role may see it;
 * for viewers it is left out before any page or JSON is built. Thread-safe.
 */
final class AccountPages {
    static final int PAGE_SIZE = 50;
    /** The usage chart covers at most the last two years of data. */
    private static final int USAGE_MONTHS = 24;
    static final String HIDDEN = "hidden — viewer role";

    private final WebApp.Dependencies deps;
    private final Frames frames;
    private final Templates templates;

    AccountPages(WebApp.Dependencies deps, Frames frames, Templates templates) {
        this.deps = deps;
        this.frames = frames;
        this.templates = templates;
    }

    /**
     * {@code GET /console/accounts?q=&town=&class=&status=&page=}: the search page, or only its result
     * table when htmx asks (live search).
     */
    void search(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        Filters filters = Filters.of(ctx, user);
        Page<Account> page = deps.accounts().search(deps.program(), filters.query(), filters.page() - 1, PAGE_SIZE);
        AccountSearchView.Results results = results(page, filters, user);
        if (Requests.isHtmx(ctx) && !"true".equals(ctx.header("HX-History-Restore-Request"))) {
            templates.respond(ctx, "console/accountResults.jte", results);
            return;
        }
        List<AccountSearchView.Option> towns = new ArrayList<>();
        towns.add(new AccountSearchView.Option("", "All towns", filters.town().isEmpty()));
        for (Town t : deps.programs().find(deps.program()).map(p -> p.towns()).orElse(List.of())) {
            towns.add(new AccountSearchView.Option(t.name(), t.name(),
                    filters.town().map(t.name()::equalsIgnoreCase).orElse(false)));
        }
        List<AccountSearchView.Option> classes = new ArrayList<>();
        classes.add(new AccountSearchView.Option("", "All rate classes", filters.rateClass().isEmpty()));
        for (RateClass c : RateClass.values()) {
            if (c.isResidential() && !user.seesPersonalInformation()) {
                continue;
            }
            classes.add(new AccountSearchView.Option(c.code(), c.code() + " · " + c.description(),
                    filters.rateClass().map(c::equals).orElse(false)));
        }
        List<AccountSearchView.Option> statuses = new ArrayList<>();
        statuses.add(new AccountSearchView.Option("", "Any supply", filters.status().isEmpty()));
        for (SupplyStatus s : SupplyStatus.values()) {
            statuses.add(new AccountSearchView.Option(slug(s), s.displayName(),
                    filters.status().map(s::equals).orElse(false)));
        }
        AccountSearchView view = new AccountSearchView(
                frames.consolePage(ctx, "Accounts", "accounts", List.of()),
                filters.text().orElse(""), user.seesPersonalInformation(), towns, classes, statuses, results);
        templates.respond(ctx, "console/accounts.jte", view);
    }

    /** {@code GET /console/accounts/{id}}: one account and its monthly usage. */
    void detail(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        Account account = account(ctx);
        List<MonthUsage> usage = monthlyUsage(account.id());
        List<AccountDetailView.UsageRow> rows = new ArrayList<>();
        double total = 0;
        for (MonthUsage m : usage) {
            rows.add(new AccountDetailView.UsageRow(Display.month(m.month()), Display.kwh(m.kwh()),
                    coverage(m.hoursWithReads(), m.hours())));
            total += m.kwh();
        }
        AccountCard card = card(account, user, productNames());
        AccountDetailView view = new AccountDetailView(
                frames.consolePage(ctx, "Account " + account.id(), "accounts", List.of("charts.js")),
                card, rows, Display.kwh(total), "/api/console/accounts/" + account.id() + "/usage",
                StaffRequestPages.formFor(user, account, deps), timeline(account, user, productNames()));
        templates.respond(ctx, "console/account.jte", view);
    }

    /**
     * The account's enrollment history, every event in the order recorded, with the state it leads to. A viewer
     * sees the reasons the utility and the program gave (channels EDI and system) and the 814 references, but
     * not the reasons recorded with a customer's own request (they carry the client's address) nor the
     * confirmation numbers given to customers.
     */
    private EnrollmentTimeline timeline(Account account, ConsoleUser user, Map<ProductId, String> products) {
        List<EnrollmentStore.RecordedEvent> history = deps.enrollments().history(deps.program(), account.id());
        if (history.isEmpty()) {
            return EnrollmentTimeline.none();
        }
        Enrollment enrollment = Enrollment.replay(history.stream().map(EnrollmentStore.RecordedEvent::event).toList());
        boolean personal = user.seesPersonalInformation();
        List<EnrollmentTimeline.Entry> entries = new ArrayList<>();
        boolean hidden = false;
        for (EnrollmentStore.RecordedEvent recorded : history) {
            EnrollmentEvent e = recorded.event();
            boolean fromProgramOrUtility = e.channel() == Channel.EDI || e.channel() == Channel.SYSTEM;
            String reason = e.reason().isEmpty() ? "—" : personal || fromProgramOrUtility ? e.reason() : HIDDEN;
            String reference = recorded.reference().map(r -> personal || e.channel() == Channel.EDI ? r : HIDDEN)
                    .orElse("—");
            hidden |= reason.equals(HIDDEN) || reference.equals(HIDDEN);
            entries.add(new EnrollmentTimeline.Entry(Display.dateTime(e.at()), e.at().toString(), EventText.what(e),
                    e.actor(), EventText.channel(e.channel()),
                    e.product().map(p -> products.getOrDefault(p, p.value())).orElse("—"), reason, reference));
        }
        Optional<String> pending = enrollment.pendingChange().map(c -> products.getOrDefault(c.product(),
                c.product().value()) + " from " + Display.date(c.effective()));
        Optional<String> rejection = enrollment.state() == EnrollmentState.REJECTED ? enrollment.rejection()
                : Optional.empty();
        return new EnrollmentTimeline(true, enrollment.state().displayName(), enrollment.state().wireName(),
                EventText.meaning(enrollment.state()), pending, rejection, entries, hidden);
    }

    /** {@code GET /api/console/accounts?…}: the search as JSON, same filters and paging as the page. */
    void searchJson(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        if (!user.seesPersonalInformation() && Requests.query(ctx, "q").isPresent()) {
            throw WebProblem.forbidden("Text search looks at names, streets and account numbers, which the viewer"
                    + " role may not see. Filter by town, rate class or supply status instead.");
        }
        Filters filters = Filters.of(ctx, user);
        Page<Account> page = deps.accounts().search(deps.program(), filters.query(), filters.page() - 1, PAGE_SIZE);
        Map<ProductId, String> products = productNames();
        List<AccountJson> items = page.items().stream().map(a -> json(a, user, products)).toList();
        ctx.json(new AccountPageJson(items, filters.page(), PAGE_SIZE, page.total(), page.pageCount()));
    }

    /** {@code GET /api/console/accounts/{id}}. */
    void accountJson(Context ctx) {
        ctx.json(json(account(ctx), Requests.user(ctx), productNames()));
    }

    /** {@code GET /api/console/accounts/{id}/usage}: kWh of the account in each month of the data. */
    void usageJson(Context ctx) {
        Account account = account(ctx);
        List<MonthUsage> usage = monthlyUsage(account.id());
        ctx.json(new UsageJson(account.id().value(), "kWh", usage.stream().map(m -> m.month().toString()).toList(),
                usage.stream().map(m -> Display.month(m.month())).toList(),
                usage.stream().mapToDouble(MonthUsage::kwh).toArray(),
                usage.stream().mapToInt(MonthUsage::hoursWithReads).toArray(),
                usage.stream().mapToInt(MonthUsage::hours).toArray()));
    }

    /** The account of the path's {@code {id}} in this program, or 404. */
    Account account(Context ctx) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw WebProblem.notFound("There is no account " + text + ": account ids are whole numbers.");
        }
        if (id <= 0) {
            throw WebProblem.notFound("There is no account " + text + ".");
        }
        return deps.accounts().find(new AccountId(id)).filter(a -> a.program().equals(deps.program()))
                .orElseThrow(() -> WebProblem.notFound("There is no account " + id + " in this program."));
    }

    /** Usage by local month over the months with data (at most the last {@value #USAGE_MONTHS}). */
    private List<MonthUsage> monthlyUsage(AccountId id) {
        List<YearMonth> months = deps.intervals().months();
        if (months.isEmpty()) {
            return List.of();
        }
        YearMonth last = months.get(months.size() - 1);
        YearMonth first = months.get(0).isBefore(last.minusMonths(USAGE_MONTHS - 1L))
                ? last.minusMonths(USAGE_MONTHS - 1L) : months.get(0);
        Instant from = LocalCalendar.startOfDay(first.atDay(1));
        Instant to = LocalCalendar.startOfDay(last.plusMonths(1).atDay(1));
        IntervalSeries series = deps.intervals().hourly(id, from, to);
        Map<YearMonth, double[]> byMonth = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            byMonth.put(m, new double[2]);
        }
        for (int i = 0; i < series.size(); i++) {
            if (series.quality(i) == Quality.MISSING) {
                continue;
            }
            double[] sums = byMonth.get(LocalCalendar.monthOf(series.intervalStart(i)));
            if (sums != null) {
                sums[0] += series.value(i);
                sums[1] += 1;
            }
        }
        List<MonthUsage> usage = new ArrayList<>();
        byMonth.forEach((m, sums) -> usage.add(new MonthUsage(m, sums[0], (int) sums[1], LocalCalendar.hoursIn(m))));
        return usage;
    }

    private AccountSearchView.Results results(Page<Account> page, Filters filters, ConsoleUser user) {
        Map<ProductId, String> products = productNames();
        boolean personal = user.seesPersonalInformation();
        List<AccountSearchView.AccountRow> rows = new ArrayList<>();
        for (Account a : page.items()) {
            rows.add(new AccountSearchView.AccountRow(a.id().toString(), "/console/accounts/" + a.id(),
                    personal ? a.number().value() : a.number().masked(),
                    personal ? a.customerName() : "",
                    personal ? a.serviceAddress().street() : "",
                    a.town(), rateClassCode(a, personal), a.supplyStatus().displayName(),
                    a.product().map(p -> products.getOrDefault(p, p.value())).orElse("—")));
        }
        long first = page.total() == 0 ? 0 : (long) (filters.page() - 1) * PAGE_SIZE + 1;
        long last = (long) (filters.page() - 1) * PAGE_SIZE + page.items().size();
        String summary = page.total() == 0 ? "No accounts match."
                : page.items().isEmpty() ? "No accounts on this page; " + Display.count(page.total()) + " match in all."
                : Display.count(first) + "–" + Display.count(last) + " of " + Display.count(page.total())
                        + (page.total() == 1 ? " account" : " accounts");
        Optional<String> previous = filters.page() > 1
                ? Optional.of(filters.href(filters.page() - 1)) : Optional.empty();
        Optional<String> next = filters.page() < page.pageCount()
                ? Optional.of(filters.href(filters.page() + 1)) : Optional.empty();
        return new AccountSearchView.Results(rows, summary, personal, previous, next,
                "Page " + filters.page() + " of " + page.pageCount());
    }

    static AccountCard card(Account a, ConsoleUser user, Map<ProductId, String> products) {
        boolean personal = user.seesPersonalInformation();
        List<String> flags = new ArrayList<>();
        // Low-income status is means-tested personal information: only roles that see names see it.
        if (personal && a.lowIncome()) {
            flags.add("Low-income discount");
        }
        if (a.netMetered()) {
            flags.add("Net-metered");
        }
        return new AccountCard(a.id().toString(), a.utility().displayName(),
                personal ? a.number().value() : a.number().masked(),
                personal ? a.customerName() : HIDDEN,
                personal ? a.serviceAddress().toString() : HIDDEN,
                !personal, a.town(), rateClassCode(a, personal),
                personal ? a.rateClass().description() : maskedDescription(a.rateClass()),
                a.supplyStatus().displayName(),
                a.product().map(p -> products.getOrDefault(p, p.value())).orElse("—"), flags,
                a.loadZone().name() + " · " + a.loadZone().displayName(),
                // Where notices go (issue 6): staff see it, or that mail goes to the service address.
                !personal ? "" : a.mailingAddress().map(MailingAddress::toString)
                        .orElse("same as the service address"));
    }

    private static AccountJson json(Account a, ConsoleUser user, Map<ProductId, String> products) {
        boolean personal = user.seesPersonalInformation();
        return new AccountJson(a.id().value(), a.utility().name(),
                personal ? a.number().value() : a.number().masked(), !personal,
                personal ? a.customerName() : null,
                personal ? new AddressJson(a.serviceAddress().street(), a.serviceAddress().city(),
                        a.serviceAddress().zip()) : null,
                a.town(), rateClassCode(a, personal), slug(a.supplyStatus()),
                a.product().map(ProductId::value).orElse(null),
                a.product().map(p -> products.getOrDefault(p, p.value())).orElse(null),
                personal ? Boolean.valueOf(a.lowIncome()) : null, a.netMetered(), a.loadZone().name(),
                personal ? a.mailingAddress().map(m -> new MailingAddressJson(m.street(), m.city(), m.state(),
                        m.zip())).orElse(null) : null);
    }

    /**
     * The rate class as a user may see it. are the low-income discount classes, so for
     * roles without personal information both read "R-1/R-2" and R-3 and R-4 "R-3/R-4":
     * the rate class must not reveal the means-tested status that {@code lowIncome} hides.
     */
    static String rateClassCode(Account a, boolean personal) {
        RateClass c = a.rateClass();
        if (personal || !c.isResidential()) {
            return c.code();
        }
        return c == RateClass.R_1 || c == RateClass.R_2 ? "R-1/R-2" : "R-3/R-4";
    }

    private static String maskedDescription(RateClass c) {
        if (!c.isResidential()) {
            return c.description();
        }
        return c == RateClass.R_1 || c == RateClass.R_2 ? "residential" : "residential electric heat";
    }

    private Map<ProductId, String> productNames() {
        Map<ProductId, String> names = new HashMap<>();
        for (Product p : deps.programs().products(deps.program())) {
            names.put(p.id(), p.name());
        }
        return names;
    }

    private static String coverage(int withReads, int hours) {
        if (withReads == 0) {
            return "no reads";
        }
        if (withReads == hours) {
            return "complete";
        }
        return Display.count(withReads) + " of " + Display.count(hours) + " hours";
    }

    static String slug(SupplyStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<SupplyStatus> parseStatus(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (SupplyStatus s : SupplyStatus.values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The search filters of a request; text search only for users who may see personal information. */
    private record Filters(Optional<String> text, Optional<String> town, Optional<RateClass> rateClass,
            Optional<SupplyStatus> status, int page) {

        static Filters of(Context ctx, ConsoleUser user) {
            Optional<String> text = user.seesPersonalInformation() ? Requests.query(ctx, "q") : Optional.empty();
            Optional<RateClass> rateClass = Requests.query(ctx, "class").map(c -> RateClass.parse(c).orElseThrow(
                    () -> WebProblem.badRequest("unknown rate class '" + c + "'; use a code like R-1 or G-1")));
            if (rateClass.map(RateClass::isResidential).orElse(false) && !user.seesPersonalInformation()) {
                // Filtering by R-1 would tell, by what it leaves out, who is on the low-income R-2.
                throw WebProblem.forbidden("Residential rate classes (R-1 to R-4) tell who receives the low-income"
                        + " discount, which the viewer role may not see. Filter by town, supply status or a general"
                        + " service class (G-1 to G-3) instead.");
            }
            Optional<SupplyStatus> status = Requests.query(ctx, "status").map(s -> parseStatus(s).orElseThrow(
                    () -> WebProblem.badRequest("unknown supply status '" + s
                            + "'; use program, basic-service or competitive")));
            int page = Requests.query(ctx, "page").map(p -> {
                try {
                    return Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw WebProblem.badRequest("page must be a whole number, was '" + p + "'");
                }
            }).orElse(1);
            if (page < 1 || page > 1_000_000) {
                throw WebProblem.badRequest("page must be between 1 and 1,000,000, was " + page);
            }
            return new Filters(text, Requests.query(ctx, "town"), rateClass, status, page);
        }

        AccountQuery query() {
            return new AccountQuery(text, town, rateClass, status);
        }

        /** The search page URL with these filters, on page {@code n}. */
        String href(int n) {
            StringJoiner query = new StringJoiner("&");
            text.ifPresent(t -> query.add("q=" + encode(t)));
            town.ifPresent(t -> query.add("town=" + encode(t)));
            rateClass.ifPresent(c -> query.add("class=" + encode(c.code())));
            status.ifPresent(s -> query.add("status=" + slug(s)));
            query.add("page=" + n);
            return "/console/accounts?" + query;
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private record MonthUsage(YearMonth month, double kwh, int hoursWithReads, int hours) {
    }

    record AccountJson(long id, String utility, String number, boolean personalInformationHidden,
            String customerName, AddressJson serviceAddress, String town, String rateClass, String supplyStatus,
            String productId, String productName, Boolean lowIncome, boolean netMetered, String loadZone,
            MailingAddressJson mailingAddress) {
    }

    record AddressJson(String street, String city, String zip) {
    }

    /** Null for viewers and for accounts whose mail goes to the service address. */
    record MailingAddressJson(String street, String city, String state, String zip) {
    }

    record AccountPageJson(List<AccountJson> items, int page, int pageSize, long total, int pageCount) {
    }

    record UsageJson(long account, String unit, List<String> months, List<String> labels, double[] kwh,
            int[] hoursWithReads, int[] hours) {
    }
}
