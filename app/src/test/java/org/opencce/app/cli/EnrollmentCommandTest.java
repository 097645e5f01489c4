package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.Installation;
import org.opencce.app.enrollment.EnrollmentService;
import org.opencce.app.enrollment.PortalEnrollment;
import org.opencce.app.enrollment.PortalOutcome;
import org.opencce.app.enrollment.PortalRequest;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.formats.reference.ReferenceData;
import org.opencce.store.EnrollmentStore;

/**
 * An opt-out campaign through {@code opencce enrollment …} on an empty data directory: the sample program
 * file, a customer list of named accounts, notices, returned mail, opt-outs, a later list, the enrollment
 * run and the status, covering each rule of issue 6, section 2. The tests run in order on one installation,
 * each taking the campaign one step further, as staff would.
 *
 * <p>The accounts: Faye (Pelham, low-income R-2) and Gus (Amherst, net-metered) are enrolled and flagged;
 * Hannah's notice comes back and she is not enrolled; Ian opts out before the run and is not enrolled; the
 * Main Street Deli has a competitive supplier and gets no notice; Kim's notice goes to her landlord's PO
 * box; Leo is closed by the next list before the run; Nora is new in the next list and gets her own window.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrollmentCommandTest {
    private static final ProgramId VALLEY = new ProgramId("valley-green-energy");
    private static final String FAYE = "54011112222";
    private static final String GUS = "54033334444";
    private static final String HANNAH = "8155556666";
    private static final String IAN = "54077778888";
    private static final String DELI = "8123456790";
    private static final String KIM = "5409-999-0001";
    private static final String LEO = "54099990002";
    private static final String NORA = "54099990003";

    @TempDir
    static Path folder;
    private static Path dataDir;

    // Starts the embedded PostgreSQL for the first time in the class's data directory (initdb): more room than
    // the 2-minute default on a busy machine.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void programAndFirstList() throws IOException {
        dataDir = folder.resolve("opencce");
        CliRun init = opencce("program", "init", "../docs/samples/program.yaml");
        assertThat(init.exit).as(init.err).isZero();
        JsonNode imported = json("accounts", "import", resource("customers-2024-11.csv").toString(), "--json");
        assertThat(imported.get("accepted").asInt()).isEqualTo(7);
        assertThat(imported.get("reconciliation").get("new").asInt()).isEqualTo(7);
        assertThat(imported.get("reconciliation").get("closed").asInt()).isZero();
    }

    @Test
    @Order(1)
    void theListMakesBasicServiceAccountsEligibleFlaggedNeverExcludedAndTheDeliOptInOnly() {
        JsonNode status = json("enrollment", "status", "--json");

        assertThat(status.get("by_state").get("eligible").asInt()).isEqualTo(6);
        assertThat(status.get("by_state").get("competitive").asInt()).isEqualTo(1);
        assertThat(status.get("by_state").get("enrolled").asInt()).isZero();
        assertThat(status.get("eligible_low_income").asInt()).as("Faye").isEqualTo(1);
        assertThat(status.get("eligible_net_metered").asInt()).as("Gus").isEqualTo(1);
        JsonNode northampton = status.get("by_town").get("Northampton");
        assertThat(northampton.get("by_state").get("eligible").asInt()).as("Hannah").isEqualTo(1);
        assertThat(northampton.get("by_state").get("competitive").asInt()).as("the Deli").isEqualTo(1);
        assertThat(status.get("by_town").get("Pelham").get("eligible_low_income").asInt()).isEqualTo(1);
        CliRun text = opencce("enrollment", "status");
        assertThat(text.out).contains("Valley Green Energy: 7 accounts").contains("Competitive supplier");
    }

    @Test
    @Order(2)
    void aMailingThatFailsHalfWayLeavesNeitherEventsNorFiles() throws IOException {
        Path out = folder.resolve("failed-mailing");
        try (Installation installation = Installation.open(dataDir, null, null, null)) {
            EnrollmentService service = new EnrollmentService(installation.database(),
                    ReferenceData.instance().basicServiceRates(), Clock.fixed(Instant.parse("2024-11-22T15:00:00Z"),
                            ZoneOffset.UTC));
            int[] written = {0};

            assertThatThrownBy(() -> service.mailNotices(VALLEY, LocalDate.of(2024, 11, 22), out, Optional.empty(),
                    OptionalInt.empty(), "ada", letters -> {
                        if (++written[0] == 3) {
                            throw new IllegalStateException("the disk is full");
                        }
                    })).hasMessageContaining("the disk is full");

            assertThat(installation.database().enrollments().counts(VALLEY).total().count(EnrollmentState.NOTIFIED))
                    .isZero();
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("no letters, no manifest, no staging folder").isEmpty();
        }
    }

    @Test
    @Order(3)
    void noticesGoToEveryEligibleAccountAtItsMailingAddressAndMoveItToNotified() throws IOException {
        Path out = folder.resolve("mailing-1");

        JsonNode mailed = json("enrollment", "notices", "--mailing-date", "2024-11-22", "--out", out.toString(),
                "--actor", "ada", "--json");

        assertThat(mailed.get("letters").asInt()).isEqualTo(6);
        // 30 days, the last one counted (docs/enrollment.md, "The opt-out window")
        assertThat(mailed.get("window_closes").asText()).isEqualTo("2024-12-22");
        assertThat(mailed.get("files")).hasSize(1);
        assertThat(Path.of(mailed.get("files").get(0).asText())).isEqualTo(out.resolve("letters-0001.pdf"))
                .isRegularFile();
        assertThat(mailed.get("skipped").get("competitive").asInt()).as("the Deli gets no notice").isEqualTo(1);
        Path manifest = Path.of(mailed.get("manifest").asText());
        assertThat(manifest).isEqualTo(out.resolve("manifest.csv"));
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1 + 6);
        assertThat(text).contains(FAYE + ",EVERSOURCE_WMA,Faye Fontaine,9 North Valley Rd,Pelham,MA,01002,letters-0001.pdf,1")
                .contains("5409-999-0001,EVERSOURCE_WMA,Kim Kowalski,\"c/o Pioneer Property Mgmt, PO Box 112\",Hadley,MA,"
                        + "01035-0112,letters-0001.pdf,")
                .doesNotContain(DELI);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("letters-0001.pdf",
                    "manifest.csv");
        }
        assertThat(json("enrollment", "status", "--json").get("by_state").get("notified").asInt()).isEqualTo(6);
    }

    @Test
    @Order(4)
    void noticesAreNotMailedTwiceNorWrittenOverAnEarlierMailing() {
        JsonNode again = json("enrollment", "notices", "--mailing-date", "2024-11-25", "--out",
                folder.resolve("mailing-again").toString(), "--json");
        assertThat(again.get("letters").asInt()).isZero();
        assertThat(again.get("skipped").get("notified").asInt()).isEqualTo(6);

        CliRun over = opencce("enrollment", "notices", "--mailing-date", "2024-11-25", "--out",
                folder.resolve("mailing-1").toString());
        assertThat(over.exit).isEqualTo(1);
        assertThat(over.err).contains("already holds a mailing");
    }

    @Test
    @Order(5)
    void returnedMailIsNotEnrolledAndEachRowIsAppliedOrRefusedWithItsLine() {
        String file = resource("returned-mail.csv").toString();

        JsonNode returned = json("enrollment", "returned-mail", file, "--json");

        assertThat(returned.get("read").asInt()).isEqualTo(3);
        assertThat(returned.get("applied").asInt()).as("Hannah").isEqualTo(1);
        assertThat(returned.get("rejected").asInt()).isEqualTo(2);
        assertThat(returned.get("rejections").get(0).get("line").asInt()).as("the Deli, never mailed").isEqualTo(3);
        assertThat(returned.get("rejections").get(0).get("reason").asText()).contains("mail_returned refused");
        assertThat(returned.get("rejections").get(1).get("line").asInt()).isEqualTo(4);
        assertThat(returned.get("rejections").get(1).get("reason").asText())
                .isEqualTo("no account 99999999999 in this program");

        JsonNode twice = json("enrollment", "returned-mail", file, "--json");
        assertThat(twice.get("alreadyImported").asBoolean()).isTrue();
        assertThat(json("enrollment", "status", "--json").get("by_state").get("returned_mail").asInt()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void anOptOutBeforeTheRunWinsAndASecondOneIsReportedAsAlreadyDone() {
        JsonNode optOut = json("enrollment", "opt-out", resource("opt-outs.csv").toString(), "--channel", "phone",
                "--actor", "carol", "--json");
        assertThat(optOut.get("applied").asInt()).isEqualTo(1);

        CliRun again = opencce("enrollment", "opt-out", resource("opt-outs-again.csv").toString());
        assertThat(again.exit).as(again.err).isZero();
        assertThat(again.out).contains("read 2 = accepted 2 + rejected 0; 0 applied, 2 already so")
                .contains("line 2: already opted out; nothing changed");
        CliRun badChannel = opencce("enrollment", "opt-out", resource("opt-outs.csv").toString(), "--channel", "fax");
        assertThat(badChannel.exit).isEqualTo(2);
        assertThat(badChannel.err).contains("--channel must be phone, mail, web or reply_card");

        try (Installation installation = Installation.open(dataDir, null, null, null)) {
            Account ian = account(installation, Utility.EVERSOURCE_WMA, IAN);
            List<EnrollmentStore.RecordedEvent> history = installation.database().enrollments().history(VALLEY, ian.id());
            EnrollmentStore.RecordedEvent last = history.get(history.size() - 1);
            assertThat(last.event().kind()).isEqualTo(EventKind.OPTED_OUT);
            assertThat(last.event().actor()).isEqualTo("carol");
            assertThat(last.event().channel()).isEqualTo(Channel.PHONE);
        }
    }

    @Test
    @Order(7)
    void aLaterListClosesLeoAndBringsNoraWhoGetsHerOwnNoticeAndWindow() {
        JsonNode later = json("accounts", "import", resource("customers-2025-01.csv").toString(), "--json");

        assertThat(later.get("reconciliation").get("new").asInt()).as("Nora").isEqualTo(1);
        assertThat(later.get("reconciliation").get("closed").asInt()).as("Leo").isEqualTo(1);
        assertThat(later.get("reconciliation").get("unchanged").asInt()).isEqualTo(4);
        assertThat(state(Utility.EVERSOURCE_WMA, LEO)).isEqualTo(EnrollmentState.INELIGIBLE);
        assertThat(state(Utility.NATIONAL_GRID_MA, HANNAH)).as("National Grid's accounts are not in Eversource's list")
                .isEqualTo(EnrollmentState.RETURNED_MAIL);

        JsonNode nora = json("enrollment", "notices", "--mailing-date", "2025-01-10", "--out",
                folder.resolve("mailing-2").toString(), "--town", "amherst", "--json");
        assertThat(nora.get("letters").asInt()).isEqualTo(1);
        assertThat(nora.get("window_closes").asText()).isEqualTo("2025-02-09");
    }

    @Test
    @Order(8)
    void theRunEnrollsOnlyAccountsWhoseWindowClosedAfterLaunchAndTwiceChangesNothing() {
        JsonNode beforeLaunch = json("enrollment", "run", "--launch", "2025-01-01", "--today", "2024-12-30", "--json");
        assertThat(beforeLaunch.get("requested").asInt()).isZero();

        JsonNode run = json("enrollment", "run", "--launch", "2025-01-01", "--today", "2025-01-15", "--json");

        // Faye, Gus and Kim; not Hannah (returned mail), Ian (opted out), the Deli, Leo (closed), Nora (window open)
        assertThat(run.get("requested").asInt()).isEqualTo(3);
        assertThat(run.get("by_town").get("Amherst").asInt()).isEqualTo(2);
        assertThat(run.get("by_town").get("Pelham").asInt()).isEqualTo(1);
        assertThat(json("enrollment", "run", "--launch", "2025-01-01", "--today", "2025-01-15", "--json")
                .get("requested").asInt()).isZero();
        assertThat(state(Utility.EVERSOURCE_WMA, NORA)).isEqualTo(EnrollmentState.NOTIFIED);

        JsonNode lastDay = json("enrollment", "run", "--launch", "2025-01-01", "--today", "2025-02-09", "--json");
        assertThat(lastDay.get("requested").asInt()).as("Nora may still opt out on 9 February").isZero();
        CliRun after = opencce("enrollment", "run", "--launch", "2025-01-01", "--today", "2025-02-10");
        assertThat(after.out).contains("1 enrollment requests queued on 2025-02-10").contains("Amherst");

        JsonNode status = json("enrollment", "status", "--json");
        assertThat(status.get("by_state").get("enrolling").asInt()).isEqualTo(4);
        assertThat(status.get("by_state").get("opted_out").asInt()).isEqualTo(1);
        assertThat(status.get("by_state").get("returned_mail").asInt()).isEqualTo(1);
        assertThat(status.get("by_state").get("ineligible").asInt()).isEqualTo(1);
        assertThat(status.get("by_state").get("competitive").asInt()).isEqualTo(1);
        assertThat(status.get("eligible_low_income").asInt()).as("Faye, enrolling, still flagged").isEqualTo(1);
        assertThat(status.get("eligible_net_metered").asInt()).as("Gus").isEqualTo(1);
        assertThat(state(Utility.EVERSOURCE_WMA, FAYE)).isEqualTo(EnrollmentState.ENROLLING);
        assertThat(state(Utility.EVERSOURCE_WMA, IAN)).isEqualTo(EnrollmentState.OPTED_OUT);
    }

    @Test
    @Order(9)
    void thePortalMatchesNumberAndZipRecordsTheConfirmationAndNeverSaysWhichNumbersExist() {
        try (Installation installation = Installation.open(dataDir, null, null, null)) {
            PortalEnrollment portal = new PortalEnrollment(installation.database(), PortalEnrollment.FIRST_OF_THE_MONTH,
                    Clock.fixed(Instant.parse("2025-02-11T15:00:00Z"), ZoneOffset.UTC));

            PortalOutcome unknown = portal.submitFromPortal(VALLEY, optOut("54000000000", "01002"));
            PortalOutcome wrongZip = portal.submitFromPortal(VALLEY, optOut("5409 999 0001", "01060"));
            assertThat(unknown).isEqualTo(new PortalOutcome.NotMatched()).isEqualTo(wrongZip);

            // Kim, typed without the dashes the utility prints, with her service ZIP+4.
            PortalOutcome kim = portal.submitFromPortal(VALLEY, optOut("54099990001", "01002-1234"));
            assertThat(kim).isInstanceOf(PortalOutcome.Confirmed.class);
            String confirmation = ((PortalOutcome.Confirmed) kim).confirmationNumber();
            List<EnrollmentStore.RecordedEvent> recorded = installation.database().enrollments()
                    .withReference(VALLEY, confirmation);
            assertThat(recorded).singleElement().satisfies(r -> {
                assertThat(r.event().kind()).isEqualTo(EventKind.OPTED_OUT);
                assertThat(r.event().actor()).isEqualTo(PortalEnrollment.CUSTOMER);
                assertThat(r.event().channel()).isEqualTo(Channel.WEB);
                assertThat(r.event().reason()).contains("203.0.113.7");
            });
            assertThat(portal.submitFromPortal(VALLEY, optOut("54099990001", "01002")))
                    .isEqualTo(new PortalOutcome.Refused("This account has already opted out of the program; nothing"
                            + " changed."));

            // Hannah's notice came back: she may opt in by phone, recorded with the staff login as the actor.
            Account hannah = account(installation, Utility.NATIONAL_GRID_MA, HANNAH);
            PortalOutcome optIn = portal.submitForStaff(VALLEY, hannah.id(), new PortalRequest(PortalRequest.Kind.OPT_IN,
                    HANNAH, "01060", Optional.of(new ProductId("green-100")), PortalRequest.Channel.PHONE, "console"),
                    "carol");
            assertThat(optIn).isInstanceOf(PortalOutcome.Confirmed.class);
            assertThat(state(installation, Utility.NATIONAL_GRID_MA, HANNAH)).isEqualTo(EnrollmentState.ENROLLING);
            EnrollmentStore.RecordedEvent last = last(installation, hannah);
            assertThat(last.event().actor()).isEqualTo("carol");
            assertThat(last.event().channel()).isEqualTo(Channel.PHONE);
            assertThat(last.event().product()).contains(new ProductId("green-100"));

            PortalOutcome unknownProduct = portal.submitFromPortal(VALLEY, new PortalRequest(
                    PortalRequest.Kind.CHANGE_PRODUCT, FAYE, "01002", Optional.of(new ProductId("gold")),
                    PortalRequest.Channel.WEB, "203.0.113.7"));
            assertThat(unknownProduct).isInstanceOf(PortalOutcome.Refused.class);
            // Faye's enrollment request is queued, not yet sent: she may still choose its product.
            PortalOutcome faye = portal.submitFromPortal(VALLEY, new PortalRequest(PortalRequest.Kind.CHANGE_PRODUCT,
                    FAYE, "01002", Optional.of(new ProductId("local-green")), PortalRequest.Channel.WEB,
                    "203.0.113.7"));
            assertThat(faye).isInstanceOf(PortalOutcome.Confirmed.class);
            assertThat(((PortalOutcome.Confirmed) faye).effectiveOn()).isEmpty();
            assertThat(installation.database().enrollments().find(VALLEY, account(installation, Utility.EVERSOURCE_WMA,
                    FAYE).id()).orElseThrow().product()).contains(new ProductId("local-green"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static PortalRequest optOut(String number, String zip) {
        return new PortalRequest(PortalRequest.Kind.OPT_OUT, number, zip, Optional.empty(), PortalRequest.Channel.WEB,
                "203.0.113.7");
    }

    private static EnrollmentStore.RecordedEvent last(Installation installation, Account account) {
        List<EnrollmentStore.RecordedEvent> history = installation.database().enrollments().history(VALLEY,
                account.id());
        return history.get(history.size() - 1);
    }

    private static EnrollmentState state(Utility utility, String number) {
        try (Installation installation = Installation.open(dataDir, null, null, null)) {
            return state(installation, utility, number);
        }
    }

    private static EnrollmentState state(Installation installation, Utility utility, String number) {
        return installation.database().enrollments().find(VALLEY, account(installation, utility, number).id())
                .orElseThrow().state();
    }

    private static Account account(Installation installation, Utility utility, String number) {
        return installation.database().accounts().find(VALLEY, utility, new UtilityAccountNumber(number)).orElseThrow();
    }

    private static Path resource(String name) {
        Path copy = folder.resolve(name);
        if (!Files.exists(copy)) {
            try (InputStream in = EnrollmentCommandTest.class.getResourceAsStream("enrollment/" + name)) {
                Files.copy(in, copy);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return copy;
    }

    private static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        CliRun run = opencce(all.toArray(new String[0]));
        assertThat(run.exit).as(run.toString()).isZero();
        try {
            return Output.JSON.readTree(run.out);
        } catch (IOException e) {
            throw new AssertionError(run.out, e);
        }
    }

    private static CliRun opencce(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return CliRun.of(all);
    }
}
