package org.opencce.domain.load.synthetic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.synthetic.SeededRandom;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.domain.weather.HourlyWeather;

/**
 * Synthetic hourly usage (kWh) of an account over a given weather year, for the demo community.
 *
 * <p>Each hour's load is a weather-independent base load shaped by local hour and day type
 * (weekday, Saturday, Sunday or holiday, in {@link LocalCalendar} time, so a 23- or 25-hour DST day
 * gets 23 or 25 values), plus a heating term proportional to the degrees the outdoor temperature is
 * below the account's heating balance point and a cooling term for degrees above its cooling
 * balance point (degree-hours, as in PRISM and CalTRACK), times a day-to-day and an hour-to-hour
 * random factor of mean 1. Net-metered accounts subtract the output of a rooftop array,
 * kWdc × GHI / 1000 W/m² × {@value #PV_DERATE}, so their net usage goes negative on sunny middays.
 * Rate classes differ in size, shape and slopes ({@link RateClassLoad}), calibrated to published
 * class averages ({@link CalibrationTargets}); accounts differ by a lognormal size factor, their
 * own balance points and slopes, and a shift of their daily shape by up to an hour.
 *
 * <p>Everything about an account is drawn from {@code SeededRandom.of(seed, accountId)}, so the
 * usage of one account is the same whether it is generated alone, in a batch, or on any thread.
 * The per-hour terms that do not depend on the account (local slot, degree-hours for each balance
 * point, PV output per kWdc) are computed once in the constructor, so {@link #fill} costs a few
 * multiply-adds and two random draws per hour.
 *
 * <p>Values are rounded to watt-hours, as interval meters report them. Immutable and thread-safe:
 * {@link #fill} may be called concurrently for different accounts and arrays.
 */
public final class SyntheticUsageModel {
    /**
     * DC-to-AC derate of the rooftop arrays: PVWatts v5's default system losses of 14 % and a 96 %
     * inverter give 0.83 (Dobos 2014, NREL/TP-6A20-62641); horizontal irradiance rather than
     * plane-of-array understates a tilted roof a little, so 0.8 is a round figure for both.
     */
    public static final double PV_DERATE = 0.8;
    /**
     * Annual AC output per kWdc of that model on a typical western Massachusetts year: TMY3
     * Chicopee Falls has 1,277 kWh/m² of GHI a year, × 0.8 ≈ 1,020 kWh/kWdc. Used to size arrays.
     */
    static final double PV_YIELD_KWH_PER_KWDC_YEAR = 1_020;
    /** Net-metered arrays are sized to cover this range of the home's expected yearly use. */
    static final double PV_OFFSET_LOW = 0.6;
    static final double PV_OFFSET_HIGH = 1.1;
    /** Residential arrays in Massachusetts are mostly 3 to 15 kWdc; the sizes drawn are kept in a wider band. */
    static final double PV_KWDC_MIN = 2;
    static final double PV_KWDC_MAX = 20;
    /**
     * Time constant of the lag between outdoor temperature and heating or cooling demand, hours: a
     * building's thermal mass carries the morning's cold into the day and the afternoon's heat into
     * the evening. The temperature the degree-hours use is half the current one, half this
     * exponential average.
     */
    static final double THERMAL_LAG_HOURS = 8;
    /** Spread (log-standard-deviation) of an account's heating slope around its size-scaled class slope. */
    static final double HEATING_SLOPE_SIGMA = 0.35;
    /** Spread of the cooling slope: homes with central air, window units or none. */
    static final double COOLING_SLOPE_SIGMA = 0.55;
    /** Accounts' daily shapes are shifted by -1, 0 or +1 hour: early risers and late households. */
    static final int SHAPE_SHIFTS = 3;
    private static final double KWH_RESOLUTION = 1000;

    private final Instant start;
    private final int hours;
    private final long seed;
    private final int[] dayByHour;
    private final int heatingBalanceMinF;
    private final int coolingBalanceMinF;
    /** [balance point − min][hour]: °F of the lagged temperature below the heating balance point. */
    private final double[][] heatingDegreesF;
    /** [balance point − min][hour]: °F above the cooling balance point. */
    private final double[][] coolingDegreesF;
    private final double[] pvKwPerKwdc;
    private final ClassCurves[] curvesByRateClass;

