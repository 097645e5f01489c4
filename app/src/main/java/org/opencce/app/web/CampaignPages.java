package org.opencce.app.web;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencce.app.web.view.CampaignView;
import org.opencce.app.web.view.DashboardView;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.enrollment.CampaignCounts;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.campaign.CampaignCsvWriter;

/**
 * The campaign dashboard (issue 6, section 8): {@code GET /console/campaign}, the accounts in each enrollment
 * state by town, rate class and product with the opt-out rate and the low-income and net-metered
 * participation ({@code docs/enrollment.md}, "Campaign figures"); {@code GET /console/campaign.csv}, the same
 * tables as CSV (docs/formats/campaign-csv.md); {@code GET /api/console/campaign?grouping=town}, the counts
 * the chart draws. The counts come from one grouped query of the store, never from the accounts themselves.
 *
 * <p>The figures are counts of accounts, shown to every role. For a role that does not see personal
 * information the rate classes are shown together, and, as on the account pages: the
 * split would tell the low-income discount classes apart. Thread-safe.
 */
final class CampaignPages {
    static final String NO_PRODUCT = "No product chosen";

    private final WebApp.Dependencies deps;
    private final Frames frames;
    private final Templates templates;

    CampaignPages(WebApp.Dependencies deps, Frames frames, Templates templates) {
        this.deps = deps;
        this.frames = frames;
        this.templates = templates;
    }

    /** {@code GET /console/campaign}. */
    void page(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        CampaignCounts counts = deps.enrollments().campaignCounts(deps.program());
        Groups groups = groups(counts, user);
        EnrollmentCounts.Tally total = counts.total();
        List<DashboardView.Tile> headlines = List.of(
                new DashboardView.Tile("Accounts", Display.count(total.accounts()),
                        "with an enrollment history; " + Display.count(total.reached()) + " reached by the campaign"),
                new DashboardView.Tile("Enrolled", Display.count(total.count(EnrollmentState.ENROLLED)),
                        "supplied by the program"),
                new DashboardView.Tile("Opt-out rate", percent(total.optOutRate()),
                        detail(total.optOutRate(), "reached accounts opted out")),
                new DashboardView.Tile("Low-income participation", percent(total.lowIncomeParticipation()),
                        detail(total.lowIncomeParticipation(), "eligible low-income accounts enrolled")),
                new DashboardView.Tile("Net-metered participation", percent(total.netMeteredParticipation()),
                        detail(total.netMeteredParticipation(), "eligible net-metered accounts enrolled")),
                new DashboardView.Tile("Rejected enrollments", Display.count(total.count(EnrollmentState.REJECTED)),
                        "to correct and request again", ExceptionPages.href(ExceptionPages.REJECTED)),
                new DashboardView.Tile("Returned mail", Display.count(total.count(EnrollmentState.RETURNED_MAIL)),
                        "notices that came back undeliverable", ExceptionPages.href(ExceptionPages.RETURNED_MAIL)));
        List<CampaignView.StateColumn> states = new ArrayList<>();
        for (EnrollmentState s : EnrollmentState.values()) {
            states.add(new CampaignView.StateColumn(s.wireName(), s.displayName()));
        }
        List<CampaignView.Table> tables = List.of(
                table("by-town", "By town", "Town", groups.towns()),
                table("by-rate-class", "By rate class", "Rate class", groups.rateClasses()),
                table("by-product", "By product", "Product", groups.products()));
        CampaignView view = new CampaignView(frames.consolePage(ctx, "Campaign", "campaign", List.of("charts.js")),
                headlines, total.accounts() > 0, states, row("All accounts", total), tables,
                "/api/console/campaign?grouping=town", "/console/campaign.csv", !user.seesPersonalInformation());
        templates.respond(ctx, "console/campaign.jte", view);
    }

