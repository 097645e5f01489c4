package org.opencce.app.web;

import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencce.app.load.LoadProfiles;
import org.opencce.app.web.view.DashboardView;
import org.opencce.app.web.view.WeekPanel;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.load.Grouping;
import org.opencce.domain.load.LoadProfile;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.AccountQuery;

/**
 * The console dashboard and the load JSON its charts read: the community's hourly load for a week
 * and its monthly energy over the data's year, by town. Weeks run Monday to Sunday in local time
 * (America/New_York). Thread-safe.
 */
final class Dashboard {
    /** The longest period {@code /api/console/load} returns hour by hour. */
    static final int MAX_HOURLY_DAYS = 93;
    /** The years a {@code ?week=} may fall in. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;
    /** The monthly chart covers at most the last twelve months with data. */
    private static final int YEAR_MONTHS = 12;

    private final WebApp.Dependencies deps;
    private final Frames frames;
    private final Templates templates;

    Dashboard(WebApp.Dependencies deps, Frames frames, Templates templates) {
        this.deps = deps;
        this.frames = frames;
        this.templates = templates;
    }

    /** {@code GET /console}: tiles, the week chart ({@code ?week=yyyy-mm-dd}) and the monthly chart. */
    void page(Context ctx) {
        List<YearMonth> months = deps.intervals().months();
        LocalDate week = requestedWeek(ctx).orElseGet(() -> defaultWeek(months));
        Optional<MonthRange> year = dataYear(months);
        LoadProfile yearProfile = year.map(this::yearProfile).orElse(null);
        DashboardView view = new DashboardView(
                frames.consolePage(ctx, "Dashboard", "dashboard", List.of("charts.js")),
                tiles(year, yearProfile), !months.isEmpty(), weekPanel(week, months),
                "/api/console/load/monthly?grouping=town",
                year.map(y -> Display.monthRange(y.first(), y.last())).orElse(""));
        templates.respond(ctx, "console/dashboard.jte", view);
    }

    /** {@code GET /console/week?week=yyyy-mm-dd}: the week panel alone, for htmx to swap in. */
    void weekFragment(Context ctx) {
        List<YearMonth> months = deps.intervals().months();
        LocalDate week = requestedWeek(ctx).orElseGet(() -> defaultWeek(months));
        // The address bar follows the week shown, so reloading or sharing the page keeps it.
        ctx.header("HX-Push-Url", "/console?week=" + week);
        templates.respond(ctx, "console/week.jte", weekPanel(week, months));
    }

