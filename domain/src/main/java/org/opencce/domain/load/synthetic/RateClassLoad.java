package org.opencce.domain.load.synthetic;

import org.opencce.domain.community.RateClass;

/**
 * How the accounts of one rate class use electricity, for the synthetic model: the average
 * weather-independent load, its daily and weekly shape, the heating and cooling slopes with their
 * balance points, and how much accounts and hours vary. The numbers were tuned against
 * {@link CalibrationTargets} over TMY3 Chicopee Falls weather; the shapes are the familiar ones
 * (homes peak in the morning and evening and differ at weekends; businesses follow opening hours;
 * large customers are flatter).
 *
 * <p>Shapes have {@value #SLOTS} slots: 24 local hours of a weekday, of a Saturday and of a Sunday or
 * holiday. {@code baseShape} is normalized so that its average over a week (five weekdays, a Saturday,
 * a Sunday) is 1, so {@code baseKw} is the class's average weather-independent load.
 *
 * <p>Fields (immutable after construction; the arrays are never handed out of this package):
 * <ul>
 * <li>baseKw: average weather-independent load of an account, kW
 * <li>heatingKwPerDegreeF: extra load per °F that the (lagged) outdoor temperature is below the
 *     account's heating balance point, kW/°F
 * <li>coolingKwPerDegreeF: extra load per °F above the cooling balance point, kW/°F
 * <li>heatingBalanceLowF: lowest heating balance point drawn for an account, °F (inclusive)
 * <li>heatingBalanceHighF: highest, °F (inclusive)
 * <li>coolingBalanceLowF: lowest cooling balance point, °F (inclusive)
 * <li>coolingBalanceHighF: highest, °F (inclusive)
 * <li>baseShape: weather-independent load by slot, weekly mean 1
 * <li>heatingSchedule: multiplier of the heating load by slot (thermostat setback, closed hours)
 * <li>coolingSchedule: multiplier of the cooling load by slot (occupancy)
 * <li>winterLightingAmplitude: how much more base load at the winter solstice (and less at the
 *     summer one), as a fraction: longer evenings mean more lighting and time indoors
 * <li>sizeSigma: log-standard-deviation of the account's size factor (mean 1)
 * <li>dailyNoise: half-width of the day-to-day factor (uniform-sum, mean 1)
 * <li>hourlyNoise: half-width of the hour-to-hour factor (uniform-sum, mean 1)
 */
final class RateClassLoad {
    static final int SLOTS = 72;
    static final int WEEKDAY = 0;
    static final int SATURDAY = 1;
    static final int SUNDAY_OR_HOLIDAY = 2;

    // Households: low at night, a morning peak before work and school, a longer evening peak; at
    // weekends the morning starts later and the middle of the day is fuller.
    private static final double[] HOME_WEEKDAY = {
        0.70, 0.62, 0.58, 0.56, 0.57, 0.63, 0.82, 1.00, 0.98, 0.88, 0.82, 0.80,
        0.80, 0.79, 0.80, 0.86, 0.98, 1.18, 1.32, 1.38, 1.36, 1.26, 1.08, 0.86};
    private static final double[] HOME_WEEKEND = {
        0.78, 0.69, 0.64, 0.60, 0.60, 0.64, 0.72, 0.89, 1.06, 1.14, 1.17, 1.14,
        1.10, 1.06, 1.04, 1.06, 1.14, 1.29, 1.40, 1.42, 1.38, 1.27, 1.10, 0.91};
    // Thermostats are set back at night and recover in the morning.
    private static final double[] HOME_HEATING = {
        0.85, 0.85, 0.85, 0.85, 0.85, 0.95, 1.25, 1.25, 1.20, 0.95, 0.95, 0.95,
        0.95, 0.95, 0.95, 0.95, 1.10, 1.10, 1.10, 1.10, 1.10, 1.05, 0.90, 0.90};
    // Air conditioners run when people are home and the house has warmed up: afternoon and evening.
    private static final double[] HOME_COOLING = {
        0.80, 0.75, 0.70, 0.70, 0.70, 0.60, 0.50, 0.50, 0.50, 0.55, 0.60, 0.75,
        0.85, 0.95, 1.15, 1.30, 1.40, 1.45, 1.45, 1.40, 1.30, 1.15, 1.00, 0.90};

