package org.opencce.domain.load.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.domain.weather.HourlyWeather;

class SyntheticUsageModelTest {
    private static final long SEED = 42;
    /**
     * Class means are taken over 150 to 3,000 accounts whose sizes vary lognormally; their
     * standard error is at most about 2 %, so the published ranges are widened by 3 % on each side.
     */
    private static final double CLASS_MEAN_TOLERANCE = 0.03;

    private static final HourlyWeather YEAR_2025 = TestWeather.westernMassachusettsYear(2025);
    private static final SyntheticUsageModel MODEL = new SyntheticUsageModel(YEAR_2025, SEED);
    private static final LocalDateTime[] LOCAL = IntStream.range(0, MODEL.hours())
            .mapToObj(h -> LocalCalendar.local(MODEL.start().plus(Duration.ofHours(h))))
            .toArray(LocalDateTime[]::new);

    @Test
    void classMonthlyAveragesFallInThePublishedRanges() {
        int[] accountsPerClass = {3_000, 600, 600, 600, 400, 200, 150};
        long nextId = 1;
        for (RateClass rateClass : RateClass.values()) {
            int n = accountsPerClass[rateClass.ordinal()];
            double monthlyMean = yearTotal(accounts(nextId, n, rateClass, false)) / n / 12;
            nextId += n;
            assertThat(monthlyMean).as("%s average kWh/month", rateClass).isBetween(
                    CalibrationTargets.low(rateClass) * (1 - CLASS_MEAN_TOLERANCE),
                    CalibrationTargets.high(rateClass) * (1 + CLASS_MEAN_TOLERANCE));
        }
    }

    @Test
    void homesUseAboutFortyPercentMoreInSummerThanInSpring() {
        double[] monthly = monthlyMeans(accounts(1, 1_000, RateClass.R_1, false));
        double summer = (monthly[5] + monthly[6] + monthly[7]) / 3;
        double spring = (monthly[3] + monthly[4]) / 2;
        // WWLP's "about 40 %" is a rounded figure for all customers: accept 25 % to 60 %.
        assertThat(summer / spring).isBetween(1.25, 1.60);
    }

    @Test
    void electricHeatHomesPeakInWinterAndHeatFarMoreThanOtherHomes() {
        double[] r1 = monthlyMeans(accounts(1, 600, RateClass.R_1, false));
        double[] r3 = monthlyMeans(accounts(1_001, 600, RateClass.R_3, false));
        double[] r4 = monthlyMeans(accounts(2_001, 600, RateClass.R_4, false));
        double shoulderR3 = (r3[3] + r3[4] + r3[9]) / 3;
        assertThat(r3[0]).as("R-3 January against April, May, October").isGreaterThan(1.4 * shoulderR3);
        assertThat(r3[0] - r3[4]).as("R-3 January above May")
                .isGreaterThan(4 * (r1[0] - r1[4]));
        assertThat(r1[0]).as("R-1 January above May").isGreaterThan(r1[4]);
        assertThat(r4[0]).as("R-4 January above R-3's").isGreaterThan(r3[0]);
    }

    @Test
    void atAMildConstantTemperatureElectricHeatMakesNoDifferenceButInTheColdItDoes() {
        Instant start = LocalCalendar.startOfDay(LocalDate.of(2025, 4, 1));
        // 65.5 °F is above every home's heating balance point (58–65) and below every cooling one (66–72).
        SyntheticUsageModel mild = new SyntheticUsageModel(TestWeather.constant(start, 30 * 24, 65.5), SEED);
        SyntheticUsageModel cold = new SyntheticUsageModel(TestWeather.constant(start, 30 * 24, 20), SEED);
        List<Account> r1 = accounts(1, 400, RateClass.R_1, false);
        List<Account> r3 = accounts(1_001, 400, RateClass.R_3, false);
        double mildRatio = total(mild, r3) / total(mild, r1);
        double coldRatio = total(cold, r3) / total(cold, r1);
        assertThat(mildRatio).isCloseTo(0.95, within(0.1));
        assertThat(coldRatio).isGreaterThan(2.0);
    }

    @Test
    void smallBusinessesUseMostOnWeekdayBusinessHoursAndLittleOnSundays() {
        double[][] profile = meanProfileByDayKind(accounts(1, 300, RateClass.G_1, false), Month.APRIL);
        double weekdayNoon = average(profile[0], 10, 15);
        double weekdayNight = average(profile[0], 1, 5);
        double sundayNoon = average(profile[2], 10, 15);
        assertThat(weekdayNoon).isGreaterThan(2 * weekdayNight);
        assertThat(weekdayNoon).isGreaterThan(1.8 * sundayNoon);
        assertThat(average(profile[1], 10, 15)).as("Saturday").isBetween(sundayNoon, weekdayNoon);
    }

