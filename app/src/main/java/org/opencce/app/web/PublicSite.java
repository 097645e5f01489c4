package org.opencce.app.web;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.app.web.ProgramOffer.Benchmark;
import org.opencce.app.web.ProgramOffer.Comparison;
import org.opencce.app.web.ProgramOffer.ProductOffer;
import org.opencce.app.web.view.HomeView;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.units.Percent;

/** The public site: the home page and {@code GET /api/program}. Thread-safe. */
final class PublicSite {
    private final WebApp.Dependencies deps;
    private final Frames frames;
    private final Templates templates;

    PublicSite(WebApp.Dependencies deps, Frames frames, Templates templates) {
        this.deps = deps;
        this.frames = frames;
        this.templates = templates;
    }

    /** {@code GET /}. */
    void home(Context ctx) {
        ProgramOffer offer = offer();
        List<String> utilities = offer.benchmarks().stream().map(b -> shortName(b.utility())).toList();
        List<HomeView.TownRow> towns = offer.program().towns().stream()
                .map(t -> new HomeView.TownRow(t.name(), t.utility().displayName(), Display.count(t.population()),
                        t.name().equals(offer.program().leadTown())))
                .toList();
        List<HomeView.ProductRow> products = offer.products().stream().map(p -> productRow(offer, p)).toList();
        HomeView view = new HomeView(
                frames.publicPage(ctx, offer.program().name(), List.of()),
                offer.program().name(),
                offer.program().leadTown(),
                Display.list(offer.program().towns().stream().map(Town::name).toList()),
                Display.date(offer.program().launchDate()),
                !offer.program().launchDate().isAfter(offer.today()),
                Display.date(offer.today()),
                "Renewable content for " + offer.classIYear() + ": every supplier must buy at least "
                        + Display.percent(offer.classIMinimum()) + " Class I renewable energy (the Massachusetts"
                        + " Renewable Portfolio Standard, 225 CMR 14).",
                towns,
                utilities,
                offer.benchmarks().stream().map(b -> basicServiceRow(offer, b)).toList(),
                products,
                offer.products().stream().anyMatch(p -> p.product().illustrative()));
        templates.respond(ctx, "home.jte", view);
    }

    /** {@code GET /api/program}: the program, towns, products and the Basic Service comparison. */
    void programJson(Context ctx) {
        ProgramOffer offer = offer();
        List<BasicServiceJson> basicService = new ArrayList<>();
        for (Benchmark b : offer.benchmarks()) {
            Optional<BasicServiceRate> r = b.rate();
            basicService.add(new BasicServiceJson(b.utility().name(), b.utility().displayName(), b.towns(),
                    r.map(BasicServiceRate::rateClass).orElse(null), r.map(BasicServiceRate::start).orElse(null),
                    r.map(BasicServiceRate::end).orElse(null),
                    r.map(x -> x.price().centsPerKilowattHour()).orElse(null), b.current(),
                    r.map(BasicServiceRate::source).orElse(null)));
        }
        List<ProductJson> products = new ArrayList<>();
        for (ProductOffer p : offer.products()) {
            Product product = p.product();
            List<ComparisonJson> comparisons = new ArrayList<>();
            for (int i = 0; i < p.comparisons().size(); i++) {
                Comparison c = p.comparisons().get(i);
                Optional<BasicServiceRate> rate = offer.benchmarks().get(i).rate();
                comparisons.add(new ComparisonJson(c.utility().name(),
                        rate.map(r -> r.price().centsPerKilowattHour()).orElse(null),
                        c.differenceCents().orElse(null), c.differencePercent().map(Percent::value).orElse(null)));
            }
            products.add(new ProductJson(product.id().value(), product.name(), product.isDefault(),
                    product.illustrative(), product.termStart(), product.termEnd(), p.renewable().value(),
                    product.greenContent().describe(), product.localContent().value(),
                    product.price().centsPerKilowattHour(), comparisons));
        }
        List<TownJson> towns = offer.program().towns().stream().map(PublicSite::townJson).toList();
        ProgramId id = offer.program().id();
        ctx.json(new ProgramJson(
                new ProgramPartJson(id.value(), offer.program().name(), offer.program().leadTown(),
                        offer.program().launchDate()),
                offer.today(), new ClassIJson(offer.classIYear(), offer.classIMinimum().value()), towns,
                basicService, products));
    }

    private ProgramOffer offer() {
        return ProgramOffer.today(deps.program(), deps.programs(), deps.basicService(), deps.classI(), deps.clock());
    }

    private static HomeView.ProductRow productRow(ProgramOffer offer, ProductOffer p) {
        Product product = p.product();
        List<HomeView.Comparison> comparisons = new ArrayList<>();
        for (Comparison c : p.comparisons()) {
            comparisons.add(comparison(c));
        }
        return new HomeView.ProductRow(product.name(), product.isDefault(), product.illustrative(),
                renewable(product.greenContent(), p.renewable(), offer.classIMinimum()),
                product.greenContent().describe(),
                product.localContent().value() == 0 ? "—" : Display.percent(product.localContent()),
                Display.price(product.price()), term(product.termStart(), product.termEnd()), comparisons);
    }

