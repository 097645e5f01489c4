package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.store.EnrollmentStore.ReferencedEvent;

/**
 * The campaign dashboard, the exception queues and the account timeline, over a Valley campaign recorded in the
 * real store: every figure below is counted by hand from these histories.
 * <ul>
 *   <li>Alice (Amherst, R-1): notified, enrolled on Standard.</li>
 *   <li>Bob (Amherst, R-2 low-income): notified, opted out by phone.</li>
 *   <li>Gus (Amherst, R-1 net-metered): notified.</li>
 *   <li>Carol (Northampton, R-1 net-metered): notified, her enrollment rejected by National Grid.</li>
 *   <li>the Deli (Northampton, G-1): competitive.</li>
 *   <li>Hannah (Northampton, R-1, mail to a PO box): notified, the notice returned.</li>
 *   <li>Erin (Pelham, R-3): enrolled on Local Green, then asked on the portal for 100 % Green from April 1.</li>
 *   <li>Faye (Pelham, R-2 low-income): enrolled on Standard.</li>
 * </ul>
 * Eight accounts; reached: all but the Deli, seven; opted out: Bob, so the opt-out rate is 1 of 7 (14.3 %).
 * Low-income: Bob and Faye eligible, Faye enrolled, 1 of 2. Net-metered: Gus and Carol eligible, none enrolled.
 */
class CampaignConsoleTest {
    private static final Instant LISTED = Instant.parse("2024-11-01T14:00:00Z");
    private static final Instant MAILED_AT = Instant.parse("2024-11-22T17:00:00Z");
    private static final Instant OPTED_OUT = Instant.parse("2024-12-02T15:00:00Z");
    /** 10:00 AM in Massachusetts (EST). */
    private static final Instant RETURNED = Instant.parse("2024-12-05T15:00:00Z");
    private static final Instant REQUESTED = Instant.parse("2024-12-23T14:00:00Z");
    private static final Instant SENT = Instant.parse("2024-12-24T14:00:00Z");
    private static final Instant ACCEPTED = Instant.parse("2025-01-03T15:00:00Z");
    /** 11:00 AM in Massachusetts (EST). */
    private static final Instant REJECTED = Instant.parse("2025-01-03T16:00:00Z");
    private static final Instant CHANGE = Instant.parse("2025-03-10T15:00:00Z");
    private static final String NO_REFERENCE = "(none)";
    /** The column of the enrolled accounts in the campaign tables (after accounts, three rates and six states). */
    private static final int ENROLLED = 10;
    private static final String CAROLS_REASONS = "A76 ACCOUNT NOT FOUND; API REQUIRED INFORMATION MISSING";

    @TempDir
    static Path folder;
    static TestSite site;