    @Test
    void homesPeakInTheEveningAndStartLaterAtWeekends() {
        double[][] profile = meanProfileByDayKind(accounts(1, 400, RateClass.R_1, false), Month.APRIL);
        assertThat(argMax(profile[0])).as("weekday peak hour").isBetween(17, 21);
        assertThat(average(profile[0], 18, 21)).isGreaterThan(1.5 * average(profile[0], 2, 5));
        // At 7-8 am households are busier on weekdays; by mid-morning more are home at weekends.
        assertThat(profile[0][7]).isGreaterThan(profile[2][7]);
        assertThat(average(profile[2], 10, 13)).isGreaterThan(average(profile[0], 10, 13));
    }

    @Test
    void businessHoursFollowLocalClockTimeAcrossDaylightSavingTime() {
        List<Account> shops = accounts(1, 300, RateClass.G_1, false);
        int openingInJanuary = steepestMorningRise(meanProfileByDayKind(shops, Month.JANUARY)[0]);
        int openingInJuly = steepestMorningRise(meanProfileByDayKind(shops, Month.JULY)[0]);
        assertThat(openingInJanuary).isEqualTo(openingInJuly).isBetween(6, 8);
    }

    @Test
    void dstDaysGet23And25HoursAndTheYearHas8760() {
        IntervalSeries usage = MODEL.usage(account(1, RateClass.R_1, false));
        assertThat(usage.size()).isEqualTo(8_760);
        assertThat(usage.start()).isEqualTo(LocalCalendar.startOfDay(LocalDate.of(2025, 1, 1)));
        assertThat(usage.end()).isEqualTo(LocalCalendar.startOfDay(LocalDate.of(2026, 1, 1)));
        assertThat(valuesOn(usage, LocalDate.of(2025, 3, 9))).hasSize(23).allMatch(v -> v > 0);
        assertThat(valuesOn(usage, LocalDate.of(2025, 11, 2))).hasSize(25).allMatch(v -> v > 0);
        assertThat(valuesOn(usage, LocalDate.of(2025, 7, 1))).hasSize(24);
    }

    @Test
    void theRepeatedHourOfTheFallBackDayIsShapedAsTheNightHourItIs() {
        // Both 1 am hours of 2025-11-02 are night hours for every home: low, like the 1 am of the days around.
        List<Account> homes = accounts(1, 300, RateClass.R_1, false);
        double[] sums = new double[MODEL.hours()];
        double[] kwhByHour = new double[MODEL.hours()];
        for (Account home : homes) {
            MODEL.fill(home, kwhByHour);
            for (int h = 0; h < sums.length; h++) {
                sums[h] += kwhByHour[h];
            }
        }
        List<Double> oneAm = new ArrayList<>();
        double evening = 0;
        for (int h = 0; h < sums.length; h++) {
            if (LOCAL[h].toLocalDate().equals(LocalDate.of(2025, 11, 2))) {
                if (LOCAL[h].getHour() == 1) {
                    oneAm.add(sums[h]);
                } else if (LOCAL[h].getHour() == 19) {
                    evening = sums[h];
                }
            }
        }
        assertThat(oneAm).hasSize(2);
        double eveningPeak = evening;
        assertThat(oneAm).allMatch(v -> v < 0.75 * eveningPeak);
    }

    @Test
    void usageIsEstimatedQualityOnTheWeathersGrid() {
        IntervalSeries usage = MODEL.usage(account(7, RateClass.G_2, false));
        assertThat(usage.count(Quality.ESTIMATED)).isEqualTo(usage.size());
        assertThat(usage.step()).isEqualTo(Duration.ofHours(1));
        assertThat(usage.start()).isEqualTo(YEAR_2025.start());
    }

