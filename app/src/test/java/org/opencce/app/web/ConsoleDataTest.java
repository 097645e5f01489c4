package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.load.LoadProfiles;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.load.Grouping;

/**
 * What signed-in staff and viewers see in the console: the dashboard and its load JSON (checked
 * against the interval data written), account search and records, and personal information shown
 * only to staff and administrators.
 */
class ConsoleDataTest {
    /** kWh sums of a few hundred reads written with three decimals. */
    private static final double DELTA_KWH = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static TestSite site;
    static WebClient staff;
    static WebClient viewer;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
        staff = site.signedIn("staff");
        viewer = site.signedIn("viewer");
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void dashboardShowsAccountsBySupplyStatusTheEnrolledShareAndTheEnergyUsed() {
        String body = staff.get("/console").body();

        assertThat(body).contains("Accounts", "Enrolled share", "60.0 %", "3 of 5 accounts supplied by the program",
                "Basic Service", "Competitive supply", "Energy used");
        // 413 kWh in all: less than a MWh reads best in kWh.
        assertThat(body).contains(Figures.kwh(site.kwhWrittenIn("Amherst") + site.kwhWrittenIn("Northampton")
                + site.kwhWrittenIn("Pelham")));
    }

    @Test
    void dashboardOpensOnTheFirstFullWeekOfTheLatestMonthWithData() {
        String body = staff.get("/console").body();

        assertThat(body).contains("Monday, January 6, 2025 to Sunday, January 12, 2025",
                "data-src=\"/api/console/load?grouping=town&amp;from=2025-01-06&amp;to=2025-01-13\"",
                "data-src=\"/api/console/load/monthly?grouping=town\"", "/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(body).contains("Amherst", "Northampton", "Pelham", "All towns");
        assertThat(body).contains(Figures.kwh(site.kwhWrittenIn("Northampton")));
    }

    @Test
    void theWeekPickerReloadsOnlyTheWeekPanelForHtmx() {
        HttpResponse<String> fragment = staff.get("/console/week?week=2024-12-31", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("Monday, December 30, 2024",
                "No interval data for this week");
        assertThat(fragment.headers().firstValue("HX-Push-Url")).hasValue("/console?week=2024-12-30");
    }

    @Test
    void hourlyLoadJsonAddsUpTheIntervalDataWrittenByTown() throws Exception {
        HttpResponse<String> response = staff.get("/api/console/load?grouping=town&from=2025-01-06&to=2025-01-13");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("unit").asText()).isEqualTo("kWh");
        assertThat(json.get("hourStarts")).hasSize(7 * 24);
        assertThat(json.at("/hourStarts/0").asText()).isEqualTo("2025-01-06T00:00-05:00");
        Map<String, JsonNode> groups = byName(json.get("groups"));
        assertThat(groups).containsOnlyKeys("Amherst", "Northampton", "Pelham");
        double all = 0;
        for (String town : List.of("Amherst", "Northampton", "Pelham")) {
            double sum = 0;
            for (JsonNode v : groups.get(town).get("kwh")) {
                sum += v.asDouble();
            }
            assertThat(sum).as(town).isCloseTo(site.kwhWrittenIn(town), within(DELTA_KWH));
            assertThat(groups.get(town).get("totalKwh").asDouble()).as(town)
                    .isCloseTo(site.kwhWrittenIn(town), within(DELTA_KWH));
            all += sum;
        }
        assertThat(json.get("totalKwh").asDouble()).isCloseTo(all, within(DELTA_KWH));
        // Hour 18 of January 6 in Amherst is Alice's read plus Bob's.
        double expected = site.kwhWritten.get(Fixtures.ALICE)[18] + site.kwhWritten.get(Fixtures.BOB)[18];
        assertThat(groups.get("Amherst").get("kwh").get(18).asDouble()).isCloseTo(expected, within(DELTA_KWH));
        // After the data ends, the hours are empty.
        assertThat(groups.get("Pelham").get("kwh").get(TestSite.DAYS * 24).asDouble()).isZero();
    }

    @Test
    void monthlyLoadJsonGivesMegawattHoursByTownOverTheDataYear() throws Exception {
        JsonNode json = JSON.readTree(staff.get("/api/console/load/monthly?grouping=town").body());

        assertThat(json.get("unit").asText()).isEqualTo("MWh");
        assertThat(json.get("months").get(0).asText()).isEqualTo("2025-01");
        assertThat(json.get("months")).hasSize(1);
        Map<String, JsonNode> groups = byName(json.get("groups"));
        for (String town : List.of("Amherst", "Northampton", "Pelham")) {
            assertThat(groups.get(town).at("/mwh/0").asDouble()).as(town)
                    .isCloseTo(site.kwhWrittenIn(town) / 1000, within(DELTA_KWH / 1000));
        }
    }

    @Test
    void loadJsonExplainsBadRequests() throws Exception {
        HttpResponse<String> backwards = staff.get("/api/console/load?from=2025-01-08&to=2025-01-06");
        HttpResponse<String> tooLong = staff.get("/api/console/load?from=2024-01-01&to=2025-01-01");
        HttpResponse<String> badDate = staff.get("/api/console/load?from=January&to=2025-01-06");
        HttpResponse<String> badGrouping = staff.get("/api/console/load?grouping=planet&from=2025-01-06&to=2025-01-07");

        assertThat(List.of(backwards, tooLong, badDate, badGrouping)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isNotBlank();
        });
        assertThat(JSON.readTree(tooLong.body()).get("message").asText()).contains("at most 93 days");
    }