    /** {@code GET /console/campaign.csv}: the program, then every town, rate class and product. */
    void csv(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        CampaignCounts counts = deps.enrollments().campaignCounts(deps.program());
        Groups groups = groups(counts, user);
        List<CampaignCsvWriter.Row> rows = new ArrayList<>();
        rows.add(new CampaignCsvWriter.Row("program", deps.program().value(), counts.total()));
        groups.towns().forEach((name, t) -> rows.add(new CampaignCsvWriter.Row("town", name, t)));
        groups.rateClasses().forEach((name, t) -> rows.add(new CampaignCsvWriter.Row("rate_class", name, t)));
        groups.products().forEach((name, t) -> rows.add(new CampaignCsvWriter.Row("product", name, t)));
        StringWriter out = new StringWriter();
        CampaignCsvWriter.write(rows, out);
        LocalDate today = LocalCalendar.local(deps.clock().instant()).toLocalDate();
        ctx.header("Content-Disposition", "attachment; filename=\"campaign-" + deps.program().value() + "-" + today
                + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    /**
     * {@code GET /api/console/campaign?grouping=town|rate-class|product}: the groups' names and, for every
     * state, its accounts in each group, in the order of the states' table in docs/enrollment.md.
     */
    void json(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        String grouping = Requests.query(ctx, "grouping").orElse("town");
        Groups groups = groups(deps.enrollments().campaignCounts(deps.program()), user);
        Map<String, EnrollmentCounts.Tally> chosen;
        if (grouping.equals("town")) {
            chosen = groups.towns();
        } else if (grouping.equals("rate-class")) {
            chosen = groups.rateClasses();
        } else if (grouping.equals("product")) {
            chosen = groups.products();
        } else {
            throw WebProblem.badRequest("grouping must be town, rate-class or product, was '" + grouping + "'");
        }
        List<String> labels = new ArrayList<>(chosen.keySet());
        List<StateSeriesJson> series = new ArrayList<>();
        for (EnrollmentState s : EnrollmentState.values()) {
            int[] accounts = new int[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                accounts[i] = chosen.get(labels.get(i)).count(s);
            }
            series.add(new StateSeriesJson(s.wireName(), s.displayName(), accounts));
        }
        ctx.json(new CampaignJson(grouping, labels, series));
    }

    /** The three breakdowns as the user may see them, each keyed by the name its rows show. */
    private Groups groups(CampaignCounts counts, ConsoleUser user) {
        Map<String, EnrollmentCounts.Tally> towns = new LinkedHashMap<>(counts.byTown());
        Map<String, EnrollmentCounts.Tally> classes = new LinkedHashMap<>();
        boolean personal = user.seesPersonalInformation();
        counts.byRateClass().forEach((rateClass, t) -> classes.merge(rateClassName(rateClass, personal), t,
                EnrollmentCounts.Tally::plus));
        Map<ProductId, String> names = productNames();
        Map<String, EnrollmentCounts.Tally> products = new LinkedHashMap<>();
        counts.byProduct().forEach((product, t) -> products.merge(
                product.map(p -> names.getOrDefault(p, p.value())).orElse(NO_PRODUCT), t,
                EnrollmentCounts.Tally::plus));
        return new Groups(towns, classes, products);
    }

    /** "R-1", or "R-1/R-2" for a role that may not tell the low-income class apart (as {@link AccountPages}). */
    private static String rateClassName(RateClass c, boolean personal) {
        if (personal || !c.isResidential()) {
            return c.code();
        }
        return c == RateClass.R_1 || c == RateClass.R_2 ? "R-1/R-2" : "R-3/R-4";
    }

    private Map<ProductId, String> productNames() {
        Map<ProductId, String> names = new HashMap<>();
        for (Product p : deps.programs().products(deps.program())) {
            names.put(p.id(), p.name());
        }
        return names;
    }

    private static CampaignView.Table table(String id, String title, String heading,
            Map<String, EnrollmentCounts.Tally> groups) {
        List<CampaignView.Row> rows = new ArrayList<>();
        groups.forEach((name, t) -> rows.add(row(name, t)));
        return new CampaignView.Table(id, title, heading, rows);
    }

    private static CampaignView.Row row(String name, EnrollmentCounts.Tally t) {
        List<String> counts = new ArrayList<>();
        for (EnrollmentState s : EnrollmentState.values()) {
            counts.add(Display.count(t.count(s)));
        }
        return new CampaignView.Row(name, counts, Display.count(t.accounts()),
                percent(t.optOutRate()), fraction(t.optOutRate()),
                percent(t.lowIncomeParticipation()), fraction(t.lowIncomeParticipation()),
                percent(t.netMeteredParticipation()), fraction(t.netMeteredParticipation()));
    }

    /** "14.3 %", or a dash when there is no one to count. */
    static String percent(EnrollmentCounts.Share share) {
        return share.percent().isPresent() ? Display.percentOneDecimal(share.percent().getAsDouble()) : "—";
    }

    /** "1 of 7". */
    static String fraction(EnrollmentCounts.Share share) {
        return Display.count(share.part()) + " of " + Display.count(share.whole());
    }

    private static String detail(EnrollmentCounts.Share share, String what) {
        return fraction(share) + " " + what;
    }

    private record Groups(Map<String, EnrollmentCounts.Tally> towns, Map<String, EnrollmentCounts.Tally> rateClasses,
            Map<String, EnrollmentCounts.Tally> products) {
    }

    record CampaignJson(String grouping, List<String> labels, List<StateSeriesJson> states) {
    }

    record StateSeriesJson(String state, String name, int[] accounts) {
    }
}
