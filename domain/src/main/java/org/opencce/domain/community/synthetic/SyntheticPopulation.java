package org.opencce.domain.community.synthetic;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.community.synthetic.TownProfile.Street;

/**
 * Invents the utility accounts of a program's towns for the demo: rate classes, supply status and
 * product choices in realistic shares, utility-style account numbers, names and service addresses.
 * Nothing here is customer data.
 *
 * <p>The result is a pure function of the program, its products, the seed and the scale: the same
 * arguments give equal lists. Accounts come town by town in the program's order, residential before
 * commercial, numbered {@code 1..N}; the store keeps these ids. At scale 1.0 the Valley towns have
 * about 28,340 accounts; scale 0.1 gives a tenth in every town (rounded).
 *
 * <p>The shares below are assumptions of the demo, of plausible size, not utility statistics. Each
 * account is drawn independently, so shares come close to them, not exactly. Immutable and
 * thread-safe.
 */
public final class SyntheticPopulation {

    /**
     * Share of residential accounts on a low-income discount rate (R-2, or R-4 with electric heat).
     */
    static final double LOW_INCOME_SHARE = 0.15;
    /** Share of homes heated electrically (R-3, or R-4 when low-income). */
    static final double ELECTRIC_HEAT_SHARE = 0.08;
    /** Residential accounts with net-metered rooftop solar. */
    static final double NET_METERED_SHARE = 0.06;
    /** Residential accounts with a competitive supplier (not enrolled automatically). */
    static final double RESIDENTIAL_COMPETITIVE_SHARE = 0.31;
    /**
     * Commercial accounts with a competitive supplier, by size: larger customers buy competitively
     * more often. Weighted by the class mix below this is about 49 %, so about a third of all
     * accounts are on competitive supply.
     */
    static final double G1_COMPETITIVE_SHARE = 0.45;
    static final double G2_COMPETITIVE_SHARE = 0.60;
    static final double G3_COMPETITIVE_SHARE = 0.80;
    /** Commercial rate class mix: G-1 small, G-2 medium, the rest G-3 large. */
    static final double G1_SHARE = 0.80;
    static final double G2_SHARE = 0.17;
    /** Eligible accounts that opted out during the notice period and stay on Basic Service. */
    static final double OPT_OUT_SHARE = 0.03;
    /** Of program customers: opted up to the greenest product. */
    static final double GREENEST_SHARE = 0.10;
    /** Of program customers: opted up to the most local product. */
    static final double MOST_LOCAL_SHARE = 0.05;
    /** Of program customers: opted down to the least green product. */
    static final double OPT_DOWN_SHARE = 0.03;
    /** Of residential addresses: an apartment or unit number. */
    static final double APARTMENT_SHARE = 0.15;

    /** The largest scale accepted: ten times the real towns is plenty for load tests. */
    public static final double MAX_SCALE = 10.0;

    private final Program program;
    private final List<TownProfile> profiles;
    private final ProductChoices choices;

    /** A population for {@code program}, whose towns must all be among the {@link ValleyTowns}. */
    public SyntheticPopulation(Program program, List<Product> products) {
        this(program, products, ValleyTowns.profiles());
    }

    /**
     * A population for {@code program} with a profile for each of its towns taken from
     * {@code townProfiles} (matched by name, ignoring case). {@code products} are the program's
     * products; those offered in the launch month are the customers' choices, and exactly one of them
     * must be the default.
     */
    public SyntheticPopulation(Program program, List<Product> products, List<TownProfile> townProfiles) {
        this.program = Objects.requireNonNull(program, "program");
        List<TownProfile> matched = new ArrayList<>();
        for (Town town : program.towns()) {
            matched.add(townProfiles.stream().filter(p -> p.town().equalsIgnoreCase(town.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no town profile for " + town.name()
                            + " of program " + program.id() + ": give its account counts and streets as a"
                            + " TownProfile")));
        }
        this.profiles = List.copyOf(matched);
        YearMonth launch = YearMonth.from(program.launchDate());
        for (Product product : products) {
            if (!product.program().equals(program.id())) {
                throw new IllegalArgumentException("product " + product.id() + " belongs to program "
                        + product.program() + ", not " + program.id());
            }
        }
        this.choices = ProductChoices.of(products.stream().filter(p -> p.isOfferedIn(launch)).toList());
    }

