package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.opencce.domain.Fixtures;

/**
 * Staff record opt-outs and product changes they took by phone, letter or reply card, from an
 * account's page in the console; viewers may look but not record.
 */
class StaffRequestsTest {
    @TempDir
    static Path folder;
    static TestSite site;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void staffSeeTheRequestFormOnAnAccountsPage() {
        String page = site.signedIn("staff").get("/console/accounts/1").body();

        assertThat(page).contains("Record a customer request", "action=\"/console/accounts/1/requests\"",
                "<option value=\"reply_card\">Reply card</option>", "<option value=\"phone\" selected>Phone call</option>",
                "Valley Standard · 14.450 ¢/kWh · default");
    }

    @Test
    void viewersSeeNoFormAndTheirPostIsRefused() {
        WebClient viewer = site.signedIn("viewer");
        String page = viewer.get("/console/accounts/1").body();
        int before = site.enrollment.applied().size();

        HttpResponse<String> post = viewer.post("/console/accounts/1/requests",
                Map.of("kind", "opt-out", "channel", "phone"));

        assertThat(page).doesNotContain("Record a customer request", "/requests");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("needs the staff or admin role");
        assertThat(site.enrollment.applied()).hasSize(before);
    }

    @Test
    void staffRecordAReplyCardOptOutAndSeeTheConfirmationNumber() {
        WebClient staff = site.signedIn("staff");
        staff.get("/console/accounts/1");

        HttpResponse<String> done = staff.post("/console/accounts/1/requests",
                Map.of("kind", "opt-out", "channel", "reply_card", "product", ""));

        assertThat(done.statusCode()).isEqualTo(200);
        Applied applied = last();
        assertThat(applied.account()).isEqualTo(Fixtures.ALICE);
        assertThat(applied.actor()).isEqualTo("staff");
        assertThat(applied.request().kind()).isEqualTo(Kind.OPT_OUT);
        assertThat(applied.request().channel()).isEqualTo(Channel.REPLY_CARD);
        assertThat(applied.request().product()).isEmpty();
        assertThat(applied.request().accountNumber()).isEqualTo("54012345678");
        assertThat(applied.request().serviceZip()).isEqualTo("01002");
        assertThat(applied.request().clientAddress()).isEqualTo("127.0.0.1");
        assertThat(done.body()).contains("Your opt-out is confirmed", "Recorded for account 1",
                ">" + applied.confirmationNumber() + "<", InMemoryEnrollmentRequests.OPT_OUT_TEXT,
                "href=\"/console/accounts/1\"");
    }

    @Test
    void anAdminRecordsAProductChangeTakenByPhone() {
        WebClient admin = site.signedIn("admin");
        admin.get("/console/accounts/3");

        HttpResponse<String> done = admin.post("/console/accounts/3/requests",
                Map.of("kind", "change", "channel", "phone", "product", "basic"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your product change is confirmed", "Friday, April 4, 2025");
        assertThat(last().account()).isEqualTo(Fixtures.CAROL);
        assertThat(last().actor()).isEqualTo("admin");
        assertThat(last().request().channel()).isEqualTo(Channel.PHONE);
        assertThat(last().request().product()).contains(Fixtures.BASIC);
    }

    @Test
    void aRefusalIsShownWithItsReason() {
        WebClient staff = site.signedIn("staff");
        staff.get("/console/accounts/2");

        HttpResponse<String> refused = staff.post("/console/accounts/2/requests",
                Map.of("kind", "change", "channel", "mail", "product", "green-100"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The request was not applied", InMemoryEnrollmentRequests.NOT_IN_PROGRAM);
    }

    @Test
    void anIncompleteRequestIsNotRecorded() {
        WebClient staff = site.signedIn("staff");
        staff.get("/console/accounts/5");
        int before = site.enrollment.applied().size();

        HttpResponse<String> web = staff.post("/console/accounts/5/requests", Map.of("kind", "opt-out", "channel", "web"));
        HttpResponse<String> noProduct = staff.post("/console/accounts/5/requests",
                Map.of("kind", "change", "channel", "phone", "product", ""));
        HttpResponse<String> noKind = staff.post("/console/accounts/5/requests",
                Map.of("kind", "leave", "channel", "phone", "product", "nonexistent"));

        assertThat(List.of(web.statusCode(), noProduct.statusCode(), noKind.statusCode())).containsOnly(422);
        assertThat(web.body()).contains("Choose how the request came in: phone, letter or reply card.");
        assertThat(noProduct.body()).contains("Choose the product the customer wants.");
        assertThat(noKind.body()).contains("Choose the request: opt out, change product or opt in.");
        assertThat(site.enrollment.applied()).hasSize(before);
    }

    @Test
    void aProductThatIsNotOfferedIsNamed() {
        WebClient staff = site.signedIn("staff");
        staff.get("/console/accounts/5");

        HttpResponse<String> post = staff.post("/console/accounts/5/requests",
                Map.of("kind", "change", "channel", "phone", "product", "platinum"));

        assertThat(post.statusCode()).isEqualTo(422);
        assertThat(post.body()).contains("The product 'platinum' is not offered");
    }

    @Test
    void aPostWithoutTheSessionsTokenIsRefused() {
        WebClient staff = site.signedIn("staff");
        int before = site.enrollment.applied().size();

        HttpResponse<String> post = staff.postRaw("/console/accounts/1/requests",
                Map.of("kind", "opt-out", "channel", "phone"));

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(site.enrollment.applied()).hasSize(before);
    }

    @Test
    void anUnknownAccountIs404() {
        WebClient staff = site.signedIn("staff");
        staff.get("/console/accounts/1");

        HttpResponse<String> post = staff.post("/console/accounts/999/requests",
                Map.of("kind", "opt-out", "channel", "phone"));

        assertThat(post.statusCode()).isEqualTo(404);
    }

    private static Applied last() {
        List<Applied> applied = site.enrollment.applied();
        assertThat(applied).isNotEmpty();
        return applied.get(applied.size() - 1);
    }
}