    /**
     * {@code GET /api/console/load?grouping=town&from=yyyy-mm-dd&to=yyyy-mm-dd}: kWh of each group in
     * each hour of the local days {@code [from, to)} ({@code to} is the first day left out).
     */
    void loadJson(Context ctx) {
        Grouping grouping = grouping(ctx);
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (!from.isBefore(to)) {
            throw WebProblem.badRequest("'to' (" + to + ") must be after 'from' (" + from + "); 'to' is the first day"
                    + " not included, so one day is from=2025-01-06&to=2025-01-07.");
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_HOURLY_DAYS) {
            throw WebProblem.badRequest("hourly load is served for at most " + MAX_HOURLY_DAYS + " days at a time;"
                    + " asked for " + days + " days. Use /api/console/load/monthly for longer periods.");
        }
        LoadProfile profile = profile(grouping, from, to);
        List<String> hourStarts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int h = 0; h < profile.hours(); h++) {
            Instant start = profile.hourStart(h);
            hourStarts.add(LocalCalendar.zoned(start).toOffsetDateTime().toString());
            labels.add(Display.chartHour(LocalCalendar.local(start)));
        }
        List<HourlyGroupJson> groups = new ArrayList<>();
        double total = 0;
        for (int g = 0; g < profile.groups().size(); g++) {
            groups.add(new HourlyGroupJson(profile.groups().get(g), profile.kwhByHour(g), profile.totalKwh(g)));
            total += profile.totalKwh(g);
        }
        ctx.json(new HourlyJson(grouping.name().toLowerCase(Locale.ROOT), from, to,
                LocalCalendar.ZONE.getId(), "kWh", hourStarts, labels, groups, total));
    }

    /** {@code GET /api/console/load/monthly?grouping=town}: MWh of each group in each month of the data's year. */
    void monthlyJson(Context ctx) {
        Grouping grouping = grouping(ctx);
        Optional<MonthRange> year = dataYear(deps.intervals().months());
        List<String> months = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<MonthlyGroupJson> groups = new ArrayList<>();
        double total = 0;
        if (year.isPresent()) {
            LoadProfile profile = profile(grouping, year.get().firstDay(), year.get().endDay());
            Map<YearMonth, double[]> byMonth = profile.monthlyKwh();
            List<YearMonth> range = year.get().months();
            for (YearMonth m : range) {
                months.add(m.toString());
                labels.add(Display.month(m));
            }
            for (int g = 0; g < profile.groups().size(); g++) {
                double[] mwh = new double[range.size()];
                double sum = 0;
                for (int i = 0; i < range.size(); i++) {
                    double[] kwh = byMonth.get(range.get(i));
                    mwh[i] = kwh == null ? 0 : kwh[g] / 1000.0;
                    sum += mwh[i];
                }
                groups.add(new MonthlyGroupJson(profile.groups().get(g), mwh, sum));
                total += sum;
            }
        }
        ctx.json(new MonthlyJson(grouping.name().toLowerCase(Locale.ROOT), "MWh", months, labels, groups,
                total));
    }

    private List<DashboardView.Tile> tiles(Optional<MonthRange> year, LoadProfile yearProfile) {
        long all = deps.accounts().count(deps.program());
        long program = countWithStatus(SupplyStatus.PROGRAM);
        long basic = countWithStatus(SupplyStatus.BASIC_SERVICE);
        long competitive = countWithStatus(SupplyStatus.COMPETITIVE);
        List<String> towns = deps.programs().find(deps.program())
                .map(p -> p.towns().stream().map(t -> t.name()).toList()).orElse(List.of());
        List<DashboardView.Tile> tiles = new ArrayList<>();
        tiles.add(new DashboardView.Tile("Accounts", Display.count(all), "in " + (towns.isEmpty() ? "the program's towns" : Display.list(towns))));
        tiles.add(new DashboardView.Tile("Enrolled share",
                all == 0 ? "—" : Display.percentOneDecimal(100.0 * program / all),
                Display.count(program) + " of " + Display.count(all) + " accounts supplied by the program"));
        tiles.add(new DashboardView.Tile("Basic Service", Display.count(basic),
                "accounts on the utility's default supply"));
        tiles.add(new DashboardView.Tile("Competitive supply", Display.count(competitive),
                "accounts with a supplier of their own"));
        EnrollmentCounts.Tally enrollment = deps.enrollments().counts(deps.program()).total();
        tiles.add(new DashboardView.Tile("Opt-out rate", CampaignPages.percent(enrollment.optOutRate()),
                CampaignPages.fraction(enrollment.optOutRate()) + " reached accounts; see the campaign",
                "/console/campaign"));
        tiles.add(new DashboardView.Tile("Rejected enrollments",
                Display.count(enrollment.count(EnrollmentState.REJECTED)), "rejected by the utility",
                ExceptionPages.href(ExceptionPages.REJECTED)));
        tiles.add(new DashboardView.Tile("Returned mail",
                Display.count(enrollment.count(EnrollmentState.RETURNED_MAIL)), "notices returned undeliverable", ExceptionPages.href(ExceptionPages.RETURNED_MAIL)));
        if (year.isPresent()) {
            double kwh = 0;
            for (int g = 0; g < yearProfile.groups().size(); g++) {
                kwh += yearProfile.totalKwh(g);
            }
            tiles.add(new DashboardView.Tile("Energy used", Display.energy(kwh),
                    Display.monthRange(year.get().first(), year.get().last()) + ", all accounts with interval data"));
        } else {
            tiles.add(new DashboardView.Tile("Energy used", "—", "no interval data imported yet"));
        }
        return tiles;
    }

    private long countWithStatus(SupplyStatus status) {
        AccountQuery query = new AccountQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(status));
        return deps.accounts().search(deps.program(), query, 0, 1).total();
    }

    private LoadProfile yearProfile(MonthRange year) {
        return profile(Grouping.TOWN, year.firstDay(), year.endDay());
    }

    /** The load over the local days {@code [from, to)}; a period the data cannot answer is a 400. */
    private LoadProfile profile(Grouping grouping, LocalDate from, LocalDate to) {
        try {
            return deps.loads().profile(deps.program(), grouping, from, to);
        } catch (LoadProfiles.PeriodOutsideData e) {
            throw WebProblem.badRequest(e.getMessage());
        }
    }

    private WeekPanel weekPanel(LocalDate monday, List<YearMonth> months) {
        LocalDate sunday = monday.plusDays(6);
        LocalDate nextMonday = monday.plusDays(7);
        LoadProfile profile;
        try {
            profile = deps.loads().profile(deps.program(), Grouping.TOWN, monday, nextMonday);
        } catch (LoadProfiles.PeriodOutsideData e) {
            // A week without data (browsing past either end, or before any import) shows as empty,
            // with the range of days that have data; it is not an error.
            profile = new LoadProfile(List.of(), LocalCalendar.startOfDay(monday), new double[0][]);
        }
        double[] total = profile.totalKwhByHour();
        double totalKwh = 0;
        for (double v : total) {
            totalKwh += v;
        }
        List<WeekPanel.GroupRow> rows = new ArrayList<>();
        for (int g = 0; g < profile.groups().size(); g++) {
            rows.add(groupRow(profile.groups().get(g), profile.kwhByHour(g), totalKwh, profile));
        }
        String title = Display.longDate(monday) + " to " + Display.longDate(sunday);
        String chartSrc = "/api/console/load?grouping=town&from=" + monday + "&to=" + nextMonday;
        String firstDay = months.isEmpty() ? "" : months.get(0).atDay(1).toString();
        String lastDay = months.isEmpty() ? "" : months.get(months.size() - 1).atEndOfMonth().toString();
        return new WeekPanel(monday.toString(), title, monday.minusDays(7).toString(), nextMonday.toString(), chartSrc,
                rows, groupRow("All towns", total, totalKwh, profile), totalKwh > 0, firstDay, lastDay);
    }

    private static WeekPanel.GroupRow groupRow(String name, double[] kwhByHour, double weekTotalKwh,
            LoadProfile profile) {
        double sum = 0;
        int peakHour = -1;
        for (int h = 0; h < kwhByHour.length; h++) {
            sum += kwhByHour[h];
            if (peakHour < 0 || kwhByHour[h] > kwhByHour[peakHour]) {
                peakHour = h;
            }
        }
        boolean hasPeak = peakHour >= 0 && kwhByHour[peakHour] > 0;
        return new WeekPanel.GroupRow(name, Display.kwh(sum),
                weekTotalKwh > 0 ? Display.percentOneDecimal(100.0 * sum / weekTotalKwh) : "—",
                hasPeak ? Display.number(Math.round(kwhByHour[peakHour] * 10) / 10.0) + " kW" : "—",
                hasPeak ? Display.hour(LocalCalendar.local(profile.hourStart(peakHour))) : "");
    }

    /** The Monday of the week asked for with {@code ?week=}, if any. */
    private static Optional<LocalDate> requestedWeek(Context ctx) {
        return Requests.query(ctx, "week").map(text -> {
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw WebProblem.badRequest("week must be a date like 2025-01-06, was '" + text + "'");
            }
            // Far-off years would overflow the week arithmetic, and before November 18, 1883 New York
            // kept local mean time (UTC-4:56:02), whose days do not start on a whole UTC hour.
            if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
                throw WebProblem.badRequest("week must be a date in the years " + MIN_YEAR + " to " + MAX_YEAR
                        + ", was '" + text + "'");
            }
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        });
    }

    /** The first full week (Monday to Sunday) of the latest month with data, or this week without data. */
    private LocalDate defaultWeek(List<YearMonth> months) {
        if (months.isEmpty()) {
            return LocalDate.ofInstant(deps.clock().instant(), LocalCalendar.ZONE)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return months.get(months.size() - 1).atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** The last twelve months up to the latest month with data (fewer when the data is younger). */
    private static Optional<MonthRange> dataYear(List<YearMonth> months) {
        if (months.isEmpty()) {
            return Optional.empty();
        }
        YearMonth last = months.get(months.size() - 1);
        YearMonth first = months.get(0).isBefore(last.minusMonths(YEAR_MONTHS - 1L))
                ? last.minusMonths(YEAR_MONTHS - 1L) : months.get(0);
        return Optional.of(new MonthRange(first, last));
    }

    private static Grouping grouping(Context ctx) {
        String text = Requests.query(ctx, "grouping").orElse("town");
        return Grouping.parse(text).orElseThrow(() -> WebProblem.badRequest(
                "grouping must be town, rate-class or product, was '" + text + "'"));
    }

    private static LocalDate date(Context ctx, String name) {
        String text = Requests.query(ctx, name).orElseThrow(() -> WebProblem.badRequest(
                "the query parameter '" + name + "' is required, as a local date like 2025-01-06"));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw WebProblem.badRequest("'" + name + "' must be a date like 2025-01-06, was '" + text + "'");
        }
    }

    /** Whole local months {@code first..last}, with their UTC bounds. */
    private record MonthRange(YearMonth first, YearMonth last) {
        LocalDate firstDay() {
            return first.atDay(1);
        }

        /** The first day after the range. */
        LocalDate endDay() {
            return last.plusMonths(1).atDay(1);
        }

        List<YearMonth> months() {
            List<YearMonth> all = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                all.add(m);
            }
            return all;
        }
    }

    record HourlyJson(String grouping, LocalDate from, LocalDate to, String zone, String unit, List<String> hourStarts,
            List<String> labels, List<HourlyGroupJson> groups, double totalKwh) {
    }

    record HourlyGroupJson(String name, double[] kwh, double totalKwh) {
    }

    record MonthlyJson(String grouping, String unit, List<String> months, List<String> labels,
            List<MonthlyGroupJson> groups, double totalMwh) {
    }

    record MonthlyGroupJson(String name, double[] mwh, double totalMwh) {
    }
}