    /**
     * The accounts of all towns at {@code scale} (1.0 is full size, 0.1 a tenth), drawn from
     * {@code seed}.
     */
    public List<Account> generate(long seed, double scale) {
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be above 0 and at most " + MAX_SCALE + ", was " + scale);
        }
        SeededRandom random = new SeededRandom(seed);
        Map<Utility, Set<String>> numbersInUse = new EnumMap<>(Utility.class);
        List<Account> accounts = new ArrayList<>();
        for (int t = 0; t < profiles.size(); t++) {
            Town town = program.towns().get(t);
            TownProfile profile = profiles.get(t);
            Set<String> numbers = numbersInUse.computeIfAbsent(town.utility(), u -> new HashSet<>());
            long residential = Math.round(profile.residentialAccounts() * scale);
            long commercial = Math.round(profile.commercialAccounts() * scale);
            for (long i = 0; i < residential; i++) {
                accounts.add(residential(new AccountId(accounts.size() + 1L), town, profile, numbers, random));
            }
            for (long i = 0; i < commercial; i++) {
                accounts.add(commercial(new AccountId(accounts.size() + 1L), town, profile, numbers, random));
            }
        }
        return List.copyOf(accounts);
    }

    private Account residential(AccountId id, Town town, TownProfile profile, Set<String> numbers,
            SeededRandom random) {
        boolean lowIncome = random.chance(LOW_INCOME_SHARE);
        boolean electricHeat = random.chance(ELECTRIC_HEAT_SHARE);
        RateClass rateClass = electricHeat
                ? (lowIncome ? RateClass.R_4 : RateClass.R_3)
                : (lowIncome ? RateClass.R_2 : RateClass.R_1);
        boolean netMetered = random.chance(NET_METERED_SHARE);
        String name = CustomerNames.person(random);
        ServiceAddress address = address(town, profile.residentialStreets(), 240, APARTMENT_SHARE, random);
        return account(id, town, rateClass, name, address, RESIDENTIAL_COMPETITIVE_SHARE, lowIncome, netMetered,
                numbers, random);
    }

    private Account commercial(AccountId id, Town town, TownProfile profile, Set<String> numbers,
            SeededRandom random) {
        double draw = random.nextDouble();
        RateClass rateClass;
        String name;
        double competitive;
        if (draw < G1_SHARE) {
            rateClass = RateClass.G_1;
            name = CustomerNames.smallBusiness(random);
            competitive = G1_COMPETITIVE_SHARE;
        } else if (draw < G1_SHARE + G2_SHARE) {
            rateClass = RateClass.G_2;
            name = CustomerNames.mediumBusiness(random);
            competitive = G2_COMPETITIVE_SHARE;
        } else {
            rateClass = RateClass.G_3;
            name = CustomerNames.largeBusiness(random);
            competitive = G3_COMPETITIVE_SHARE;
        }
        ServiceAddress address = address(town, profile.commercialStreets(), 400, 0, random);
        return account(id, town, rateClass, name, address, competitive, false, false, numbers, random);
    }

    private Account account(AccountId id, Town town, RateClass rateClass, String name, ServiceAddress address,
            double competitiveShare, boolean lowIncome, boolean netMetered, Set<String> numbers,
            SeededRandom random) {
        SupplyStatus status;
        Optional<ProductId> product;
        if (random.chance(competitiveShare)) {
            status = SupplyStatus.COMPETITIVE;
            product = Optional.empty();
        } else if (random.chance(OPT_OUT_SHARE)) {
            status = SupplyStatus.BASIC_SERVICE;
            product = Optional.empty();
        } else {
            status = SupplyStatus.PROGRAM;
            product = Optional.of(productChoice(random));
        }
        UtilityAccountNumber number = uniqueNumber(town.utility(), numbers, random);
        return new Account(id, program.id(), number, town.utility(), town.name(), rateClass, name, address, status,
                product, lowIncome, netMetered, town.loadZone());
    }

    private ProductId productChoice(SeededRandom random) {
        double draw = random.nextDouble();
        Optional<ProductId> chosen;
        if (draw < GREENEST_SHARE) {
            chosen = choices.greenest();
        } else if (draw < GREENEST_SHARE + MOST_LOCAL_SHARE) {
            chosen = choices.mostLocal();
        } else if (draw < GREENEST_SHARE + MOST_LOCAL_SHARE + OPT_DOWN_SHARE) {
            chosen = choices.optDown();
        } else {
            chosen = Optional.empty();
        }
        return chosen.orElse(choices.defaultProduct());
    }

    private static ServiceAddress address(Town town, List<Street> streets, int highestNumber,
            double apartmentShare, SeededRandom random) {
        Street street = random.pick(streets);
        // Squaring a uniform draw favours low house numbers, as on most streets.
        double u = random.nextDouble();
        int houseNumber = 1 + (int) (u * u * highestNumber);
        String line = houseNumber + " " + street.name();
        if (random.chance(apartmentShare)) {
            line += " Apt " + random.nextIntBetween(1, 24);
        }
        return new ServiceAddress(line, town.name(), street.zip());
    }

    /**
     * A new account number in the utility's style: Eversource's are 11 digits (the Western
     * Massachusetts ones in our fixtures begin 54), National Grid's 10 digits.
     */
    private static UtilityAccountNumber uniqueNumber(Utility utility, Set<String> inUse, SeededRandom random) {
        while (true) {
            String number;
            if (utility == Utility.EVERSOURCE_WMA) {
                number = "54" + digits(9, random);
            } else if (utility == Utility.NATIONAL_GRID_MA) {
                number = (1 + random.nextInt(9)) + digits(9, random);
            } else {
                throw new IllegalArgumentException("no account number style known for " + utility);
            }
            if (inUse.add(number)) {
                return new UtilityAccountNumber(number);
            }
        }
    }

    private static String digits(int count, SeededRandom random) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