    // An embedded PostgreSQL for the class: room for a slow machine's first start (see StaffRequestsTest).
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
        List<Account> campaign = new ArrayList<>();
        for (Account a : Fixtures.campaignAccounts()) {
            if (a.id().equals(Fixtures.HANNAH)) {
                campaign.add(new Account(a.id(), a.program(), a.number(), a.utility(), a.town(), a.rateClass(),
                        a.customerName(), a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(),
                        a.netMetered(), a.loadZone(),
                        Optional.of(new MailingAddress("PO Box 77", "Northampton", "MA", "01061"))));
            } else if (!a.id().equals(Fixtures.IAN)) {
                campaign.add(a);
            }
        }
        site.database.accounts().upsert(campaign);
        record();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static void record() {
        List<AccountId> all = List.of(Fixtures.ALICE, Fixtures.BOB, Fixtures.CAROL, Fixtures.DELI, Fixtures.ERIN,
                Fixtures.FAYE, Fixtures.GUS, Fixtures.HANNAH);
        List<ReferencedEvent> events = new ArrayList<>();
        for (AccountId a : all) {
            if (a.equals(Fixtures.DELI)) {
                events.add(plain(EnrollmentEvent.of(a, EventKind.LISTED_COMPETITIVE, LISTED, "system",
                        Channel.SYSTEM)));
                continue;
            }
            events.add(plain(EnrollmentEvent.of(a, EventKind.LISTED_ELIGIBLE, LISTED, "system", Channel.SYSTEM)));
            events.add(plain(EnrollmentEvent.noticeMailed(a, MAILED_AT, "system", Channel.MAIL,
                    Fixtures.NOTICES_MAILED, Fixtures.WINDOW_CLOSES)));
        }
        events.add(new ReferencedEvent(EnrollmentEvent.ofReason(Fixtures.BOB, EventKind.OPTED_OUT, OPTED_OUT, "staff",
                Channel.PHONE, "requested from 192.0.2.44"), "VGE-7Q2K"));
        events.add(plain(EnrollmentEvent.of(Fixtures.HANNAH, EventKind.MAIL_RETURNED, RETURNED, "staff",
                Channel.MAIL)));
        enroll(events, Fixtures.ALICE, Fixtures.STANDARD, "1001-0001");
        enroll(events, Fixtures.CAROL, Fixtures.GREEN_100, "1002-0001");
        enroll(events, Fixtures.ERIN, Fixtures.LOCAL_GREEN, "1001-0002");
        enroll(events, Fixtures.FAYE, Fixtures.STANDARD, "1001-0003");
        for (AccountId a : List.of(Fixtures.ALICE, Fixtures.ERIN, Fixtures.FAYE)) {
            String reference = a.equals(Fixtures.ALICE) ? "1001-0001" : a.equals(Fixtures.ERIN) ? "1001-0002"
                    : "1001-0003";
            events.add(new ReferencedEvent(EnrollmentEvent.of(a, EventKind.ENROLLMENT_ACCEPTED, ACCEPTED,
                    "eversource", Channel.EDI).withDate(Fixtures.LAUNCH), reference));
        }
        events.add(new ReferencedEvent(EnrollmentEvent.ofReason(Fixtures.CAROL, EventKind.ENROLLMENT_REJECTED,
                REJECTED, "national-grid", Channel.EDI, CAROLS_REASONS), "1002-0001"));
        events.add(new ReferencedEvent(EnrollmentEvent.ofProduct(Fixtures.ERIN, EventKind.PRODUCT_CHANGE_REQUESTED,
                CHANGE, "customer", Channel.WEB, Fixtures.GREEN_100).withDate(LocalDate.of(2025, 4, 1))
                .withReason("requested from 203.0.113.9"), "VGE-8R3M"));
        site.database.enrollments().inTransaction(Fixtures.VALLEY, tx -> {
            tx.lock(all);
            // in the order built, events without a reference appended as such
            for (ReferencedEvent e : events) {
                if (e.reference().equals(NO_REFERENCE)) {
                    tx.append(List.of(e.event()));
                } else {
                    tx.appendReferenced(List.of(e));
                }
            }
            return null;
        });
    }

    private static void enroll(List<ReferencedEvent> events, AccountId a, ProductId product, String reference) {
        events.add(plain(EnrollmentEvent.ofProduct(a, EventKind.ENROLLMENT_REQUESTED, REQUESTED, "system",
                Channel.SYSTEM, product)));
        events.add(new ReferencedEvent(EnrollmentEvent.ofReason(a, EventKind.ENROLLMENT_SENT, SENT, "system",
                Channel.EDI, "814 " + reference + " in VGE-814-1001.x12"), reference));
    }

    /** An event to append without a reference (marked so in the list, stored with none). */
    private static ReferencedEvent plain(EnrollmentEvent event) {
        return new ReferencedEvent(event, NO_REFERENCE);
    }

    // ---------------------------------------------------------------- campaign dashboard

    @Test
    void theCampaignShowsTheOptOutRateAndParticipationOverTheReachedAccounts() {
        String page = site.signedIn("staff").get("/console/campaign").body();

        assertThat(text(page)).contains("Opt-out rate 14.3 % 1 of 7 reached accounts opted out",
                "Low-income participation 50.0 % 1 of 2 eligible low-income accounts enrolled",
                "Net-metered participation 0.0 % 0 of 2 eligible net-metered accounts enrolled",
                "Rejected enrollments 1", "Returned mail 1");
    }

