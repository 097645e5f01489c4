package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
import org.opencce.app.enrollment.InMemoryEnrollmentRequests;
import org.opencce.app.enrollment.InMemoryEnrollmentRequests.Applied;
import org.opencce.app.enrollment.PortalRequest.Channel;
import org.opencce.app.enrollment.PortalRequest.Kind;
import org.opencce.app.security.Cidr;
import org.opencce.app.security.TrustedProxies;
import org.opencce.domain.Fixtures;
import org.opencce.domain.time.LocalCalendar;

/**
 * The customer portal at {@code /choose}, as residents use it with the numbers on their bills. The
 * site sits behind a trusted proxy on 127.0.0.1, so each test's visitors come from addresses of their
 * own through {@code X-Forwarded-For} and the per-client limit of one test never touches another. The
 * clock only moves forward, in the rate-limit tests.
 */
class PortalTest {
    /** Alice Abbott's Eversource account in Amherst (01002), on the default product. */
    private static final String ALICE_NUMBER = "54012345678";
    /** Bob Brennan's account in Amherst: on Basic Service, not in the program. */
    private static final String BOB_NUMBER = "54012345679";
    /** Carol Chen's National Grid account in Northampton (01060). */
    private static final String CAROL_NUMBER = "8123456789";
    /** Erin Eastman's account in Pelham, whose service ZIP code is 01002. */
    private static final String ERIN_NUMBER = "54098765432";
    private static final String NO_SUCH_NUMBER = "54000000000";

    @TempDir
    static Path folder;
    static TestSite site;
    static MovableClock clock;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        clock = new MovableClock(TestSite.NOW);
        site = TestSite.start(folder, new TrustedProxies(List.of(Cidr.parse("127.0.0.1"))), clock);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void theHomePageLinksToThePortal() {
        String home = visitor("192.0.2.1").get("/").body();

        assertThat(home).contains("href=\"/choose\"", "Opt out, change product or join");
    }