    /** A model over {@code weather}'s hours whose accounts are drawn from {@code seed}. */
    public SyntheticUsageModel(HourlyWeather weather, long seed) {
        Objects.requireNonNull(weather, "weather");
        this.start = weather.start();
        this.hours = weather.hours();
        this.seed = seed;

        int[] slotByHour = new int[hours];
        double[] seasonByHour = new double[hours];
        this.dayByHour = new int[hours];
        for (int h = 0; h < hours; h++) {
            ZonedDateTime local = LocalCalendar.zoned(start.plus(Duration.ofHours(h)));
            LocalDate day = local.toLocalDate();
            slotByHour[h] = dayType(day) * 24 + local.getHour();
            dayByHour[h] = (int) day.toEpochDay();
            // +1 at the winter solstice (day 355), -1 at the summer one.
            seasonByHour[h] = StrictMath.cos(2 * Math.PI * (day.getDayOfYear() - 355) / 365.25);
        }

        RateClassLoad[] loads = new RateClassLoad[RateClass.values().length];
        int heatingMin = Integer.MAX_VALUE;
        int heatingMax = Integer.MIN_VALUE;
        int coolingMin = Integer.MAX_VALUE;
        int coolingMax = Integer.MIN_VALUE;
        for (RateClass rateClass : RateClass.values()) {
            RateClassLoad load = RateClassLoad.of(rateClass);
            loads[rateClass.ordinal()] = load;
            heatingMin = Math.min(heatingMin, load.heatingBalanceLowF);
            heatingMax = Math.max(heatingMax, load.heatingBalanceHighF);
            coolingMin = Math.min(coolingMin, load.coolingBalanceLowF);
            coolingMax = Math.max(coolingMax, load.coolingBalanceHighF);
        }
        this.heatingBalanceMinF = heatingMin;
        this.coolingBalanceMinF = coolingMin;

        double[] laggedF = laggedTemperatureF(weather);
        this.heatingDegreesF = new double[heatingMax - heatingMin + 1][hours];
        for (int b = 0; b < heatingDegreesF.length; b++) {
            double balance = heatingMin + b;
            for (int h = 0; h < hours; h++) {
                heatingDegreesF[b][h] = Math.max(0, balance - laggedF[h]);
            }
        }
        this.coolingDegreesF = new double[coolingMax - coolingMin + 1][hours];
        for (int b = 0; b < coolingDegreesF.length; b++) {
            double balance = coolingMin + b;
            for (int h = 0; h < hours; h++) {
                coolingDegreesF[b][h] = Math.max(0, laggedF[h] - balance);
            }
        }

        this.pvKwPerKwdc = new double[hours];
        for (int h = 0; h < hours; h++) {
            pvKwPerKwdc[h] = Math.max(0, weather.ghiWm2(h)) / 1000.0 * PV_DERATE;
        }

        this.curvesByRateClass = new ClassCurves[loads.length];
        for (int c = 0; c < loads.length; c++) {
            curvesByRateClass[c] = new ClassCurves(loads[c], slotByHour, seasonByHour);
        }
    }

    /** The start of the first hour (UTC), the weather's start. */
    public Instant start() {
        return start;
    }

    /** How many hours every series has, the weather's. */
    public int hours() {
        return hours;
    }