    @Test
    void eachTownHasItsAccountsInEveryStateWithItsRates() {
        String page = site.signedIn("staff").get("/console/campaign").body();

        // columns: accounts; opt-out rate; low-income and net-metered participation; eligible, competitive,
        // notified, opted out, returned mail, enrolling, enrolled, rejected, dropping, dropped, ineligible
        assertThat(row(page, "by-town", "Amherst")).containsExactly("3", "33.3 % 1 of 3",
                "0.0 % 0 of 1", "0.0 % 0 of 1", "0", "0", "1", "1", "0", "0", "1", "0", "0", "0", "0");
        assertThat(row(page, "by-town", "Northampton")).containsExactly("3", "0.0 % 0 of 2", "— 0 of 0", "0.0 % 0 of 1",
                "0", "1", "0", "0", "1", "0", "0", "1", "0", "0", "0");
        assertThat(row(page, "by-town", "Pelham")).containsExactly("2", "0.0 % 0 of 2", "100.0 % 1 of 1", "— 0 of 0",
                "0", "0", "0", "0", "0", "0", "2", "0", "0", "0", "0");
    }

    @Test
    void rateClassesAndProductsHaveTheirRows() {
        String page = site.signedIn("staff").get("/console/campaign").body();

        // Alice enrolled, Carol rejected, Gus notified, Hannah returned; R-2: Bob opted out, Faye enrolled
        assertThat(row(page, "by-rate-class", "R-1")).containsExactly("4", "0.0 % 0 of 4", "— 0 of 0", "0.0 % 0 of 2",
                "0", "0", "1", "0", "1", "0", "1", "1", "0", "0", "0");
        assertThat(row(page, "by-rate-class", "R-2").subList(4, 11)).containsExactly("0", "0", "0", "1", "0", "0", "1");
        assertThat(row(page, "by-product", "Valley Standard").get(ENROLLED)).as("Alice and Faye").isEqualTo("2");
        assertThat(row(page, "by-product", "Valley Local Green").get(ENROLLED)).as("Erin, until April 1")
                .isEqualTo("1");
        assertThat(row(page, "by-product", CampaignPages.NO_PRODUCT).get(0)).isEqualTo("5");
        assertThat(page.indexOf(">Valley Local Green<")).isLessThan(page.indexOf(">Valley Standard<"));
        assertThat(page.indexOf(">Valley Standard<")).isLessThan(page.indexOf(">" + CampaignPages.NO_PRODUCT + "<"));
    }

    @Test
    void viewersSeeTheFiguresWithTheLowIncomeClassesMerged() {
        String page = site.signedIn("viewer").get("/console/campaign").body();

        assertThat(row(page, "by-rate-class", "R-1/R-2")).containsExactly("6", "16.7 % 1 of 6",
                "50.0 % 1 of 2", "0.0 % 0 of 2", "0", "0", "1", "1", "1", "0", "2", "1", "0", "0", "0");
        assertThat(page).doesNotContain("<th scope=\"row\">R-1</th>", "<th scope=\"row\">R-2</th>")
                .contains("<th scope=\"row\">R-3/R-4</th>");
        assertThat(text(page)).contains("the split would tell the low-income discount classes apart");
    }