    @Test
    void theFormListsTheProductsWithPricesMarksTheDefaultAndSaysOptingOutIsFree() {
        HttpResponse<String> form = visitor("192.0.2.2").get("/choose");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Opting out is free, at any time.", "Utility account number",
                "Service ZIP code", "Leave the program (opt out)", "Change my product", "Join the program (opt in)");
        assertThat(form.body()).contains("Valley Basic", "13.950 ¢/kWh", "Valley Standard", "14.450 ¢/kWh",
                "Valley 100% Green", "15.950 ¢/kWh", "Valley Local Green", "16.450 ¢/kWh", "47 % (state minimum 27 % + 20)");
        assertThat(form.body()).containsPattern("value=\"standard\" checked>\\s*<span>\\s*<strong>Valley Standard"
                + "</strong>\\s*<span class=\"badge default\">default</span>");
        assertThat(form.body()).contains("name=\"csrf\" value=\"");
        assertThat(form.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("style=\"");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(form.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).contains("HttpOnly", "SameSite=Strict"));
    }

    @Test
    void aMatchedOptOutIsAppliedAndConfirmedWithoutShowingAccountData() {
        WebClient alice = visitor("192.0.2.10");
        alice.get("/choose");

        // As some bills print it: with dashes, and the ZIP+4 of the service address.
        HttpResponse<String> done = alice.post("/choose", form("540-1234-5678", "01002-1234", "opt-out", ""));

        assertThat(done.statusCode()).isEqualTo(200);
        Applied applied = last();
        assertThat(applied.account()).isEqualTo(Fixtures.ALICE);
        assertThat(applied.actor()).isEqualTo("customer");
        assertThat(applied.request().kind()).isEqualTo(Kind.OPT_OUT);
        assertThat(applied.request().channel()).isEqualTo(Channel.WEB);
        assertThat(applied.request().product()).isEmpty();
        assertThat(applied.request().clientAddress()).isEqualTo("192.0.2.10");
        assertThat(done.body()).contains("Your opt-out is confirmed", "Your confirmation number",
                ">" + applied.confirmationNumber() + "<", InMemoryEnrollmentRequests.OPT_OUT_TEXT);
        assertThat(done.body()).doesNotContain("Alice", "Abbott", "Kellogg", ALICE_NUMBER, "540-1234-5678");
        assertThat(done.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aProductChangeSaysWhenItTakesEffect() {
        WebClient carol = visitor("192.0.2.11");
        carol.get("/choose");

        HttpResponse<String> done = carol.post("/choose", form(CAROL_NUMBER, "01060", "change", "local-green"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your product change is confirmed", "Takes effect on",
                "Friday, April 4, 2025");
        assertThat(last().account()).isEqualTo(Fixtures.CAROL);
        assertThat(last().request().product()).contains(Fixtures.LOCAL_GREEN);
    }

    @Test
    void anUnknownNumberAndAKnownNumberWithTheWrongZipGetTheSameAnswer() {
        WebClient guesser = visitor("192.0.2.12");
        guesser.get("/choose");
        int appliedBefore = site.enrollment.applied().size();

        HttpResponse<String> unknown = guesser.post("/choose", form(NO_SUCH_NUMBER, "01002", "opt-out", ""));
        HttpResponse<String> wrongZip = guesser.post("/choose", form(ALICE_NUMBER, "01060", "opt-out", ""));

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(wrongZip.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(wrongZip.body()).isEqualTo(unknown.body());
        assertThat(unknown.body()).contains("We could not match your account", PortalPages.NOT_MATCHED)
                .doesNotContain(NO_SUCH_NUMBER, ALICE_NUMBER);
        assertThat(site.enrollment.applied()).hasSize(appliedBefore);
    }

    @Test
    void aRefusalAfterAMatchShowsItsReason() {
        WebClient bob = visitor("192.0.2.13");
        bob.get("/choose");

        HttpResponse<String> refused = bob.post("/choose", form(BOB_NUMBER, "01002", "change", "green-100"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Your request was not applied", InMemoryEnrollmentRequests.NOT_IN_PROGRAM);
    }

    @Test
    void anIncompleteFormIsShownAgainWithWhatToFixAndReachesNoAccount() {
        WebClient visitor = visitor("192.0.2.14");
        visitor.get("/choose");
        int callsBefore = site.enrollment.portalCalls();

        HttpResponse<String> noZip = visitor.post("/choose", form(ALICE_NUMBER, "", "", ""));
        HttpResponse<String> noProduct = visitor.post("/choose", form(ALICE_NUMBER, "01002", "change", ""));
        HttpResponse<String> notOffered = visitor.post("/choose", form(ALICE_NUMBER, "01002", "join", "platinum"));
        HttpResponse<String> badNumber = visitor.post("/choose", form("54.01", "01002", "opt-out", ""));

        assertThat(noZip.statusCode()).isEqualTo(422);
        assertThat(noZip.body()).contains("Please check the form", "Service ZIP code: type the 5-digit ZIP code",
                "What would you like to do: choose one of the three options.", "value=\"" + ALICE_NUMBER + "\"")
                .doesNotContain("Account number: type");
        assertThat(noProduct.body()).contains("Product: choose the product you want.");
        assertThat(notOffered.body()).contains("Product: that product is not offered");
        assertThat(badNumber.body()).contains("Account number: type the utility account number");
        assertThat(site.enrollment.portalCalls()).isEqualTo(callsBefore);
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() {
        WebClient visitor = visitor("192.0.2.15");
        visitor.get("/choose");
        int callsBefore = site.enrollment.portalCalls();

        HttpResponse<String> noToken = visitor.postRaw("/choose", form(ALICE_NUMBER, "01002", "opt-out", ""));
        Map<String, String> forged = new LinkedHashMap<>(form(ALICE_NUMBER, "01002", "opt-out", ""));
        forged.put("csrf", "forged-token");
        HttpResponse<String> wrongToken = visitor.postRaw("/choose", forged);
        // Another site's page: the browser sends no cookie (SameSite=Strict), so there is no session at all.
        HttpResponse<String> noSession = visitor("192.0.2.16").postRaw("/choose", forged);

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(noSession.statusCode()).isEqualTo(403);
        assertThat(noSession.body()).contains("CSRF protection");
        assertThat(site.enrollment.portalCalls()).isEqualTo(callsBefore);
    }

    @Test
    void aClientGetsTwentyRequestsInTenMinutesThenA429WithRetryAfter() {
        WebClient guesser = visitor("198.51.100.30");
        guesser.get("/choose");
        for (int i = 0; i < 20; i++) {
            // A different number each time: the per-account limit stays out of the way.
            assertThat(guesser.post("/choose", form("5409000" + (1000 + i), "01002", "opt-out", "")).statusCode())
                    .as("request %d", i + 1).isEqualTo(422);
        }
        int callsBefore = site.enrollment.portalCalls();

        HttpResponse<String> limited = guesser.post("/choose", form(ALICE_NUMBER, "01002", "opt-out", ""));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("600");
        // The clock may have been moved by another test: the time is read in Amherst, ten minutes on.
        String tenMinutesOn = DateTimeFormatter.ofPattern("h:mm a", Locale.US)
                .format(clock.instant().plus(Duration.ofMinutes(10)).atZone(LocalCalendar.ZONE));
        assertThat(limited.body()).contains("Too many attempts", "This connection has sent many requests",
                "try again after " + tenMinutesOn + " (in 10 minutes)");
        assertThat(site.enrollment.portalCalls()).isEqualTo(callsBefore);
        assertThat(visitor("198.51.100.31").get("/choose").statusCode()).as("another client").isEqualTo(200);

        clock.advance(Duration.ofMinutes(10));
        guesser.get("/choose");
        assertThat(guesser.post("/choose", form(ALICE_NUMBER, "01060", "opt-out", "")).statusCode()).isEqualTo(422);
    }

    @Test
    void fiveFailedMatchesForOneAccountNumberFromAnyClientsHoldItBackForAnHour() {
        for (int i = 0; i < 5; i++) {
            WebClient guesser = visitor("198.51.100." + (40 + i));
            guesser.get("/choose");
            assertThat(guesser.post("/choose", form(ERIN_NUMBER, "0106" + i, "opt-out", "")).statusCode())
                    .isEqualTo(422);
        }
        WebClient erin = visitor("203.0.113.50");
        erin.get("/choose");
        int appliedBefore = site.enrollment.applied().size();

        // Even the right ZIP code waits: the limit must not confirm a guess.
        HttpResponse<String> limited = erin.post("/choose", form("5409-876-5432", "01002", "opt-out", ""));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(limited.body()).contains("many unsuccessful attempts with this account number");
        assertThat(site.enrollment.applied()).hasSize(appliedBefore);
        assertThat(erin.post("/choose", form(CAROL_NUMBER, "01060", "opt-out", "")).statusCode())
                .as("another account number").isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        erin.get("/choose");
        assertThat(erin.post("/choose", form(ERIN_NUMBER, "01002", "opt-out", "")).statusCode()).isEqualTo(200);
        assertThat(last().account()).isEqualTo(Fixtures.ERIN);
    }

    @Test
    void theAccountLimitAnswersAnUnknownNumberAsItAnswersAKnownOne() {
        String unknownNumber = "54000000001";
        for (String number : List.of(BOB_NUMBER, unknownNumber)) {
            for (int i = 0; i < 5; i++) {
                WebClient guesser = visitor("198.51.100." + (60 + i));
                guesser.get("/choose");
                guesser.post("/choose", form(number, "0107" + i, "opt-out", ""));
            }
        }
        WebClient a = visitor("203.0.113.61");
        a.get("/choose");
        WebClient b = visitor("203.0.113.61");
        b.get("/choose");

        HttpResponse<String> known = a.post("/choose", form(BOB_NUMBER, "01002", "opt-out", ""));
        HttpResponse<String> unknown = b.post("/choose", form(unknownNumber, "01002", "opt-out", ""));

        assertThat(known.statusCode()).isEqualTo(429);
        assertThat(unknown.statusCode()).isEqualTo(429);
        assertThat(unknown.headers().firstValue("Retry-After")).isEqualTo(known.headers().firstValue("Retry-After"));
        assertThat(unknown.body()).isEqualTo(known.body());
    }

    private static WebClient visitor(String address) {
        return site.client().withHeader("X-Forwarded-For", address);
    }

    private static Applied last() {
        List<Applied> applied = site.enrollment.applied();
        assertThat(applied).isNotEmpty();
        return applied.get(applied.size() - 1);
    }

    private static Map<String, String> form(String number, String zip, String kind, String product) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("account_number", number);
        form.put("zip", zip);
        Optional.of(kind).filter(k -> !k.isEmpty()).ifPresent(k -> form.put("kind", k));
        Optional.of(product).filter(p -> !p.isEmpty()).ifPresent(p -> form.put("product", p));
        return form;
    }
}