    // Small businesses: open about 8:00 to 18:00 on weekdays, shorter on Saturdays, mostly closed on
    // Sundays; refrigeration, lighting and signage keep a floor when closed.
    private static final double[] SMALL_WEEKDAY = {
        0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.55, 0.85, 1.35, 1.35, 1.35, 1.35,
        1.35, 1.35, 1.35, 1.35, 1.35, 1.20, 0.95, 0.75, 0.60, 0.50, 0.50, 0.50};
    private static final double[] SMALL_SATURDAY = {
        0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.50, 0.65, 0.95, 0.95, 0.95,
        0.95, 0.95, 0.95, 0.95, 0.80, 0.60, 0.50, 0.45, 0.45, 0.45, 0.45, 0.45};
    private static final double[] SMALL_SUNDAY = {
        0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.50, 0.60, 0.60,
        0.60, 0.60, 0.60, 0.55, 0.50, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45};
    // Medium customers (groceries, offices, inns) keep more running at night and at weekends.
    private static final double[] MEDIUM_WEEKDAY = {
        0.55, 0.55, 0.55, 0.55, 0.55, 0.58, 0.70, 0.95, 1.30, 1.32, 1.32, 1.32,
        1.32, 1.32, 1.32, 1.30, 1.25, 1.12, 0.95, 0.82, 0.72, 0.62, 0.58, 0.55};
    private static final double[] MEDIUM_SATURDAY = {
        0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.60, 0.75, 0.95, 1.05, 1.05, 1.05,
        1.05, 1.05, 1.05, 1.00, 0.90, 0.80, 0.70, 0.62, 0.58, 0.55, 0.55, 0.55};
    private static final double[] MEDIUM_SUNDAY = {
        0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.60, 0.70, 0.78, 0.80, 0.80,
        0.80, 0.80, 0.78, 0.72, 0.65, 0.60, 0.58, 0.55, 0.55, 0.55, 0.55, 0.55};
    // Large customers (manufacturing, cold storage, medical) run around the clock: flatter.
    private static final double[] LARGE_WEEKDAY = {
        0.78, 0.78, 0.78, 0.78, 0.78, 0.80, 0.88, 1.05, 1.12, 1.12, 1.12, 1.12,
        1.12, 1.12, 1.12, 1.12, 1.10, 1.05, 1.00, 0.98, 0.95, 0.90, 0.85, 0.80};
    private static final double[] LARGE_SATURDAY = {
        0.80, 0.80, 0.80, 0.80, 0.80, 0.80, 0.82, 0.86, 0.92, 0.95, 0.95, 0.95,
        0.95, 0.95, 0.95, 0.92, 0.90, 0.88, 0.86, 0.85, 0.84, 0.82, 0.80, 0.80};
    private static final double[] LARGE_SUNDAY = {
        0.78, 0.78, 0.78, 0.78, 0.78, 0.78, 0.78, 0.80, 0.82, 0.84, 0.85, 0.85,
        0.85, 0.85, 0.85, 0.84, 0.82, 0.80, 0.80, 0.80, 0.80, 0.78, 0.78, 0.78};

    final double baseKw;
    final double heatingKwPerDegreeF;
    final double coolingKwPerDegreeF;
    final int heatingBalanceLowF;
    final int heatingBalanceHighF;
    final int coolingBalanceLowF;
    final int coolingBalanceHighF;
    final double[] baseShape;
    final double[] heatingSchedule;
    final double[] coolingSchedule;
    final double winterLightingAmplitude;
    final double sizeSigma;
    final double dailyNoise;
    final double hourlyNoise;

    private RateClassLoad(double baseKw, double heatingKwPerDegreeF, double coolingKwPerDegreeF,
            int heatingBalanceLowF, int heatingBalanceHighF, int coolingBalanceLowF, int coolingBalanceHighF,
            double[] baseShape, double[] heatingSchedule, double[] coolingSchedule, double winterLightingAmplitude,
            double sizeSigma, double dailyNoise, double hourlyNoise) {
        this.baseKw = baseKw;
        this.heatingKwPerDegreeF = heatingKwPerDegreeF;
        this.coolingKwPerDegreeF = coolingKwPerDegreeF;
        this.heatingBalanceLowF = heatingBalanceLowF;
        this.heatingBalanceHighF = heatingBalanceHighF;
        this.coolingBalanceLowF = coolingBalanceLowF;
        this.coolingBalanceHighF = coolingBalanceHighF;
        this.baseShape = baseShape;
        this.heatingSchedule = heatingSchedule;
        this.coolingSchedule = coolingSchedule;
        this.winterLightingAmplitude = winterLightingAmplitude;
        this.sizeSigma = sizeSigma;
        this.dailyNoise = dailyNoise;
        this.hourlyNoise = hourlyNoise;
    }

