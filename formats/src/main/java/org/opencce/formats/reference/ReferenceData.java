package org.opencce.formats.reference;

import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.function.BiFunction;
import org.opencce.domain.community.Town;
import org.opencce.domain.emissions.EmissionFactor;
import org.opencce.domain.rates.BasicServiceHistory;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.domain.rates.DeliveryCharge;
import org.opencce.domain.rates.PeerProduct;
import org.opencce.domain.rates.TypicalMonthlyUsage;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.domain.weather.TypicalYear;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;
import org.opencce.formats.isone.SmdHourlyData;
import org.opencce.formats.isone.SmdHourlyReader;
import org.opencce.formats.tmy3.Tmy3Reader;

/**
 * The public facts OpenCCE ships with, read from the files vendored in this jar under
 * {@code org/opencce/formats/reference/} (their sources and licences are in {@code PROVENANCE.md} there
 * and in {@code docs/formats/reference-data.md}): Basic Service rates, the RPS Class I schedule, the
 * program's towns, other Massachusetts aggregations' products, National Grid R-1 delivery charges, New
 * England emission factors, Eversource's typical monthly use, the Chicopee Falls typical weather year
 * and ISO-NE's WCMA hourly data for January–April 2017.
 *
 * <p>All files are read once, on the first call of {@link #instance()}; a bad row in them is a bug in
 * the build and fails with a {@link FormatException} naming file and line. The instance is immutable
 * and thread-safe.
 */
public final class ReferenceData {
    private static final String FOLDER = "/org/opencce/formats/reference/";

    private final BasicServiceRates basicServiceRates;
    private final BasicServiceHistory nationalGridMonthlyBasicService;
    private final ClassIStandard classIStandard;
    private final List<Town> towns;
    private final List<PeerProduct> peerProducts;
    private final List<DeliveryCharge> deliveryCharges;
    private final List<EmissionFactor> emissionFactors;
    private final List<TypicalMonthlyUsage> typicalMonthlyUsage;
    private final TypicalYear chicopeeTypicalYear;
    private final SmdHourlyData wcmassSmd2017;

    private ReferenceData() {
        basicServiceRates = load("basic-service-rates.csv", ReferenceFiles::basicServiceRates);
        nationalGridMonthlyBasicService = load("basic-service-national-grid.csv",
                ReferenceFiles::nationalGridMonthlyBasicService);
        classIStandard = load("rps-class1.csv", ReferenceFiles::classIStandard);
        towns = load("towns.csv", ReferenceFiles::towns);
        peerProducts = load("aggregation-products.csv", ReferenceFiles::peerProducts);
        deliveryCharges = load("delivery-rates-national-grid-r1.csv", ReferenceFiles::deliveryCharges);
        emissionFactors = load("emission-factors.csv", ReferenceFiles::emissionFactors);
        typicalMonthlyUsage = load("eversource-typical-monthly-kwh.csv", ReferenceFiles::typicalMonthlyUsage);
        chicopeeTypicalYear = load("744910TYA.CSV", Tmy3Reader::read);
        wcmassSmd2017 = load("smd-hourly-2017-wcmass.csv", SmdHourlyReader::read);
    }

    /** The reference data, read on first use. */
    public static ReferenceData instance() {
        return Holder.INSTANCE;
    }

    /** Initialization-on-demand: the JVM reads the files once, on first use, safely across threads. */
    private static final class Holder {
        static final ReferenceData INSTANCE = new ReferenceData();
    }

    /** Reads the vendored {@code file} with {@code reader}; package-private so a test can name a missing file. */
    static <T> T load(String file, BiFunction<Reader, String, T> reader) {
        InputStream in = ReferenceData.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new FormatException(file, "is missing from the classpath (" + FOLDER + "); the opencce-formats"
                    + " jar is incomplete, rebuild it");
        }
        return reader.apply(CsvInput.utf8(in), file);
    }

    /**
     * Residential Basic Service periods of Eversource (Western Massachusetts, R-1) and National Grid
     * (R-1/R-2 fixed price), in ¢/kWh, from {@code basic-service-rates.csv}.
     */
    public BasicServiceRates basicServiceRates() {
        return basicServiceRates;
    }

    /** National Grid's residential Basic Service price month by month, 2018-01 to 2026-01. */
    public BasicServiceHistory nationalGridMonthlyBasicService() {
        return nationalGridMonthlyBasicService;
    }

    /** The Massachusetts RPS Class I minimum standard (225 CMR 14), 2019–2030. */
    public ClassIStandard classIStandard() {
        return classIStandard;
    }

    /**
     * Amherst, Northampton and Pelham with their distribution utility, 2020 population and ISO-NE load
     * zone (all three are in WCMA, Western/Central Massachusetts).
     */
    public List<Town> towns() {
        return towns;
    }

    /** The 86 products of other Massachusetts municipal aggregations, with their published prices and terms. */
    public List<PeerProduct> peerProducts() {
        return peerProducts;
    }

    /** National Grid's residential R-1 delivery charges: the customer charge and the per-kWh charges. */
    public List<DeliveryCharge> deliveryCharges() {
        return deliveryCharges;
    }

    /** ISO-NE CO2 emission factors: system averages, real-time fuel factors and the derived marginal proxy. */
    public List<EmissionFactor> emissionFactors() {
        return emissionFactors;
    }

    /** Eversource's typical monthly use of residential customers, by rate class and for all of them. */
    public List<TypicalMonthlyUsage> typicalMonthlyUsage() {
        return typicalMonthlyUsage;
    }

    /** The TMY3 typical year of Chicopee Falls/Westover (USAF 744910), the station nearest to the three towns. */
    public TypicalYear chicopeeTypicalYear() {
        return chicopeeTypicalYear;
    }

    /** ISO-NE SMD hourly data of the WCMA load zone, 2017-01-01 to 2017-04-30. */
    public SmdHourlyData wcmassSmd2017() {
        return wcmassSmd2017;
    }
}
