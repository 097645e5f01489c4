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
import java.util.Set;
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

    /** The six business holidays of 2025, from a calendar: none falls on a weekend. */
    private static final Set<LocalDate> HOLIDAYS_2025 = Set.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 26),
            LocalDate.of(2025, 7, 4), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25));

    // Instance fields, built for each test: under mutation testing every test then runs on the
    // mutated code and is counted as covering it, which static fields (built once per JVM, with
    // whichever mutant came first) would not.
    private final HourlyWeather year2025 = TestWeather.westernMassachusettsYear(2025);
    private final SyntheticUsageModel model = new SyntheticUsageModel(year2025, SEED);
    private final LocalDateTime[] localTimes = IntStream.range(0, model.hours())
            .mapToObj(h -> LocalCalendar.local(model.start().plus(Duration.ofHours(h))))
            .toArray(LocalDateTime[]::new);

    /**
     * kWh per account per month, low and high, by rate class in {@link RateClass} order.
     * are Eversource's published typical monthly use by Massachusetts residential rate class (2023
     * Electric Distribution Rate Review; formats' reference file eversource-typical-monthly-kwh.csv:
     * 530–550, 480–590, 745–805, 845–995). G-1 to G-3 have no published class average: they are the
     * design targets of the three business sizes (the G-1 one agrees with a Lawrence town-centre small
     * business's 1,100 to 2,000 kWh a month in 2019).
     */
    private static final double[][] PUBLISHED_KWH_PER_MONTH = {
        {530, 550}, {480, 590}, {745, 805}, {845, 995}, {1_500, 3_000}, {15_000, 30_000}, {150_000, 300_000}};

    @Test
    void classMonthlyAveragesFallInThePublishedRanges() {
        int[] accountsPerClass = {3_000, 600, 600, 600, 400, 200, 150};
        long nextId = 1;
        for (RateClass rateClass : RateClass.values()) {
            int n = accountsPerClass[rateClass.ordinal()];
            double monthlyMean = yearTotal(accounts(nextId, n, rateClass, false)) / n / 12;
            nextId += n;
            double[] published = PUBLISHED_KWH_PER_MONTH[rateClass.ordinal()];
            assertThat(monthlyMean).as("%s average kWh/month", rateClass).isBetween(
                    published[0] * (1 - CLASS_MEAN_TOLERANCE), published[1] * (1 + CLASS_MEAN_TOLERANCE));
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
        IntervalSeries usage = model.usage(account(1, RateClass.R_1, false));
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
        double[] sums = new double[model.hours()];
        double[] kwhByHour = new double[model.hours()];
        for (Account home : homes) {
            model.fill(home, kwhByHour);
            for (int h = 0; h < sums.length; h++) {
                sums[h] += kwhByHour[h];
            }
        }
        List<Double> oneAm = new ArrayList<>();
        double evening = 0;
        for (int h = 0; h < sums.length; h++) {
            if (localTimes[h].toLocalDate().equals(LocalDate.of(2025, 11, 2))) {
                if (localTimes[h].getHour() == 1) {
                    oneAm.add(sums[h]);
                } else if (localTimes[h].getHour() == 19) {
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
        IntervalSeries usage = model.usage(account(7, RateClass.G_2, false));
        assertThat(usage.count(Quality.ESTIMATED)).isEqualTo(usage.size());
        assertThat(usage.step()).isEqualTo(Duration.ofHours(1));
        assertThat(usage.start()).isEqualTo(year2025.start());
    }

    @Test
    void netMeteredHomesGoNegativeAtMiddayInJuneAndOtherHomesNever() {
        List<Account> solarHomes = accounts(1, 50, RateClass.R_1, true);
        double middayJune = 0;
        int hours = 0;
        double[] kwhByHour = new double[model.hours()];
        for (Account home : solarHomes) {
            model.fill(home, kwhByHour);
            for (int h = 0; h < kwhByHour.length; h++) {
                if (localTimes[h].getMonth() == Month.JUNE && localTimes[h].getHour() >= 11 && localTimes[h].getHour() <= 14) {
                    middayJune += kwhByHour[h];
                    hours++;
                }
            }
        }
        assertThat(middayJune / hours).as("mean net kWh at June middays").isLessThan(-1.0);
        for (Account home : accounts(1, 50, RateClass.R_1, false)) {
            model.fill(home, kwhByHour);
            assertThat(Arrays.stream(kwhByHour).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void rooftopArraysMakeAbout85PercentOfTheirHomesYearlyUse() {
        // Arrays are sized for 60–110 % (mean 85 %) of a home's expected use at 1,020 kWh per kWdc a
        // year. The test weather's 1,290 kWh/m² of irradiance × 0.8 gives 1,032 kWh per kWdc, so an
        // array makes 85 % × 1,032 / 1,020 ≈ 86 % of what the home would use; the 2 kWdc floor for
        // the smallest homes adds a little. Each home is compared with itself without solar.
        double solarKwh = 0;
        double useKwh = 0;
        for (long id = 1; id <= 150; id++) {
            double[] withSolar = model.usage(account(id, RateClass.R_1, true)).values();
            double[] without = model.usage(account(id, RateClass.R_1, false)).values();
            for (int h = 0; h < without.length; h++) {
                solarKwh += without[h] - withSolar[h];
                useKwh += without[h];
            }
        }
        assertThat(solarKwh / useKwh).isBetween(0.76, 1.0);
    }

    @Test
    void theSameSeedGivesTheSameUsageAndAnotherSeedOtherUsage() {
        Account account = account(12, RateClass.R_1, false);
        assertThat(new SyntheticUsageModel(year2025, SEED).usage(account)).isEqualTo(model.usage(account));
        assertThat(new SyntheticUsageModel(year2025, SEED + 1).usage(account)).isNotEqualTo(model.usage(account));
        assertThat(model.usage(account(13, RateClass.R_1, false))).isNotEqualTo(model.usage(account));
    }

    @Test
    void anAccountIsTheSameAloneInABatchOrOnAnyThread() {
        List<Account> batch = accounts(1, 200, RateClass.G_1, false);
        List<double[]> sequential = batch.stream().map(a -> model.usage(a).values()).collect(Collectors.toList());
        List<double[]> parallelReversed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            parallelReversed.add(null);
        }
        IntStream.range(0, batch.size()).parallel().map(i -> batch.size() - 1 - i)
                .forEach(i -> parallelReversed.set(i, model.usage(batch.get(i)).values()));
        for (int i = 0; i < batch.size(); i++) {
            assertThat(parallelReversed.get(i)).isEqualTo(sequential.get(i));
        }
        SyntheticUsageModel fresh = new SyntheticUsageModel(year2025, SEED);
        assertThat(fresh.usage(batch.get(150)).values()).isEqualTo(sequential.get(150));
    }

    @Test
    void aRooftopArraySubtractsItsKilowattsTimesIrradianceOverAThousandTimesTheDerate() {
        // A G-3 array is sized for 60–110 % of 225,000 kWh a month, far beyond the 20 kWdc cap, so it
        // is exactly 20 kWdc. At 1,000 W/m² it makes 20 × 1000 / 1000 × 0.8 = 16 kWh in the hour; at
        // 250 W/m², 4 kWh; in the dark, and at a sensor's small negative night reading, nothing.
        Instant start = LocalCalendar.startOfDay(LocalDate.of(2025, 6, 3));
        double[] ghiWm2 = new double[24];
        ghiWm2[12] = 1_000;
        ghiWm2[13] = 250;
        ghiWm2[2] = -5;
        double[] dryBulbC = new double[24];
        Arrays.fill(dryBulbC, 18);
        SyntheticUsageModel day = new SyntheticUsageModel(new HourlyWeather("test", start, dryBulbC, ghiWm2), SEED);
        double[] withSolar = day.usage(account(9, RateClass.G_3, true)).values();
        double[] without = day.usage(account(9, RateClass.G_3, false)).values();
        double[] pvKwh = new double[24];
        for (int h = 0; h < 24; h++) {
            pvKwh[h] = without[h] - withSolar[h];
        }
        double[] expected = new double[24];
        expected[12] = 16;
        expected[13] = 4;
        assertThat(pvKwh).containsExactly(expected, within(1e-9));
    }

    @Test
    void everyClasssArrayIsBetweenTwoAndTwentyKilowattsDc() {
        // At 1,000 W/m² an array of 2 to 20 kWdc makes 1.6 to 16 kWh in the hour (× 0.8 derate).
        Instant start = LocalCalendar.startOfDay(LocalDate.of(2025, 6, 3));
        double[] ghiWm2 = new double[24];
        ghiWm2[12] = 1_000;
        SyntheticUsageModel day = new SyntheticUsageModel(new HourlyWeather("test", start, new double[24], ghiWm2),
                SEED);
        for (RateClass rateClass : RateClass.values()) {
            for (long id = 1; id <= 20; id++) {
                double pvKwh = day.usage(account(id, rateClass, false)).value(12)
                        - day.usage(account(id, rateClass, true)).value(12);
                assertThat(pvKwh).as("%s account %d", rateClass, id).isBetween(1.6 - 1e-9, 16 + 1e-9);
            }
        }
    }

    @Test
    void businessesHeatAndCoolLessWhenClosed() {
        // G-1 heating falls to 0.50 and cooling to 0.20 of their open-hours level when the shop is at
        // its overnight floor (3 am, shape 0.45) rather than its weekday peak (noon, 1.35). The extra
        // load of a cold (20 °F) or hot (95 °F) week over a neutral 62 °F one, for the same accounts
        // and therefore the same random draws, is the heating or cooling term alone.
        Instant monday = LocalCalendar.startOfDay(LocalDate.of(2025, 2, 3));
        SyntheticUsageModel cold = new SyntheticUsageModel(TestWeather.constant(monday, 5 * 24, 20), SEED);
        SyntheticUsageModel neutral = new SyntheticUsageModel(TestWeather.constant(monday, 5 * 24, 62), SEED);
        SyntheticUsageModel hot = new SyntheticUsageModel(TestWeather.constant(monday, 5 * 24, 95), SEED);
        double[] heating = new double[2];
        double[] cooling = new double[2];
        for (Account shop : accounts(1, 100, RateClass.G_1, false)) {
            double[] c = cold.usage(shop).values();
            double[] n = neutral.usage(shop).values();
            double[] h = hot.usage(shop).values();
            for (int d = 0; d < 5; d++) {
                int night = d * 24 + 3;
                int noon = d * 24 + 12;
                heating[0] += c[night] - n[night];
                heating[1] += c[noon] - n[noon];
                cooling[0] += h[night] - n[night];
                cooling[1] += h[noon] - n[noon];
            }
        }
        assertThat(heating[0] / heating[1]).isCloseTo(0.50, within(0.05));
        assertThat(cooling[0] / cooling[1]).isCloseTo(0.20, within(0.03));
    }

    @Test
    void aHolidayLooksLikeASundayForBusinesses() {
        // Thursday July 3 to Sunday July 6, 2025; Friday July 4 is Independence Day. At a constant
        // 62 °F no G-1 account heats (balance points 55–62 °F) or cools (62–68 °F), so only the daily
        // shape and the noise remain. Small businesses' shape from 10:00 to 15:59 averages 1.35 on
        // weekdays and (0.60 × 5 + 0.55) / 6 = 0.59 on Sundays and holidays: 0.44 of a weekday.
        Instant start = LocalCalendar.startOfDay(LocalDate.of(2025, 7, 3));
        SyntheticUsageModel days = new SyntheticUsageModel(TestWeather.constant(start, 4 * 24, 62), SEED);
        double[] sums = new double[days.hours()];
        double[] kwhByHour = new double[days.hours()];
        for (Account shop : accounts(1, 200, RateClass.G_1, false)) {
            days.fill(shop, kwhByHour);
            for (int h = 0; h < sums.length; h++) {
                sums[h] += kwhByHour[h];
            }
        }
        // July is daylight time: local hour h of day d is index 24 d + h (no DST change in the window).
        double thursday = average(sums, 10, 15);
        double holiday = average(sums, 24 + 10, 24 + 15);
        double sunday = average(sums, 72 + 10, 72 + 15);
        assertThat(holiday / thursday).isCloseTo(0.44, within(0.08));
        assertThat(holiday / sunday).isCloseTo(1.0, within(0.1));
    }

    @Test
    void homesUseMoreLightAroundTheWinterSolsticeThanAroundTheSummerOne() {
        // At a constant 65.5 °F no home heats (balance points 58–65 °F) or cools (66–72 °F), so only
        // the base load is left, times 1 + 0.08 cos(2π (day − 355) / 365.25): about 1.08 in the week of
        // December 15–21 (days 349–355) and 0.92 in that of June 16–22 (days 167–173), Monday to
        // Sunday both. December over June: 1.08 / 0.92 = 1.17.
        List<Account> homes = accounts(1, 200, RateClass.R_1, false);
        double december = total(new SyntheticUsageModel(TestWeather.constant(
                LocalCalendar.startOfDay(LocalDate.of(2025, 12, 15)), 7 * 24, 65.5), SEED), homes);
        double june = total(new SyntheticUsageModel(TestWeather.constant(
                LocalCalendar.startOfDay(LocalDate.of(2025, 6, 16)), 7 * 24, 65.5), SEED), homes);
        assertThat(december / june).isCloseTo(1.17, within(0.04));
    }

    @Test
    void businessDaysVaryByAboutEightPercentFromDayToDay() {
        // February 3 to 28, 2025: four Monday-to-Friday weeks with no business holiday, at a constant
        // 62 °F (no heating or cooling for G-1). A G-1 day's total is its day factor, 1 + 0.20 (U1 + U2
        // - 1), standard deviation 0.20 / √6 = 0.082, times a sum of hour factors whose ±0.30 / √6
        // noise averages out over the day's shape to 0.027: together 0.086 of the mean. Without the
        // day factor the weekday totals would vary by 0.027 only.
        Instant start = LocalCalendar.startOfDay(LocalDate.of(2025, 2, 3));
        SyntheticUsageModel february = new SyntheticUsageModel(TestWeather.constant(start, 26 * 24, 62), SEED);
        double[] kwhByHour = new double[february.hours()];
        double sumOfCv = 0;
        List<Account> shops = accounts(1, 20, RateClass.G_1, false);
        for (Account shop : shops) {
            february.fill(shop, kwhByHour);
            double[] weekdays = new double[20];
            int d = 0;
            for (int day = 0; day < 26; day++) {
                if (day % 7 < 5) {
                    weekdays[d++] = Arrays.stream(kwhByHour, day * 24, day * 24 + 24).sum();
                }
            }
            double mean = Arrays.stream(weekdays).average().orElseThrow();
            double variance = Arrays.stream(weekdays).map(v -> (v - mean) * (v - mean)).sum() / (weekdays.length - 1);
            sumOfCv += Math.sqrt(variance) / mean;
        }
        assertThat(sumOfCv / shops.size()).isBetween(0.065, 0.11);
    }

    @Test
    void theModelCoversTheWeathersHours() {
        assertThat(model.start()).isEqualTo(LocalCalendar.startOfDay(LocalDate.of(2025, 1, 1)));
        assertThat(model.hours()).isEqualTo(8_760);
    }

    @Test
    void anArrayOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> model.fill(account(1, RateClass.R_1, false), new double[24]))
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

    private double yearTotal(List<Account> accounts) {
        return total(model, accounts);
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
    private double[] monthlyMeans(List<Account> accounts) {
        double[] monthly = new double[12];
        double[] kwhByHour = new double[model.hours()];
        for (Account account : accounts) {
            model.fill(account, kwhByHour);
            for (int h = 0; h < kwhByHour.length; h++) {
                monthly[localTimes[h].getMonthValue() - 1] += kwhByHour[h];
            }
        }
        for (int m = 0; m < 12; m++) {
            monthly[m] /= accounts.size();
        }
        return monthly;
    }

    /** [weekday, Saturday, Sunday][local hour]: mean kWh per account-hour in {@code month}. */
    private double[][] meanProfileByDayKind(List<Account> accounts, Month month) {
        double[][] sums = new double[3][24];
        int[][] counts = new int[3][24];
        double[] kwhByHour = new double[model.hours()];
        for (Account account : accounts) {
            model.fill(account, kwhByHour);
            for (int h = 0; h < kwhByHour.length; h++) {
                LocalDateTime local = localTimes[h];
                if (local.getMonth() != month || HOLIDAYS_2025.contains(local.toLocalDate())) {
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