    @Test
    void theCsvHasTheProgramEveryTownRateClassAndProduct() {
        HttpResponse<String> csv = site.signedIn("staff").get("/console/campaign.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"campaign-valley-green-energy-2025-03-15.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("grouping,group,accounts,eligible,competitive,notified,opted_out,");
        assertThat(lines).contains("program,valley-green-energy,8,0,1,1,1,1,0,3,1,0,0,0,7,14.3,2,1,50.0,2,0,0.0",
                "town,Amherst,3,0,0,1,1,0,0,1,0,0,0,0,3,33.3,1,0,0.0,1,0,0.0",
                "town,Pelham,2,0,0,0,0,0,0,2,0,0,0,0,2,0.0,1,1,100.0,0,0,",
                "rate_class,G-1,1,0,1,0,0,0,0,0,0,0,0,0,0,,0,0,,0,0,",
                "product,Valley Standard,2,0,0,0,0,0,0,2,0,0,0,0,2,0.0,1,1,100.0,0,0,");
        assertThat(lines).hasSize(1 + 1 + 3 + 4 + 3);
    }

    @Test
    void aViewersCsvMergesTheLowIncomeClassesToo() {
        String csv = site.signedIn("viewer").get("/console/campaign.csv").body();

        assertThat(csv).contains("\nrate_class,R-1/R-2,6,").doesNotContain("rate_class,R-1,", "rate_class,R-2,");
    }

    @Test
    void theChartReadsTheStatesByTown() {
        HttpResponse<String> json = site.signedIn("viewer").get("/api/console/campaign?grouping=town");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"labels\":[\"Amherst\",\"Northampton\",\"Pelham\"]",
                "{\"state\":\"enrolled\",\"name\":\"Enrolled\",\"accounts\":[1,0,2]}",
                "{\"state\":\"rejected\",\"name\":\"Rejected by the utility\",\"accounts\":[0,1,0]}");
        assertThat(site.signedIn("staff").get("/api/console/campaign?grouping=county").statusCode()).isEqualTo(400);
    }

    @Test
    void theDashboardLinksToTheCampaignAndTheQueues() {
        String page = site.signedIn("staff").get("/console").body();

        assertThat(text(page)).contains("Opt-out rate 14.3 %", "Rejected enrollments 1", "Returned mail 1");
        assertThat(page).contains("href=\"/console/exceptions?queue=rejected\"",
                "href=\"/console/exceptions?queue=returned-mail\"", "href=\"/console/campaign\"");
    }

    // ---------------------------------------------------------------- exception queues

    @Test
    void theRejectedQueueListsCarolWithTheUtilitysReasons() {
        String page = site.signedIn("staff").get("/console/exceptions?queue=rejected").body();

        assertThat(accountLinks(page)).containsExactly("3");
        assertThat(page).contains("8123456789", "National Grid (Massachusetts Electric Co.)",
                "<code>A76</code> ACCOUNT NOT FOUND", "<code>API</code> REQUIRED INFORMATION MISSING",
                "Jan 3, 2025, 11:00 AM", "1002-0001", "href=\"/console/accounts/3#request-title\"",
                "1 rejected enrollment");
        assertThat(page).contains("Rejected enrollments <span class=\"badge\">1</span>",
                "Returned mail <span class=\"badge\">1</span>");
    }

    @Test
    void theReturnedMailQueueListsHannahWithTheAddressHerNoticeWentTo() {
        String page = site.signedIn("staff").get("/console/exceptions?queue=returned-mail&sort=oldest").body();

        assertThat(accountLinks(page)).containsExactly("8");
        assertThat(page).contains("Hannah Hale", "PO Box 77, Northampton MA 01061", "Dec 5, 2024, 10:00 AM",
                "8155556666", "<strong>oldest first</strong>",
                "href=\"/console/exceptions?queue=returned-mail&amp;sort=newest\"");
    }

    @Test
    void viewersSeeTheQueuesWithoutNamesAddressesOrActions() {
        WebClient viewer = site.signedIn("viewer");
        String returned = viewer.get("/console/exceptions?queue=returned-mail").body();
        String rejected = viewer.get("/console/exceptions?queue=rejected").body();

        assertThat(accountLinks(returned)).containsExactly("8");
        assertThat(returned).doesNotContain("Hannah Hale", "PO Box 77", "8155556666")
                .contains("••••••6666", AccountPages.HIDDEN);
        assertThat(rejected).doesNotContain("Record a request", "8123456789").contains("••••••6789",
                "<code>A76</code> ACCOUNT NOT FOUND");
    }

