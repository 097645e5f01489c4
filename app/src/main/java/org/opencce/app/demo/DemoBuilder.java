package org.opencce.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.PostalAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.synthetic.DemoProducts;
import org.opencce.domain.community.synthetic.SyntheticPopulation;
import org.opencce.domain.load.synthetic.SyntheticUsageModel;
import org.opencce.domain.rates.PeerPrices;
import org.opencce.domain.rates.PeerProduct;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.domain.weather.HourlyWeather;
import org.opencce.formats.reference.ReferenceData;
import org.opencce.store.IntervalStore;

/**
 * Builds the demo program "Valley Green Energy" from the reference data: its towns, four products
 * priced against the peer Massachusetts aggregations, a synthetic population and one year of hourly
 * usage from the launch date driven by the Chicopee Falls/Westover typical-year temperatures. Seeded and
 * deterministic. Thread-safe (no state besides its inputs).
 */
public final class DemoBuilder {
    public static final ProgramId PROGRAM_ID = new ProgramId("valley-green-energy");
    public static final String PROGRAM_NAME = "Valley Green Energy";
    /** Accounts generated and written per batch: bounds the memory of a full-size run. */
    private static final int BATCH = 512;

    private final ReferenceData reference;

    public DemoBuilder(ReferenceData reference) {
        this.reference = reference;
    }

    /**
     * The demo's public contact, plainly fictitious: a 555-01xx number (the North American Numbering
     * Plan keeps 555-0100 to 555-0199 for fiction) and example.org addresses (reserved by RFC 2606).
     */
    public static final ProgramContact CONTACT = new ProgramContact("413-555-0142", "info@valleygreen.example.org",
            "https://valleygreen.example.org", new PostalAddress("PO Box 555", "Amherst", "MA", "01004"));

    /**
     * The program with the reference towns (Amherst leads) launching on {@code launch}, with the demo's
     * contact and the default 30-day opt-out window.
     */
    public Program program(LocalDate launch) {
        return new Program(PROGRAM_ID, PROGRAM_NAME, "Amherst", reference.towns(), launch, Optional.of(CONTACT),
                Program.DEFAULT_OPT_OUT_WINDOW_DAYS);
    }

    /**
     * The demo's program and its products, as a program file would define them: what
     * {@link org.opencce.app.program.ProgramSetup} creates or updates the demo program from.
     */
    public ProgramDefinition definition(LocalDate launch) {
        Program program = program(launch);
        return new ProgramDefinition(program, products(program));
    }

    /**
     * The demo's products, the default priced at the median default of the peer aggregations offered in
     * the launch month (or, when none is, in the latest month any is), the others at documented spreads.
     */
    public List<Product> products(Program program) {
        YearMonth launch = YearMonth.from(program.launchDate());
        List<PeerProduct> peers = reference.peerProducts();
        YearMonth latestOffered = peers.stream().filter(PeerProduct::isDefault).map(PeerProduct::termEnd)
                .max(YearMonth::compareTo)
                .orElseThrow(() -> new OpenCceException("the reference data has no default peer product to price"
                        + " the demo products against"));
        EnergyPrice standard = PeerPrices.medianDefaultPrice(peers, launch)
                .or(() -> PeerPrices.medianDefaultPrice(peers, latestOffered.isBefore(launch) ? latestOffered
                        : launch.minusMonths(1)))
                .orElseThrow(() -> new OpenCceException("no peer default product is offered in " + launch
                        + "; choose a launch date between 2023 and " + latestOffered));
        return DemoProducts.create(program.id(), launch, DemoProducts.Prices.spreadFrom(standard));
    }

    public List<Account> accounts(Program program, List<Product> products, long seed, double scale) {
        return new SyntheticPopulation(program, products).generate(seed, scale);
    }

    /** The typical-year weather on the hours of the year that starts on the launch date. */
    public HourlyWeather weather(Program program) {
        Instant start = LocalCalendar.startOfDay(program.launchDate());
        Instant end = LocalCalendar.startOfDay(program.launchDate().plusYears(1));
        return reference.chicopeeTypicalYear().alignedTo(start, (int) Duration.between(start, end).toHours());
    }

    /**
     * Generates every account's hourly usage and writes it through {@code intervals} in one commit;
     * {@code progress} is told how many accounts are done. Returns the number of reads written.
     */
    public long writeUsage(List<Account> accounts, HourlyWeather weather, long seed, IntervalStore intervals,
            LongConsumer progress) {
        SyntheticUsageModel model = new SyntheticUsageModel(weather, seed);
        int hours = model.hours();
        Quality[] estimated = new Quality[hours];
        // Synthetic reads are not meter reads: they are marked estimated.
        Arrays.fill(estimated, Quality.ESTIMATED);
        double[][] batch = new double[BATCH][hours];
        long reads = 0;
        try (IntervalStore.IntervalWriter writer = intervals.writer()) {
            for (int from = 0; from < accounts.size(); from += BATCH) {
                int first = from;
                int n = Math.min(BATCH, accounts.size() - from);
                IntStream.range(0, n).parallel().forEach(i -> model.fill(accounts.get(first + i), batch[i]));
                for (int i = 0; i < n; i++) {
                    writer.append(accounts.get(first + i).id(),
                            new IntervalSeries(model.start(), Duration.ofHours(1), batch[i], estimated));
                }
                reads += (long) n * hours;
                progress.accept(n);
            }
            writer.commit();
        }
        return reads;
    }
}