    /** "50 % (state minimum 30 % + 20)", "30 % (state minimum)", "100 %". */
    static String renewable(GreenContent rule, Percent renewable, Percent stateMinimum) {
        if (rule instanceof GreenContent.StateMinimum) {
            return Display.percent(renewable) + " (state minimum)";
        }
        if (rule instanceof GreenContent.MinimumPlus) {
            double points = ((GreenContent.MinimumPlus) rule).points();
            return Display.percent(renewable) + " (state minimum " + Display.percent(stateMinimum) + " + "
                    + Display.number(points) + ")";
        }
        return Display.percent(renewable);
    }

    private static HomeView.Comparison comparison(Comparison c) {
        if (c.differenceCents().isEmpty()) {
            return new HomeView.Comparison(shortName(c.utility()), "no Basic Service rate known", "", "unknown");
        }
        BigDecimal cents = c.differenceCents().get();
        double percent = c.differencePercent().orElseThrow().value();
        int sign = cents.signum();
        String difference = sign == 0 ? "same price"
                : Display.cents(cents.abs()) + " ¢/kWh " + (sign < 0 ? "less" : "more");
        String percentText = (sign > 0 ? "+" : sign < 0 ? "−" : "") + Display.percentOneDecimal(Math.abs(percent));
        return new HomeView.Comparison(shortName(c.utility()), difference, percentText,
                sign < 0 ? "less" : sign > 0 ? "more" : "same");
    }

    private static HomeView.BasicServiceRow basicServiceRow(ProgramOffer offer, Benchmark b) {
        String towns = String.join(", ", b.towns());
        if (b.rate().isEmpty()) {
            return new HomeView.BasicServiceRow(b.utility().displayName(), towns, "not known", "", false,
                    "No Basic Service rate of this utility is on record yet.", "", "");
        }
        BasicServiceRate r = b.rate().get();
        String note = b.current() ? "In force today."
                : "Latest published rate. Its period ended on " + Display.date(r.end())
                        + "; the rate in force on " + Display.date(offer.today()) + " is not on record yet.";
        Optional<URI> link = firstWebAddress(r.source());
        return new HomeView.BasicServiceRow(b.utility().displayName(), towns, Display.price(r.price()),
                Display.date(r.start()) + " – " + Display.date(r.end()), b.current(), note,
                link.map(URI::getHost).map(h -> h.startsWith("www.") ? h.substring(4) : h).orElse(r.source()),
                link.map(URI::toString).orElse(""));
    }

    /** The first http(s) address in a source note like "https://a.example/x ; github:owner/repo". */
    private static Optional<URI> firstWebAddress(String source) {
        for (String part : source.split("[\\s;]+")) {
            if (part.startsWith("https://") || part.startsWith("http://")) {
                try {
                    URI uri = URI.create(part);
                    if (uri.getHost() != null) {
                        return Optional.of(uri);
                    }
                } catch (IllegalArgumentException e) {
                    // not a usable address; try the next part
                }
            }
        }
        return Optional.empty();
    }

    /** "Eversource", "National Grid": the display name without the legal entity in parentheses. */
    private static String shortName(Utility utility) {
        String name = utility.displayName();
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
    }

    private static String term(YearMonth start, YearMonth end) {
        return Display.month(start) + " – " + Display.month(end);
    }

    private static TownJson townJson(Town t) {
        return new TownJson(t.name(), t.utility().name(), t.utility().displayName(), t.loadZone().name(),
                t.population());
    }

    record ProgramJson(ProgramPartJson program, LocalDate asOf, ClassIJson classI, List<TownJson> towns,
            List<BasicServiceJson> basicService, List<ProductJson> products) {
    }

    record ProgramPartJson(String id, String name, String leadTown, LocalDate launchDate) {
    }

    record ClassIJson(int year, double minimumPercent) {
    }

    record TownJson(String name, String utility, String utilityName, String loadZone, int population) {
    }

    record BasicServiceJson(String utility, String utilityName, List<String> towns, String rateClass,
            LocalDate start, LocalDate end, BigDecimal centsPerKwh, boolean inForceToday, String source) {
    }

    record ProductJson(String id, String name, boolean isDefault, boolean illustrative, YearMonth termStart,
            YearMonth termEnd, double renewablePercent, String renewableRule, double localPercent,
            BigDecimal centsPerKwh, List<ComparisonJson> basicServiceComparison) {
    }

    record ComparisonJson(String utility, BigDecimal basicServiceCentsPerKwh, BigDecimal differenceCentsPerKwh,
            Double differencePercent) {
    }
}
