package org.opencce.formats.reference;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.emissions.EmissionFactor;
import org.opencce.domain.emissions.Fuel;
import org.opencce.domain.rates.BasicServiceHistory;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.domain.rates.DeliveryCharge;
import org.opencce.domain.rates.PeerProduct;
import org.opencce.domain.rates.TypicalMonthlyUsage;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.domain.units.Energy;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Money;
import org.opencce.domain.units.Percent;
import org.opencce.formats.FormatException;

/**
 * The readers of the vendored reference CSV files (see {@code PROVENANCE.md} beside them), one method per
 * file. Each fails fast on the first bad row with a {@link FormatException} naming file and line.
 */
final class ReferenceFiles {
    /**
     * ISO-NE load zone of each town the reference data knows. Amherst, Northampton (Hampshire County)
     * and Pelham lie in western Massachusetts, which ISO New England settles in its Western/Central
     * Massachusetts load zone (WCMA); the towns file does not carry the zone.
     */
    static final Map<String, LoadZone> LOAD_ZONE_BY_TOWN = Map.of(
            "Amherst", LoadZone.WCMA,
            "Northampton", LoadZone.WCMA,
            "Pelham", LoadZone.WCMA);

    private ReferenceFiles() {
    }

    static BasicServiceRates basicServiceRates(Reader reader, String source) {
        List<BasicServiceRate> rates = new ArrayList<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "utility", "rate_class", "start_date",
                "end_date", "rate_cents_per_kwh", "source").rows()) {
            try {
                rates.add(new BasicServiceRate(utility(row, "utility"), row.required("rate_class"),
                        row.date("start_date"), row.date("end_date"),
                        EnergyPrice.ofCentsPerKilowattHour(row.decimal("rate_cents_per_kwh")), row.required("source")));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        return new BasicServiceRates(rates);
    }

    /** National Grid's residential Basic Service month by month (the file holds only National Grid). */
    static BasicServiceHistory nationalGridMonthlyBasicService(Reader reader, String source) {
        NavigableMap<YearMonth, EnergyPrice> prices = new TreeMap<>();
        Set<String> sources = new LinkedHashSet<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "month", "rate_cents_per_kwh", "source")
                .rows()) {
            YearMonth month = row.month("month");
            if (prices.put(month, EnergyPrice.ofCentsPerKilowattHour(row.decimal("rate_cents_per_kwh"))) != null) {
                throw row.problem("month " + month + " appears twice");
            }
            sources.add(row.required("source"));
        }
        if (prices.isEmpty()) {
            throw new FormatException(source, "has no months");
        }
        return new BasicServiceHistory(Utility.NATIONAL_GRID_MA, prices, String.join(" ; ", sources));
    }

    static ClassIStandard classIStandard(Reader reader, String source) {
        Map<Integer, Percent> minimum = new TreeMap<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "year", "class_i_minimum_pct").rows()) {
            int year = row.integer("year");
            if (minimum.put(year, Percent.of(row.decimal("class_i_minimum_pct").doubleValue())) != null) {
                throw row.problem("year " + year + " appears twice");
            }
        }
        if (minimum.isEmpty()) {
            throw new FormatException(source, "has no years");
        }
        return new ClassIStandard(minimum);
    }

    static List<Town> towns(Reader reader, String source) {
        List<Town> towns = new ArrayList<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "town", "utility", "population_2020").rows()) {
            String name = row.required("town");
            LoadZone zone = LOAD_ZONE_BY_TOWN.get(name);
            if (zone == null) {
                throw row.problem("the ISO-NE load zone of " + name + " is not known; add it to the load zones of"
                        + " the reference data");
            }
            try {
                towns.add(new Town(name, utility(row, "utility"), zone, row.integer("population_2020")));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        return List.copyOf(towns);
    }

    static List<PeerProduct> peerProducts(Reader reader, String source) {
        List<PeerProduct> products = new ArrayList<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "town", "town_option_name", "is_default",
                "broker", "green_rule", "green_value", "local_rule", "local_value", "start_month", "end_month",
                "rate_cents_per_kwh", "url").rows()) {
            try {
                products.add(new PeerProduct(row.required("town"), row.required("town_option_name"),
                        row.bool("is_default"), row.required("broker"),
                        content(row, "green_rule", "green_value"), content(row, "local_rule", "local_value"),
                        row.month("start_month"), row.month("end_month"),
                        EnergyPrice.ofCentsPerKilowattHour(row.decimal("rate_cents_per_kwh")), row.required("url")));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        return List.copyOf(products);
    }

    /**
     * The renewable-content rule of a product: {@code minimum} with value 0 is the Class I minimum,
     * {@code minimum_plus} N is the minimum plus N points, {@code absolute} N is N % of load.
     */
    private static GreenContent content(ReferenceTable.Row row, String ruleColumn, String valueColumn) {
        String rule = row.required(ruleColumn);
        BigDecimal value = row.decimal(valueColumn);
        if (rule.equals("minimum")) {
            if (value.signum() != 0) {
                throw row.problem(ruleColumn + " 'minimum' must have " + valueColumn + " 0, was " + value);
            }
            return new GreenContent.StateMinimum();
        }
        if (rule.equals("minimum_plus")) {
            return new GreenContent.MinimumPlus(value.doubleValue());
        }
        if (rule.equals("absolute")) {
            return new GreenContent.Absolute(Percent.of(value.doubleValue()));
        }
        throw row.problem(ruleColumn + " '" + rule + "' must be minimum, minimum_plus or absolute");
    }

    /** National Grid's R-1 delivery charges (the file holds only that utility and rate class). */
    static List<DeliveryCharge> deliveryCharges(Reader reader, String source) {
        List<DeliveryCharge> charges = new ArrayList<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "charge", "rate", "unit", "note", "source")
                .rows()) {
            String unit = row.required("unit");
            DeliveryCharge.Amount amount;
            if (unit.equals("USD/month")) {
                amount = new DeliveryCharge.PerMonth(Money.ofDollars(row.decimal("rate")));
            } else if (unit.equals("cents/kWh")) {
                amount = new DeliveryCharge.PerKilowattHour(EnergyPrice.ofCentsPerKilowattHour(row.decimal("rate")));
            } else {
                throw row.problem("unit '" + unit + "' must be USD/month or cents/kWh");
            }
            try {
                charges.add(new DeliveryCharge(Utility.NATIONAL_GRID_MA, RateClass.R_1, row.required("charge"), amount,
                        row.text("note"), row.required("source")));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        return List.copyOf(charges);
    }

    static List<EmissionFactor> emissionFactors(Reader reader, String source) {
        List<EmissionFactor> factors = new ArrayList<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "kind", "scope", "year", "as_of", "fuel",
                "value", "unit", "derivation", "source").rows()) {
            String kind = row.required("kind");
            String fuel = row.required("fuel");
            String unit = row.required("unit");
            try {
                factors.add(new EmissionFactor(
                        EmissionFactor.Kind.parse(kind).orElseThrow(() -> row.problem("kind '" + kind + "' is unknown")),
                        row.required("scope"), row.integer("year"), row.text("as_of"),
                        Fuel.parse(fuel).orElseThrow(() -> row.problem("fuel '" + fuel + "' is unknown")),
                        row.decimal("value").doubleValue(),
                        EmissionFactor.PublishedUnit.parse(unit)
                                .orElseThrow(() -> row.problem("unit '" + unit + "' is unknown")),
                        row.text("derivation"), row.required("source")));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        return List.copyOf(factors);
    }

    /** Eversource's typical residential monthly use (the file holds only Eversource; {@code ALL} = every class). */
    static List<TypicalMonthlyUsage> typicalMonthlyUsage(Reader reader, String source) {
        List<TypicalMonthlyUsage> usage = new ArrayList<>();
        for (ReferenceTable.Row row : ReferenceTable.read(reader, source, "rate_class", "description",
                "typical_monthly_kwh_low", "typical_monthly_kwh_high", "note", "source").rows()) {
            String code = row.required("rate_class");
            Optional<RateClass> rateClass = code.equals("ALL") ? Optional.empty()
                    : Optional.of(RateClass.parse(code).orElseThrow(() -> row.problem("rate_class '" + code
                            + "' is not a rate class or ALL")));
            try {
                usage.add(new TypicalMonthlyUsage(Utility.EVERSOURCE_WMA, rateClass, row.required("description"),
                        Energy.ofKilowattHours(row.integer("typical_monthly_kwh_low")),
                        Energy.ofKilowattHours(row.integer("typical_monthly_kwh_high")), row.text("note"),
                        row.required("source")));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        return List.copyOf(usage);
    }

    private static Utility utility(ReferenceTable.Row row, String column) {
        String text = row.required(column);
        return Utility.parse(text).orElseThrow(() -> row.problem(column + " '" + text + "' is not a known utility"));
    }
}