    @Test
    void loadJsonRefusesPeriodsOutsideTheDataAndNamesTheDaysThatHaveData() throws Exception {
        HttpResponse<String> later = staff.get("/api/console/load?from=2031-01-06&to=2031-01-13");
        HttpResponse<String> lmt = viewer.get("/api/console/load?from=1800-01-01&to=1800-01-02");
        HttpResponse<String> farFuture = viewer.get("/api/console/load?from=%2B999999999-12-30&to=%2B999999999-12-31");
        HttpResponse<String> weekBeforeData = staff.get("/api/console/load?from=2024-12-30&to=2025-01-06");

        for (HttpResponse<String> r : List.of(later, lmt, farFuture)) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText())
                    .contains("the interval data covers 2025-01-01 to 2025-01-31");
        }
        assertThat(weekBeforeData.statusCode()).as("a whole week reaching into the data").isEqualTo(200);
        assertThat(viewer.get("/console?week=1800-01-01").statusCode()).as("the page, too").isEqualTo(400);
        assertThat(viewer.get("/console?week=2031-01-06").body()).contains("No interval data for this week");
    }

    @Test
    void theLoadCacheKeepsAtMostSixtyFourProfiles() {
        LoadProfiles loads = new LoadProfiles(site.database.programs(), site.database.accounts(), site.intervals);
        LocalDate first = LocalDate.of(2024, 12, 26);
        int asked = 0;
        for (int start = 0; start < 12; start++) {
            for (int days = 1; days <= 8; days++) {
                loads.profile(Fixtures.VALLEY, Grouping.TOWN, first.plusDays(start), first.plusDays(start + days));
                asked++;
            }
        }

        assertThat(asked).isEqualTo(96);
        assertThat(loads.cachedProfiles()).isEqualTo(64);
        assertThatThrownBy(() -> loads.profile(Fixtures.VALLEY, Grouping.TOWN, LocalDate.of(1800, 1, 1),
                LocalDate.of(1800, 1, 2))).isInstanceOf(LoadProfiles.PeriodOutsideData.class);
    }

    @Test
    void lowIncomeStatusIsShownToStaffButNotToViewers() throws Exception {
        assertThat(staff.get("/console/accounts/" + Fixtures.BOB).body()).contains("Low-income discount");
        assertThat(viewer.get("/console/accounts/" + Fixtures.BOB).body()).doesNotContain("Low-income", "low-income");
        assertThat(JSON.readTree(staff.get("/api/console/accounts/" + Fixtures.BOB).body()).get("lowIncome")
                .asBoolean()).isTrue();
        assertThat(JSON.readTree(viewer.get("/api/console/accounts/" + Fixtures.BOB).body()).get("lowIncome")
                .isNull()).isTrue();
        assertThat(viewer.get("/api/console/accounts?town=Amherst").body()).doesNotContain("\"lowIncome\":true",
                "\"rateClass\":\"R-2\"").contains("\"rateClass\":\"R-1/R-2\"");
        // R-2 is the low-income rate class: the rate class must not give away what lowIncome hides.
        assertThat(viewer.get("/api/console/accounts?class=R-2").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/api/console/accounts?class=R-1").statusCode()).as("R-1 tells R-2 by omission")
                .isEqualTo(403);
        assertThat(viewer.get("/console/accounts").body()).doesNotContain(">R-2<", "low-income");
    }

    @Test
    void theMailingAddressIsShownToStaffButViewersCannotTellThereIsOne() throws Exception {
        Account bob = Fixtures.valleyAccounts().get(1);
        site.database.accounts().upsert(List.of(bob.withMailingAddress(Optional.of(new MailingAddress(
                "c/o Pioneer Property Mgmt, PO Box 112", "Hadley", "MA", "01035-0112")))));
        try {
            String forStaff = staff.get("/console/accounts/" + Fixtures.BOB).body();
            String forViewer = viewer.get("/console/accounts/" + Fixtures.BOB).body();
            JsonNode staffJson = JSON.readTree(staff.get("/api/console/accounts/" + Fixtures.BOB).body());
            String viewerJson = viewer.get("/api/console/accounts/" + Fixtures.BOB).body();

            assertThat(forStaff).contains("Mailing address", "c/o Pioneer Property Mgmt, PO Box 112, Hadley MA 01035-0112");
            assertThat(staffJson.at("/mailingAddress/street").asText()).isEqualTo("c/o Pioneer Property Mgmt, PO Box 112");
            assertThat(staffJson.at("/mailingAddress/state").asText()).isEqualTo("MA");
            assertThat(staffJson.at("/mailingAddress/zip").asText()).isEqualTo("01035-0112");
            assertThat(forViewer).doesNotContain("Mailing address", "Pioneer", "Hadley", "PO Box");
            assertThat(viewerJson).doesNotContain("Pioneer", "Hadley", "PO Box");
            assertThat(JSON.readTree(viewerJson).get("mailingAddress").isNull()).isTrue();
            // An account whose mail goes to the service address says so to staff, and nothing to viewers.
            assertThat(staff.get("/console/accounts/" + Fixtures.ALICE).body()).contains("Mailing address",
                    "same as the service address");
            assertThat(viewer.get("/console/accounts/" + Fixtures.ALICE).body()).doesNotContain("Mailing address");
        } finally {
            site.database.accounts().upsert(List.of(bob));
        }
    }

    @Test
    void staffSeeNamesAddressesAndFullAccountNumbers() {
        String search = staff.get("/console/accounts").body();
        String detail = staff.get("/console/accounts/" + Fixtures.ALICE).body();

        assertThat(search).contains("1–5 of 5 accounts", "Alice Abbott", "12 Kellogg Ave", "54012345678");
        assertThat(detail).contains("Alice Abbott", "12 Kellogg Ave, Amherst MA 01002", "54012345678",
                "Valley Standard", "R-1");
    }

    @Test
    void staffFindAnAccountByName() {
        String results = staff.get("/console/accounts?q=abbott", "HX-Request", "true").body();

        assertThat(results).doesNotContain("<html").contains("1–1 of 1 account", "Alice Abbott")
                .doesNotContain("Bob Brennan");
    }

    @Test
    void filtersNarrowTheSearch() {
        String program = staff.get("/console/accounts?status=program").body();
        String pelham = staff.get("/console/accounts?town=Pelham&class=R-3").body();

        assertThat(program).contains("1–3 of 3 accounts", "Alice Abbott", "Carol Chen", "Erin Eastman")
                .doesNotContain("Bob Brennan");
        assertThat(pelham).contains("1–1 of 1 account", "Erin Eastman");
    }

    @Test
    void viewersNeverGetPersonalInformationInPages() {
        String search = viewer.get("/console/accounts").body();
        String detail = viewer.get("/console/accounts/" + Fixtures.ALICE).body();
        String textSearch = viewer.get("/console/accounts?q=Alice").body();

        for (String page : List.of(search, detail, textSearch)) {
            assertThat(page).doesNotContain("Alice", "Abbott", "Kellogg", "54012345678", "Bob Brennan",
                    "Triangle St");
        }
        assertThat(search).contains("1–5 of 5 accounts", "•••••••5678", "Not available for the viewer role");
        assertThat(detail).contains("hidden — viewer role", "•••••••5678", "Valley Standard", "Amherst");
    }

    @Test
    void viewersNeverGetPersonalInformationInJson() throws Exception {
        HttpResponse<String> one = viewer.get("/api/console/accounts/" + Fixtures.ALICE);
        HttpResponse<String> page = viewer.get("/api/console/accounts");
        HttpResponse<String> byName = viewer.get("/api/console/accounts?q=Abbott");

        for (HttpResponse<String> r : List.of(one, page, byName)) {
            assertThat(r.body()).doesNotContain("Alice", "Abbott", "Kellogg", "54012345678");
        }
        JsonNode account = JSON.readTree(one.body());
        assertThat(account.get("personalInformationHidden").asBoolean()).isTrue();
        assertThat(account.get("number").asText()).isEqualTo("•••••••5678");
        assertThat(JSON.readTree(page.body()).get("total").asLong()).isEqualTo(5);
        assertThat(byName.statusCode()).isEqualTo(403);

        JsonNode forStaff = JSON.readTree(staff.get("/api/console/accounts/" + Fixtures.ALICE).body());
        assertThat(forStaff.get("customerName").asText()).isEqualTo("Alice Abbott");
        assertThat(forStaff.at("/serviceAddress/street").asText()).isEqualTo("12 Kellogg Ave");
    }

    @Test
    void anAccountsMonthlyUsageAddsUpItsReads() throws Exception {
        JsonNode usage = JSON.readTree(viewer.get("/api/console/accounts/" + Fixtures.CAROL + "/usage").body());
        String detail = staff.get("/console/accounts/" + Fixtures.CAROL).body();

        double written = 0;
        for (double v : site.kwhWritten.get(Fixtures.CAROL)) {
            written += v;
        }
        assertThat(usage.at("/months/0").asText()).isEqualTo("2025-01");
        assertThat(usage.at("/kwh/0").asDouble()).isCloseTo(written, within(DELTA_KWH));
        assertThat(usage.at("/hoursWithReads/0").asInt()).isEqualTo(TestSite.DAYS * 24);
        assertThat(detail).contains("Monthly usage", "Jan 2025", Figures.kwh(written), "72 of 744 hours",
                "data-src=\"/api/console/accounts/3/usage\"");
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(staff.get("/console/accounts/999").statusCode()).isEqualTo(404);
        assertThat(staff.get("/console/accounts/abc").statusCode()).isEqualTo(404);
        assertThat(staff.get("/api/console/accounts/999").statusCode()).isEqualTo(404);
    }

    private static Map<String, JsonNode> byName(JsonNode groups) {
        Map<String, JsonNode> map = new HashMap<>();
        groups.forEach(g -> map.put(g.get("name").asText(), g));
        return map;
    }

    /** The pages' number formats, written out independently of the code under test. */
    private static final class Figures {
        static String kwh(double kwh) {
            return kwh < 100 ? String.format(Locale.US, "%,.1f kWh", kwh)
                    : String.format(Locale.US, "%,.0f kWh", kwh);
        }
    }
}
