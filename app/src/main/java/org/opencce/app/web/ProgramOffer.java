package org.opencce.app.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.units.Percent;
import org.opencce.store.ProgramStore;

/**
 * What the program offers today, as the public page and {@code GET /api/program} show it: the
 * products still on offer with the renewable content they mean this year, and each price against
 * the Basic Service of each utility serving the towns.
 */
record ProgramOffer(Program program, LocalDate today, int classIYear, Percent classIMinimum,
        List<Benchmark> benchmarks, List<ProductOffer> products) {

    /**
     * A utility's Basic Service rate used as the benchmark: the one in force today, or else the
     * latest published before today ({@code current} false), or none known.
     */
    record Benchmark(Utility utility, List<String> towns, Optional<BasicServiceRate> rate, boolean current) {
    }

    /** A product, its renewable content this year, and its price against each benchmark. */
    record ProductOffer(Product product, Percent renewable, List<Comparison> comparisons) {
    }

    /**
     * A product price minus a Basic Service price: negative when the product is cheaper. Empty when
     * the utility has no known rate.
     */
    record Comparison(Utility utility, Optional<BigDecimal> differenceCents, Optional<Percent> differencePercent) {
    }

    /** The offer of {@code programId} on today's date in Massachusetts. */
    static ProgramOffer today(ProgramId programId, ProgramStore programs, BasicServiceRates basicService,
            ClassIStandard classI, Clock clock) {
        Program program = programs.find(programId).orElseThrow(() -> new WebProblem(503, "Program not set up",
                "The program " + programId + " is not in the database yet. An administrator has to load it"
                        + " before the public site can show it."));
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalCalendar.ZONE);
        int classIYear = classIYear(classI, today.getYear());
        Percent minimum = classI.minimumFor(classIYear).orElseThrow();

        Map<Utility, List<String>> townsByUtility = new LinkedHashMap<>();
        for (Town t : program.towns()) {
            townsByUtility.computeIfAbsent(t.utility(), u -> new ArrayList<>()).add(t.name());
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        townsByUtility.forEach((utility, towns) -> {
            Optional<BasicServiceRate> rate = basicService.latestOnOrBefore(utility, today);
            benchmarks.add(new Benchmark(utility, towns, rate, rate.map(r -> r.covers(today)).orElse(false)));
        });

        YearMonth thisMonth = YearMonth.from(today);
        List<ProductOffer> offers = programs.products(programId).stream()
                .filter(p -> !p.termEnd().isBefore(thisMonth))
                .sorted(Comparator.comparing(Product::price).thenComparing(Product::name))
                .map(p -> new ProductOffer(p, p.greenContent().percentGiven(minimum), compare(p, benchmarks)))
                .toList();
        return new ProgramOffer(program, today, classIYear, minimum, benchmarks, offers);
    }

    /**
     * The compliance year whose Class I minimum applies: this year, or the nearest year the schedule
     * knows (the last one after the schedule ends, the first one before it starts).
     */
    private static int classIYear(ClassIStandard classI, int year) {
        if (classI.minimumFor(year).isPresent()) {
            return year;
        }
        Optional<Integer> before = classI.minimumByYear().keySet().stream().filter(y -> y < year)
                .max(Comparator.naturalOrder());
        return before.orElseGet(() -> classI.minimumByYear().keySet().stream().min(Comparator.naturalOrder())
                .orElseThrow());
    }

    private static List<Comparison> compare(Product product, List<Benchmark> benchmarks) {
        List<Comparison> comparisons = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            comparisons.add(new Comparison(b.utility(),
                    b.rate().map(r -> product.price().minus(r.price()).centsPerKilowattHour()),
                    b.rate().map(r -> product.price().differenceFrom(r.price()))));
        }
        return comparisons;
    }
}