    /** The parameters of a rate class. */
    static RateClassLoad of(RateClass rateClass) {
        switch (rateClass) {
            case R_1:
                return home(0.585, 0.0040, 0.105, 0.45);
            case R_2:
                // Low-income homes: smaller, fewer air conditioners, slightly more electric space
                // heaters.
                return home(0.570, 0.0050, 0.085, 0.40);
            case R_3:
                // Electric heat: heat pumps and resistance heat make the winter the peak season.
                return home(0.560, 0.0280, 0.095, 0.40);
            case R_4:
                // Low-income electric heat: older, leakier housing heats with more kWh per degree.
                return home(0.560, 0.0450, 0.085, 0.40);
            case G_1:
                return business(2.55, 0.020, 0.300, 0.60, SMALL_WEEKDAY, SMALL_SATURDAY, SMALL_SUNDAY, 0.50, 0.20,
                        0.20, 0.30);
            case G_2:
                return business(24.0, 0.180, 2.60, 0.45, MEDIUM_WEEKDAY, MEDIUM_SATURDAY, MEDIUM_SUNDAY, 0.55,
                        0.25, 0.15, 0.20);
            case G_3:
                return business(235.0, 1.20, 18.0, 0.40, LARGE_WEEKDAY, LARGE_SATURDAY, LARGE_SUNDAY, 0.75, 0.55,
                        0.08, 0.10);
            default:
                throw new IllegalArgumentException("no load parameters for rate class " + rateClass);
        }
    }

    private static RateClassLoad home(double baseKw, double heatingKwPerF, double coolingKwPerF, double sizeSigma) {
        return new RateClassLoad(baseKw, heatingKwPerF, coolingKwPerF, 58, 65, 66, 72,
                normalized(join(HOME_WEEKDAY, HOME_WEEKEND, HOME_WEEKEND)),
                join(HOME_HEATING, HOME_HEATING, HOME_HEATING),
                join(HOME_COOLING, HOME_COOLING, HOME_COOLING),
                0.08, sizeSigma, 0.30, 0.60);
    }

    /**
     * A business class: heating and cooling follow occupancy, falling to {@code closedHeating} and
     * {@code closedCooling} of their open-hours level when the base shape is at its overnight floor.
     */
    private static RateClassLoad business(double baseKw, double heatingKwPerF, double coolingKwPerF,
            double sizeSigma, double[] weekday, double[] saturday, double[] sunday, double closedHeating,
            double closedCooling, double dailyNoise, double hourlyNoise) {
        double[] shape = join(weekday, saturday, sunday);
        double floor = Double.MAX_VALUE;
        double peak = 0;
        for (double v : shape) {
            floor = Math.min(floor, v);
            peak = Math.max(peak, v);
        }
        double[] heating = new double[SLOTS];
        double[] cooling = new double[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            double occupancy = (shape[s] - floor) / (peak - floor);
            heating[s] = closedHeating + (1 - closedHeating) * occupancy;
            cooling[s] = closedCooling + (1 - closedCooling) * occupancy;
        }
        return new RateClassLoad(baseKw, heatingKwPerF, coolingKwPerF, 55, 62, 62, 68, normalized(shape), heating,
                cooling, 0.03, sizeSigma, dailyNoise, hourlyNoise);
    }

    private static double[] join(double[] weekday, double[] saturday, double[] sunday) {
        double[] slots = new double[SLOTS];
        System.arraycopy(weekday, 0, slots, WEEKDAY * 24, 24);
        System.arraycopy(saturday, 0, slots, SATURDAY * 24, 24);
        System.arraycopy(sunday, 0, slots, SUNDAY_OR_HOLIDAY * 24, 24);
        return slots;
    }

    /** Scales a shape so that its mean over five weekdays, a Saturday and a Sunday is 1. */
    private static double[] normalized(double[] shape) {
        double weekly = 0;
        for (int s = 0; s < SLOTS; s++) {
            weekly += shape[s] * (s < 24 ? 5 : 1);
        }
        double mean = weekly / (7 * 24);
        double[] out = new double[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            out[s] = shape[s] / mean;
        }
        return out;
    }
}
