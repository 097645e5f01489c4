package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.security.Passwords;
import org.opencce.domain.Fixtures;
import org.opencce.store.AuditLog;
import org.opencce.store.UserStore.Role;

/**
 * Console users as people meet them: one-time passwords that must be replaced, disabled users, names
 * in any case, unknown names, and sessions that survive a restart of the server.
 */
class ConsoleUsersTest {
    @TempDir
    static Path folder;
    static TestSite site;

    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void aOneTimePasswordLeadsToTheChangePasswordFormAndWorksOnlyOnce() {
        String oneTime = "Abcd-efgh-2345-6789";
        site.database.users().saveUser("newbie", Passwords.hash(oneTime.toCharArray()), true);
        site.database.users().grant("newbie", Fixtures.VALLEY, Role.STAFF);
        WebClient browser = site.client();

        HttpResponse<String> signIn = browser.attemptLogIn("newbie", oneTime);

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/console/password?next=%2Fconsole");
        assertThat(browser.get("/console/accounts").headers().firstValue("Location"))
                .hasValue("/console/password?next=%2Fconsole%2Faccounts");
        HttpResponse<String> api = browser.get("/api/console/accounts");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("one-time password", "/console/password");
        HttpResponse<String> form = browser.get("/console/password?next=%2Fconsole%2Faccounts");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("You signed in with a one-time password", "name=\"csrf\"");

        HttpResponse<String> tooShort = changePassword(browser, oneTime, "short-one", "short-one");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters; it has 9");
        HttpResponse<String> differ = changePassword(browser, oneTime, "river-stone-lamp", "river-stone-lamb");
        assertThat(differ.body()).contains("The two new passwords differ");
        HttpResponse<String> same = changePassword(browser, oneTime, oneTime, oneTime);
        assertThat(same.body()).contains("must differ from the current one");
        HttpResponse<String> wrongCurrent = changePassword(browser, "not-it", "river-stone-lamp", "river-stone-lamp");
        assertThat(wrongCurrent.body()).contains("The current password is not right.");
        assertThat(browser.get("/console").statusCode()).as("still held at the form").isEqualTo(303);

        HttpResponse<String> changed = changePassword(browser, oneTime, "river-stone-lamp", "river-stone-lamp");

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/console/accounts");
        assertThat(browser.get("/console/accounts").statusCode()).isEqualTo(200);
        assertThat(site.client().attemptLogIn("newbie", oneTime).statusCode()).as("one-time, really")
                .isEqualTo(401);
        site.client().logIn("newbie", "river-stone-lamp");
        assertThat(recentActions()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("newbie");
            assertThat(e.action()).isEqualTo("password-changed");
            assertThat(e.detail()).startsWith("one-time password replaced");
        });
    }

    @Test
    void aDisabledUserIsSignedOutAndCannotSignInAgain() {
        site.database.users().saveUser("leaver", Passwords.hash("leaver-password-1".toCharArray()));
        site.database.users().grant("leaver", Fixtures.VALLEY, Role.VIEWER);
        WebClient browser = site.client();
        browser.logIn("leaver", "leaver-password-1");
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);

        site.database.users().setDisabled("leaver", true);

        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
        HttpResponse<String> again = site.client().attemptLogIn("leaver", "leaver-password-1");
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("The user leaver is disabled.");
    }

    @Test
    void userNamesIgnoreCaseAtSignIn() {
        WebClient browser = site.client();

        browser.logIn("STAFF", new String(TestSite.password("staff")));

        assertThat(browser.get("/console").body()).contains("<span class=\"user-name\">staff</span>");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAfterAsLongAsAWrongPasswordAndIsAudited() {
        site.client().attemptLogIn("warm-up", "x");

        long wrongPasswordNanos = timed(() -> site.client().attemptLogIn("viewer", "wrong-password"));
        long[] unknown = new long[1];
        HttpResponse<String> response = timedResponse(unknown, () -> site.client().attemptLogIn("nobody-here", "pw"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong user name or password.");
        // Both spend one bcrypt verification (cost 12); without the decoy the unknown name answered at once.
        assertThat(unknown[0]).isGreaterThan(wrongPasswordNanos / 3);
        assertThat(recentActions()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("nobody-here");
            assertThat(e.action()).isEqualTo("login-failed");
            assertThat(e.detail()).isEqualTo("unknown user from 127.0.0.1");
        });
    }

    @Test
    void aSignedInUserStaysSignedInWhenTheServerRestarts() {
        try (TestSite restarted = TestSite.start(folder.resolve("restart"))) {
            WebClient browser = restarted.signedIn("staff");
            String cookie = browser.sessionCookie();
            restarted.app.stop();

            WebApp next = restarted.newWebApp();
            int port = next.start("127.0.0.1", 0);
            try {
                HttpResponse<String> dashboard = new WebClient("http://127.0.0.1:" + port)
                        .get("/console", "Cookie", SessionCookie.NAME + "=" + cookie);

                assertThat(dashboard.statusCode()).isEqualTo(200);
                assertThat(dashboard.body()).contains("<span class=\"user-name\">staff</span>");
                int storedAsIs = restarted.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM console_sessions WHERE id_sha256 = :id OR csrf_token = :id")
                        .bind("id", cookie).mapTo(Integer.class).one());
                assertThat(storedAsIs).as("the id itself is not stored").isZero();
            } finally {
                next.stop();
            }
        }
    }

    private static HttpResponse<String> changePassword(WebClient browser, String current, String chosen,
            String repeat) {
        return browser.post("/console/password", Map.of("current", current, "password", chosen, "repeat", repeat,
                "next", "/console/accounts"));
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    private static HttpResponse<String> timedResponse(long[] nanos, Supplier<HttpResponse<String>> s) {
        long start = System.nanoTime();
        HttpResponse<String> response = s.get();
        nanos[0] = System.nanoTime() - start;
        return response;
    }

    private static List<AuditLog.Entry> recentActions() {
        return site.database.audit().recent(Fixtures.VALLEY, 200);
    }
}