    @Test
    void aQueueMustBeNamedAndSortedByDate() {
        WebClient staff = site.signedIn("staff");

        assertThat(staff.get("/console/exceptions?queue=dropped").statusCode()).isEqualTo(400);
        assertThat(staff.get("/console/exceptions?sort=town").statusCode()).isEqualTo(400);
        assertThat(staff.get("/console/exceptions?page=0").statusCode()).isEqualTo(400);
        assertThat(text(staff.get("/console/exceptions?page=2").body())).contains("No accounts on this page; 1 in"
                + " the queue.");
    }

    @Test
    void anonymousBrowsersAreSentToSignIn() {
        WebClient anonymous = site.client();

        for (String path : List.of("/console/campaign", "/console/campaign.csv", "/console/exceptions")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    l -> assertThat(l).startsWith("/login?next=%2Fconsole%2F"));
        }
        assertThat(anonymous.get("/api/console/campaign").statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- account timeline

    @Test
    void theTimelineShowsEveryEventInOrderWithThePendingChange() {
        String page = site.signedIn("staff").get("/console/accounts/5").body();

        List<String> expected = List.of("Listed on Basic Service in a member town",
                "Opt-out notice mailed on Nov 22, 2024; the opt-out window closes Dec 22, 2024",
                "Enrollment requested", "Enrollment sent to the utility (814)",
                "Enrollment accepted by the utility; supply starts Jan 1, 2025",
                "Product change requested, effective Apr 1, 2025");
        int at = 0;
        for (String what : expected) {
            int next = page.indexOf("<td>" + what + "</td>", at);
            assertThat(next).as(what).isGreaterThan(at);
            at = next;
        }
        assertThat(text(page)).contains("Enrolled", "Pending product change: Valley 100% Green from Apr 1, 2025",
                "Mar 10, 2025, 11:00 AM", "customer", "web portal", "requested from 203.0.113.9", "VGE-8R3M",
                "1001-0002", "eversource");
    }

    @Test
    void aRejectedAccountShowsTheUtilitysReason() {
        String page = site.signedIn("staff").get("/console/accounts/3").body();

        assertThat(text(page)).contains("Rejected by the utility", "The utility's reason: " + CAROLS_REASONS,
                "Enrollment rejected by the utility");
    }

    @Test
    void viewersSeeTheTimelineWithoutWhatCustomersGaveTheirRequests() {
        String page = site.signedIn("viewer").get("/console/accounts/5").body();

        assertThat(text(page)).contains("Product change requested, effective Apr 1, 2025", "1001-0002",
                "Reasons and confirmation numbers of customers' own requests are hidden for the viewer role.");
        assertThat(page).doesNotContain("203.0.113.9", "VGE-8R3M");
        String bobs = site.signedIn("viewer").get("/console/accounts/2").body();
        assertThat(bobs).contains("Opted out").doesNotContain("192.0.2.44", "VGE-7Q2K");
    }

    // ---------------------------------------------------------------- helpers

    /** The text of the cells of a table's row (after its heading cell), tags removed and spaces collapsed. */
    private static List<String> row(String page, String tableId, String group) {
        int table = page.indexOf("<h2 id=\"" + tableId + "\">");
        assertThat(table).as("table %s", tableId).isNotNegative();
        int start = page.indexOf("<th scope=\"row\">" + group + "</th>", table);
        assertThat(start).as("row %s of %s", group, tableId).isNotNegative();
        int end = page.indexOf("</tr>", start);
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(page.substring(start, end));
        List<String> cells = new ArrayList<>();
        while (m.find()) {
            cells.add(text(m.group(1)));
        }
        return cells;
    }

    /** The ids of the accounts a queue's rows link to, in order. */
    private static List<String> accountLinks(String page) {
        Matcher m = Pattern.compile("<td class=\"num\"><a href=\"/console/accounts/(\\d+)\">").matcher(page);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The page's text as a reader sees it: tags removed, entities of quotes decoded, spaces collapsed. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", "\"")
                .replaceAll("\\s+", " ").trim();
    }
}