    /**
     * Writes the account's hourly usage, kWh, into {@code kwhByHour}, whose length must be
     * {@link #hours()}: element {@code h} covers {@code [start + h hours, start + h+1 hours)}. Net of
     * rooftop solar for net-metered accounts, so it can be negative.
     */
    public void fill(Account account, double[] kwhByHour) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kwhByHour, "kwhByHour");
        if (kwhByHour.length != hours) {
            throw new IllegalArgumentException("kwhByHour has " + kwhByHour.length + " elements, the weather "
                    + hours + " hours");
        }
        ClassCurves curves = curvesByRateClass[account.rateClass().ordinal()];
        RateClassLoad load = curves.load;
        SeededRandom random = SeededRandom.of(seed, account.id().value());

        // The draws are made in the same order for every account, whether or not it is net-metered,
        // so that flipping one attribute does not reshuffle the rest of the account's numbers.
        double size = random.nextLognormalFactor(load.sizeSigma);
        double baseKw = load.baseKw * size;
        double heatingKwPerF = load.heatingKwPerDegreeF * size * random.nextLognormalFactor(HEATING_SLOPE_SIGMA);
        double coolingKwPerF = load.coolingKwPerDegreeF * size * random.nextLognormalFactor(COOLING_SLOPE_SIGMA);
        double[] heating = heatingDegreesF[random.nextIntBetween(load.heatingBalanceLowF, load.heatingBalanceHighF)
                - heatingBalanceMinF];
        double[] cooling = coolingDegreesF[random.nextIntBetween(load.coolingBalanceLowF, load.coolingBalanceHighF)
                - coolingBalanceMinF];
        double[] base = curves.baseByShift[random.nextInt(SHAPE_SHIFTS)];
        double pvOffset = random.nextDouble(PV_OFFSET_LOW, PV_OFFSET_HIGH);
        double pvKwdc = account.netMetered() ? arrayKwdc(account.rateClass(), size, pvOffset) : 0;

        double[] heatingSchedule = curves.heatingSchedule;
        double[] coolingSchedule = curves.coolingSchedule;
        double dailyNoise = load.dailyNoise;
        double hourlyNoise = load.hourlyNoise;
        int day = Integer.MIN_VALUE;
        double dayFactor = 1;
        for (int h = 0; h < hours; h++) {
            if (dayByHour[h] != day) {
                day = dayByHour[h];
                dayFactor = 1 + dailyNoise * (random.nextDouble() + random.nextDouble() - 1);
            }
            double kw = baseKw * base[h] + heatingKwPerF * heating[h] * heatingSchedule[h]
                    + coolingKwPerF * cooling[h] * coolingSchedule[h];
            double hourFactor = 1 + hourlyNoise * (random.nextDouble() + random.nextDouble() - 1);
            double kwh = kw * dayFactor * hourFactor - pvKwdc * pvKwPerKwdc[h];
            // Adding 0.0 turns a rounded -0.0 into 0.0.
            kwhByHour[h] = Math.rint(kwh * KWH_RESOLUTION) / KWH_RESOLUTION + 0.0;
        }
    }

    /** The account's hourly usage as an interval series of {@link Quality#ESTIMATED} values: synthetic. */
    public IntervalSeries usage(Account account) {
        double[] kwhByHour = new double[hours];
        fill(account, kwhByHour);
        Quality[] quality = new Quality[hours];
        Arrays.fill(quality, Quality.ESTIMATED);
        return new IntervalSeries(start, Duration.ofHours(1), kwhByHour, quality);
    }

    /** An array sized to cover {@code offset} of the home's expected yearly use. */
    private static double arrayKwdc(RateClass rateClass, double size, double offset) {
        double expectedKwhPerYear = CalibrationTargets.typical(rateClass) * 12 * size;
        double kwdc = expectedKwhPerYear * offset / PV_YIELD_KWH_PER_KWDC_YEAR;
        return Math.min(PV_KWDC_MAX, Math.max(PV_KWDC_MIN, kwdc));
    }

    private static int dayType(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY || BusinessHolidays.isHoliday(day)) {
            return RateClassLoad.SUNDAY_OR_HOLIDAY;
        }
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? RateClassLoad.SATURDAY : RateClassLoad.WEEKDAY;
    }

    /** Half the hour's temperature and half its exponential average over the thermal lag, °F. */
    private static double[] laggedTemperatureF(HourlyWeather weather) {
        double[] lagged = new double[weather.hours()];
        double average = weather.hours() == 0 ? 0 : weather.dryBulbF(0);
        for (int h = 0; h < lagged.length; h++) {
            double now = weather.dryBulbF(h);
            average += (now - average) / THERMAL_LAG_HOURS;
            lagged[h] = 0.5 * now + 0.5 * average;
        }
        return lagged;
    }

    /** A rate class's shapes laid out on this model's hours. */
    private static final class ClassCurves {
        final RateClassLoad load;
        /** [shift][hour]: base shape × winter lighting factor, for each shift of the daily shape. */
        final double[][] baseByShift;
        final double[] heatingSchedule;
        final double[] coolingSchedule;

        ClassCurves(RateClassLoad load, int[] slotByHour, double[] seasonByHour) {
            this.load = load;
            int hours = slotByHour.length;
            this.baseByShift = new double[SHAPE_SHIFTS][hours];
            this.heatingSchedule = new double[hours];
            this.coolingSchedule = new double[hours];
            for (int h = 0; h < hours; h++) {
                int slot = slotByHour[h];
                int dayStart = slot - slot % 24;
                double lighting = 1 + load.winterLightingAmplitude * seasonByHour[h];
                for (int s = 0; s < SHAPE_SHIFTS; s++) {
                    int shift = s - SHAPE_SHIFTS / 2;
                    int shifted = dayStart + Math.floorMod(slot % 24 + shift, 24);
                    baseByShift[s][h] = load.baseShape[shifted] * lighting;
                }
                heatingSchedule[h] = load.heatingSchedule[slot];
                coolingSchedule[h] = load.coolingSchedule[slot];
            }
        }
    }
}