    @Test
    void netMeteredHomesGoNegativeAtMiddayInJuneAndOtherHomesNever() {
        List<Account> solarHomes = accounts(1, 50, RateClass.R_1, true);
        double middayJune = 0;
        int hours = 0;
        double[] kwhByHour = new double[MODEL.hours()];
        for (Account home : solarHomes) {
            MODEL.fill(home, kwhByHour);
            for (int h = 0; h < kwhByHour.length; h++) {
                if (LOCAL[h].getMonth() == Month.JUNE && LOCAL[h].getHour() >= 11 && LOCAL[h].getHour() <= 14) {
                    middayJune += kwhByHour[h];
                    hours++;
                }
            }
        }
        assertThat(middayJune / hours).as("mean net kWh at June middays").isLessThan(-1.0);
        for (Account home : accounts(1, 50, RateClass.R_1, false)) {
            MODEL.fill(home, kwhByHour);
            assertThat(Arrays.stream(kwhByHour).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theSameSeedGivesTheSameUsageAndAnotherSeedOtherUsage() {
        Account account = account(12, RateClass.R_1, false);
        assertThat(new SyntheticUsageModel(YEAR_2025, SEED).usage(account)).isEqualTo(MODEL.usage(account));
        assertThat(new SyntheticUsageModel(YEAR_2025, SEED + 1).usage(account)).isNotEqualTo(MODEL.usage(account));
        assertThat(MODEL.usage(account(13, RateClass.R_1, false))).isNotEqualTo(MODEL.usage(account));
    }

    @Test
    void anAccountIsTheSameAloneInABatchOrOnAnyThread() {
        List<Account> batch = accounts(1, 200, RateClass.G_1, false);
        List<double[]> sequential = batch.stream().map(a -> MODEL.usage(a).values()).collect(Collectors.toList());
        List<double[]> parallelReversed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            parallelReversed.add(null);
        }
        IntStream.range(0, batch.size()).parallel().map(i -> batch.size() - 1 - i)
                .forEach(i -> parallelReversed.set(i, MODEL.usage(batch.get(i)).values()));
        for (int i = 0; i < batch.size(); i++) {
            assertThat(parallelReversed.get(i)).isEqualTo(sequential.get(i));
        }
        SyntheticUsageModel fresh = new SyntheticUsageModel(YEAR_2025, SEED);
        assertThat(fresh.usage(batch.get(150)).values()).isEqualTo(sequential.get(150));
    }

    @Test
    void anArrayOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> MODEL.fill(account(1, RateClass.R_1, false), new double[24]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8760");
    }

    private static List<Account> accounts(long firstId, int n, RateClass rateClass, boolean netMetered) {
        List<Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            accounts.add(account(firstId + i, rateClass, netMetered));
        }
        return accounts;
    }

    private static Account account(long id, RateClass rateClass, boolean netMetered) {
        boolean lowIncome = rateClass == RateClass.R_2 || rateClass == RateClass.R_4;
        return new Account(new AccountId(id), Fixtures.VALLEY, new UtilityAccountNumber(String.format("54%09d", id)),
                Utility.EVERSOURCE_WMA, "Amherst", rateClass, "Test Customer " + id,
                new ServiceAddress(id + " Main St", "Amherst", "01002"), SupplyStatus.BASIC_SERVICE, Optional.empty(),
                lowIncome, netMetered, LoadZone.WCMA);
    }

    private static double yearTotal(List<Account> accounts) {
        return total(MODEL, accounts);
    }

    private static double total(SyntheticUsageModel model, List<Account> accounts) {
        double[] kwhByHour = new double[model.hours()];
        double sum = 0;
        for (Account account : accounts) {
            model.fill(account, kwhByHour);
            for (double kwh : kwhByHour) {
                sum += kwh;
            }
        }
        return sum;
    }

    /** Mean kWh per account in each local month, January first. */
    private static double[] monthlyMeans(List<Account> accounts) {
        double[] monthly = new double[12];
        double[] kwhByHour = new double[MODEL.hours()];
        for (Account account : accounts) {
            MODEL.fill(account, kwhByHour);
            for (int h = 0; h < kwhByHour.length; h++) {
                monthly[LOCAL[h].getMonthValue() - 1] += kwhByHour[h];
            }
        }
        for (int m = 0; m < 12; m++) {
            monthly[m] /= accounts.size();
        }
        return monthly;
    }

    /** [weekday, Saturday, Sunday][local hour]: mean kWh per account-hour in {@code month}. */
    private static double[][] meanProfileByDayKind(List<Account> accounts, Month month) {
        double[][] sums = new double[3][24];
        int[][] counts = new int[3][24];
        double[] kwhByHour = new double[MODEL.hours()];
        for (Account account : accounts) {
            MODEL.fill(account, kwhByHour);
            for (int h = 0; h < kwhByHour.length; h++) {
                LocalDateTime local = LOCAL[h];
                if (local.getMonth() != month || BusinessHolidays.isHoliday(local.toLocalDate())) {
                    continue;
                }
                DayOfWeek day = local.getDayOfWeek();
                int kind = day == DayOfWeek.SUNDAY ? 2 : day == DayOfWeek.SATURDAY ? 1 : 0;
                sums[kind][local.getHour()] += kwhByHour[h];
                counts[kind][local.getHour()]++;
            }
        }
        for (int k = 0; k < 3; k++) {
            for (int hour = 0; hour < 24; hour++) {
                sums[k][hour] /= counts[k][hour];
            }
        }
        return sums;
    }

    private static double average(double[] byHour, int fromHour, int toHourInclusive) {
        return Arrays.stream(byHour, fromHour, toHourInclusive + 1).average().orElseThrow();
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The morning hour h (4–11) after which load rises most, h to h+1. */
    private static int steepestMorningRise(double[] byHour) {
        int best = 4;
        for (int h = 4; h <= 11; h++) {
            if (byHour[h + 1] - byHour[h] > byHour[best + 1] - byHour[best]) {
                best = h;
            }
        }
        return best;
    }

    private static List<Double> valuesOn(IntervalSeries series, LocalDate day) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (LocalCalendar.local(series.intervalStart(i)).toLocalDate().equals(day)) {
                values.add(series.value(i));
            }
        }
        return values;
    }
}
