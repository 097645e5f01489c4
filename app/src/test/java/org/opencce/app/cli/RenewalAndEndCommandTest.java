package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.edi.EdiParties;
import org.opencce.app.enrollment.PortalEnrollment;
import org.opencce.app.enrollment.PortalOutcome;
import org.opencce.app.enrollment.PortalRequest;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.ProgramEnd;
import org.opencce.formats.edi.EdiReader;
import org.opencce.formats.edi.Enrollment814Request;
import org.opencce.formats.edi.EnrollmentKind;
import org.opencce.formats.edi.TradingPartners;
import org.opencce.store.AuditLog;
import org.opencce.store.Database;
import org.opencce.store.EnrollmentStore;

/**
 * {@code opencce enrollment renewal-notices} and {@code opencce program end} end to end, in-process, on an
 * installation that went through a campaign the way a program does (issue 6, section 2: "at contract
 * renewal customers stay in their product at the new price, after notice; the program may end and return
 * everyone to Basic Service").
 *
 * <p>The accounts after the campaign: Alice (Amherst) and Erin (Pelham) at Eversource are enrolled in
 * Standard; Carol and Hannah (Northampton) at National Grid are enrolling (their 814s were sent, the
 * utility has not answered); Bob (Amherst) opted out by phone; the Main Street Deli is with a competitive
 * supplier; Ivy (Northampton) came on a later list and was notified on January 10, 2025.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RenewalAndEndCommandTest {
    private static final ProgramId VALLEY = new ProgramId("valley-green-energy");
    private static final String HEADER = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
            + "Supply Status,Low Income,Net Metered\n";
    private static final String ALICE = "54012345678";
    private static final String BOB = "54012345679";
    private static final String ERIN = "54098765432";
    private static final String CAROL = "8123456789";
    private static final String HANNAH = "8155556666";
    private static final String DELI = "8123456790";
    private static final String IVY = "8177778888";
    private static final String GRID_ROWS = CAROL + ",National Grid,Northampton,R-1,Carol Chen,7 Elm St,Northampton,01060,"
            + "Basic Service,N,Y\n"
            + HANNAH + ",National Grid,Northampton,R-1,Hannah Hale,21 Bridge St,Northampton,01060,Basic Service,N,N\n"
            + DELI + ",National Grid,Northampton,G-1,Main Street Deli,150 Main St,Northampton,01060,Competitive,N,N\n";
    private static final TradingPartners PARTNERS = EdiParties.tradingPartners(EdiSetup.testDefaults());

    @TempDir
    static Path shared;
    private static Path campaign;
    /** The 814 enrollments sent to National Grid for Carol and Hannah, not yet answered. */
    private static Path gridEnrollments;

    @TempDir
    Path folder;

    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void runTheCampaignUntilEversourceAnswered() throws IOException {
        campaign = shared.resolve("campaign");
        ok(campaign, "program", "init", ProgramCommandTest.SAMPLE.toString());
        Path list = Files.writeString(shared.resolve("valley-list.csv"), HEADER
                + ALICE + ",Eversource,Amherst,R-1,Alice Abbott,12 Kellogg Ave,Amherst,01002,Basic Service,N,N\n"
                + BOB + ",Eversource,Amherst,R-2,Bob Brennan,40 Triangle St,Amherst,01002,Basic Service,Y,N\n"
                + ERIN + ",Eversource,Pelham,R-1,Erin Eastman,3 Amherst Rd,Pelham,01002,Basic Service,N,N\n"
                + GRID_ROWS, StandardCharsets.UTF_8);
        ok(campaign, "accounts", "import", list.toString());
        ok(campaign, "enrollment", "notices", "--mailing-date", "2024-11-22", "--out", shared.resolve("letters").toString());
        Path optOut = Files.writeString(shared.resolve("phone-opt-outs.csv"), "account_number\n" + BOB + "\n");
        ok(campaign, "enrollment", "opt-out", optOut.toString(), "--channel", "phone");
        JsonNode run = json(ok(campaign, "enrollment", "run", "--launch", "2025-01-01", "--today", "2025-01-02",
                "--json"));
        assertThat(run.get("requested").asInt()).isEqualTo(4);
        JsonNode export = json(ok(campaign, "edi", "export", "--out", shared.resolve("outbound").toString(), "--json"));
        Path eversource = Path.of(export.get("files").get(0).get("file").asText());
        gridEnrollments = Path.of(export.get("files").get(1).get("file").asText());
        JsonNode answer = json(ok(campaign, "edi", "respond", "--in", eversource.toString(), "--out",
                shared.resolve("inbound").toString(), "--json"));
        ok(campaign, "edi", "import", answer.get("responses").asText());
        // A later National Grid list brings Ivy, who gets her own notice.
        Path later = Files.writeString(shared.resolve("grid-list-2025-01.csv"), HEADER + GRID_ROWS
                + IVY + ",National Grid,Northampton,R-1,Ivy Ito,5 Maple St,Northampton,01060,Basic Service,N,N\n",
                StandardCharsets.UTF_8);
        ok(campaign, "accounts", "import", later.toString());
        JsonNode ivy = json(ok(campaign, "enrollment", "notices", "--mailing-date", "2025-01-10", "--out",
                shared.resolve("letters-ivy").toString(), "--json"));
        assertThat(ivy.get("letters").asInt()).isEqualTo(1);

        JsonNode byState = json(ok(campaign, "enrollment", "status", "--json")).get("by_state");
        assertThat(List.of(byState.get("enrolled").asInt(), byState.get("enrolling").asInt(),
                byState.get("opted_out").asInt(), byState.get("competitive").asInt(), byState.get("notified").asInt()))
                .containsExactly(2, 2, 1, 1, 1);
    }

    // ---------------------------------------------------------------- renewal

    @Test
    void renewalLettersGoToTheEnrolledAndEnrollingWithTheNewPriceAndLeaveEveryStateAsItWas() throws IOException {
        Path dataDir = copyOfCampaign("renewal");
        // The new contract: Standard at 13.990¢/kWh (was 14.650) for January 2028 to December 2030.
        ok(dataDir, "program", "update", renewedProgramFile().toString());
        Path out = folder.resolve("renewal-2027-11");

        JsonNode mailed = json(ok(dataDir, "enrollment", "renewal-notices", "--mailing-date", "2027-11-01",
                "--effective", "2028-01-01", "--out", out.toString(), "--actor", "ada", "--json"));

        assertThat(mailed.get("letters").asInt()).isEqualTo(4);
        assertThat(mailed.get("effective").asText()).isEqualTo("2028-01-01");
        JsonNode standard = mailed.get("by_product").get("standard");
        assertThat(standard.get("letters").asInt()).as("the run enrolled everyone in the default").isEqualTo(4);
        assertThat(standard.get("price_cents_per_kwh").decimalValue()).isEqualByComparingTo("13.990");
        assertThat(standard.get("term_start").asText()).isEqualTo("2028-01");
        assertThat(mailed.get("by_product").size()).isEqualTo(1);

        String manifest = Files.readString(out.resolve("manifest.csv"), StandardCharsets.UTF_8);
        List<String> rows = manifest.lines().skip(1).toList();
        assertThat(rows).extracting(r -> r.substring(0, r.indexOf(','))).containsExactly(ALICE, ERIN, CAROL, HANNAH);
        assertThat(manifest).doesNotContain(BOB, DELI, IVY);

        List<String> pages = pagesOf(out.resolve("letters-0001.pdf"));
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0)).contains("Alice Abbott", "Account number " + ALICE,
                "Your Valley Green Energy price changes on Saturday, January 1, 2028: you stay in Standard unless you"
                        + " opt out",
                "Standard (your product)", "13.990¢/kWh", "Jan 2028 – Dec 2030", "Eversource Basic Service",
                "How to opt out: it is free, at any time", "413-555-0142")
                .doesNotContain("14.650¢/kWh");
        assertThat(pages.get(2)).contains("Carol Chen", "National Grid Basic Service", "13.990¢/kWh");

        JsonNode byState = json(ok(dataDir, "enrollment", "status", "--json")).get("by_state");
        assertThat(List.of(byState.get("enrolled").asInt(), byState.get("enrolling").asInt(),
                byState.get("opted_out").asInt(), byState.get("competitive").asInt(), byState.get("notified").asInt()))
                .as("a renewal notice changes no state").containsExactly(2, 2, 1, 1, 1);
        withDatabase(dataDir, db -> {
            List<EnrollmentStore.RecordedEvent> alice = db.enrollments().history(VALLEY, id(db, ALICE));
            EnrollmentEvent last = alice.get(alice.size() - 1).event();
            assertThat(last.kind()).isEqualTo(EventKind.RENEWAL_NOTICE_MAILED);
            assertThat(last.date()).contains(LocalDate.of(2027, 11, 1));
            assertThat(last.product()).contains(new ProductId("standard"));
            assertThat(last.channel()).isEqualTo(Channel.MAIL);
            assertThat(last.actor()).isEqualTo("ada");
            assertThat(last.reason()).contains("13.990", "2028-01-01");
            EnrollmentEvent bobsLast = lastEvent(db, BOB);
            assertThat(bobsLast.kind()).isEqualTo(EventKind.OPTED_OUT);
            assertThat(lastEvent(db, IVY).kind()).isEqualTo(EventKind.NOTICE_MAILED);
            assertThat(db.audit().recent(VALLEY, 5)).extracting(AuditLog.Entry::action)
                    .contains("enrollment.renewal-notices");
            return null;
        });
    }

    @Test
    void aRenewalWhosePriceTakesEffectOnTheMailingDayIsRefusedAndWritesNothing() {
        Path dataDir = copyOfCampaign("same-day");
        Path out = folder.resolve("renewal");
        CliRun run = CliRun.of("enrollment", "renewal-notices", "--mailing-date", "2027-11-01", "--effective",
                "2027-11-01", "--out", out.toString(), "--data-dir", dataDir.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("the effective date 2027-11-01 is not after the mailing date 2027-11-01");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aRenewalWithNoAccountEnrolledIsRefused() throws IOException {
        Path dataDir = folder.resolve("not-launched");
        ok(dataDir, "program", "init", ProgramCommandTest.SAMPLE.toString());
        Path list = Files.writeString(folder.resolve("list.csv"), HEADER
                + ALICE + ",Eversource,Amherst,R-1,Alice Abbott,12 Kellogg Ave,Amherst,01002,Basic Service,N,N\n",
                StandardCharsets.UTF_8);
        ok(dataDir, "accounts", "import", list.toString());
        Path out = folder.resolve("renewal");
        CliRun run = CliRun.of("enrollment", "renewal-notices", "--mailing-date", "2027-11-01", "--effective",
                "2028-01-01", "--out", out.toString(), "--data-dir", dataDir.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("no account of program valley-green-energy is enrolled or being enrolled");
        assertThat(Files.exists(out.resolve("manifest.csv"))).isFalse();
    }

    // ---------------------------------------------------------------- the end

    @Test
    void theEndDropsTheSuppliedOnceLeavesTheOthersAndTheNextExportSendsTheDrops() throws IOException {
        Path dataDir = copyOfCampaign("end");

        JsonNode dry = json(ok(dataDir, "program", "end", "--date", "2026-06-30", "--dry-run", "--json"));
        assertThat(dry.get("dry_run").asBoolean()).isTrue();
        assertThat(dry.get("dropped").asInt()).isEqualTo(4);
        assertThat(dry.get("dropped_by_state").get("enrolled").asInt()).isEqualTo(2);
        assertThat(dry.get("dropped_by_state").get("enrolling").asInt()).isEqualTo(2);
        assertThat(dry.get("dropped_by_state").get("dropping").asInt()).isZero();
        assertThat(json(ok(dataDir, "enrollment", "status", "--json")).get("by_state").get("enrolled").asInt())
                .as("a dry run changes nothing").isEqualTo(2);

        // Recorded ahead of its day, the end would send the drops in the next export: it is refused.
        CliRun early = CliRun.of("program", "end", "--date", "2099-12-31", "--data-dir", dataDir.toString());
        assertThat(early.exit).isEqualTo(1);
        assertThat(early.err).contains("cannot be ended on 2099-12-31 yet", "--dry-run shows now who would be dropped");
        Optional<ProgramEnd> recorded = withDatabase(dataDir, db -> db.enrollments().programEnd(VALLEY));
        assertThat(recorded).as("nothing recorded").isEmpty();

        JsonNode end = json(ok(dataDir, "program", "end", "--date", "2026-06-30", "--actor", "ada", "--json"));
        assertThat(end.get("recorded_now").asBoolean()).isTrue();
        assertThat(end.get("dropped").asInt()).isEqualTo(4);
        JsonNode byState = json(ok(dataDir, "enrollment", "status", "--json")).get("by_state");
        // Alice and Erin wait for their 814 drops; Carol's and Hannah's enrollments were sent, so they are
        // dropped at once and the utility's acceptance, if it comes, queues a drop (docs/enrollment.md).
        assertThat(List.of(byState.get("dropping").asInt(), byState.get("dropped").asInt(),
                byState.get("enrolled").asInt(), byState.get("enrolling").asInt(), byState.get("opted_out").asInt(),
                byState.get("notified").asInt(), byState.get("competitive").asInt()))
                .containsExactly(2, 2, 0, 0, 1, 1, 1);
        int events = withDatabase(dataDir, db -> db.enrollments().history(VALLEY, id(db, ALICE)).size());

        JsonNode again = json(ok(dataDir, "program", "end", "--date", "2026-06-30", "--json"));
        assertThat(again.get("recorded_now").asBoolean()).isFalse();
        assertThat(again.get("dropped").asInt()).isZero();
        int eventsAfter = withDatabase(dataDir, db -> db.enrollments().history(VALLEY, id(db, ALICE)).size());
        assertThat(eventsAfter).as("a second end changes nothing").isEqualTo(events);
        CliRun moved = CliRun.of("program", "end", "--date", "2026-09-30", "--data-dir", dataDir.toString());
        assertThat(moved.exit).isEqualTo(1);
        assertThat(moved.err).contains("program valley-green-energy already ended on 2026-06-30; its end cannot be"
                + " moved to 2026-09-30");

        withDatabase(dataDir, db -> {
            assertThat(lastEvent(db, ALICE).kind()).isEqualTo(EventKind.MASS_DROP);
            assertThat(lastEvent(db, ALICE).actor()).isEqualTo("ada");
            assertThat(lastEvent(db, BOB).kind()).as("the opted-out customer is untouched").isEqualTo(EventKind.OPTED_OUT);
            assertThat(lastEvent(db, IVY).kind()).as("the notified customer is untouched")
                    .isEqualTo(EventKind.NOTICE_MAILED);
            assertThat(db.enrollments().programEnd(VALLEY).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 6, 30));
            List<AuditLog.Entry> ends = db.audit().recent(VALLEY, 20).stream()
                    .filter(e -> e.action().equals("program.end")).toList();
            assertThat(ends).hasSize(1);
            assertThat(ends.get(0).actor()).isEqualTo("ada");
            assertThat(ends.get(0).detail()).contains("2026-06-30", "mass drop of 4 accounts");
            return null;
        });

        // The next export sends Alice's and Erin's drops to Eversource.
        JsonNode export = json(ok(dataDir, "edi", "export", "--out", folder.resolve("outbound").toString(), "--json"));
        assertThat(export.get("total").asInt()).isEqualTo(2);
        assertThat(export.get("requests").get("EVERSOURCE_WMA").get("drop").asInt()).isEqualTo(2);
        List<Enrollment814Request> drops = EdiReader.read(Path.of(export.get("files").get(0).get("file").asText()),
                PARTNERS).requests();
        assertThat(drops).extracting(Enrollment814Request::kind).containsOnly(EnrollmentKind.DROP);
        assertThat(drops).extracting(r -> r.account().value()).containsExactly(ALICE, ERIN);

        // National Grid now accepts Carol's and Hannah's enrollments sent before the end: drops follow.
        JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", gridEnrollments.toString(), "--out",
                folder.resolve("inbound").toString(), "--json"));
        ok(dataDir, "edi", "import", answer.get("responses").asText());
        JsonNode next = json(ok(dataDir, "edi", "export", "--out", folder.resolve("outbound").toString(), "--json"));
        assertThat(next.get("requests").get("NATIONAL_GRID_MA").get("drop").asInt()).isEqualTo(2);
        assertThat(json(ok(dataDir, "enrollment", "status", "--json")).get("by_state").get("enrolled").asInt())
                .as("no one is ever enrolled after the end").isZero();
    }

    @Test
    void afterTheEndTheEnrollmentRunNoticesRenewalsAndPortalOptInsAreRefused() throws IOException {
        Path dataDir = copyOfCampaign("after-end");
        ok(dataDir, "program", "end", "--date", "2026-06-30");

        // Ivy's window closed on February 9, 2025: the run would enroll her, but the program has ended.
        CliRun run = CliRun.of("enrollment", "run", "--launch", "2025-01-01", "--today", "2028-01-02",
                "--data-dir", dataDir.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("program valley-green-energy ended on 2026-06-30",
                "the enrollment run is refused: nothing was queued");

        CliRun renewal = CliRun.of("enrollment", "renewal-notices", "--mailing-date", "2028-01-05", "--effective",
                "2028-02-01", "--out", folder.resolve("renewal").toString(), "--data-dir", dataDir.toString());
        assertThat(renewal.exit).isEqualTo(1);
        assertThat(renewal.err).contains("ended on 2026-06-30", "no renewal notice is mailed");

        withDatabase(dataDir, db -> {
            assertThat(lastEvent(db, IVY).kind()).isEqualTo(EventKind.NOTICE_MAILED);
            PortalEnrollment portal = new PortalEnrollment(db, PortalEnrollment.FIRST_OF_THE_MONTH, Clock.systemUTC());
            PortalOutcome bobOptsIn = portal.submitFromPortal(VALLEY, new PortalRequest(PortalRequest.Kind.OPT_IN, BOB,
                    "01002", Optional.empty(), PortalRequest.Channel.WEB, "203.0.113.7"));
            assertThat(bobOptsIn).isEqualTo(new PortalOutcome.Refused("The program has ended and returned its"
                    + " customers to Basic Service; it takes no new customers."));
            assertThat(lastEvent(db, BOB).kind()).isEqualTo(EventKind.OPTED_OUT);
            // an opt-out is still recorded: the customer may always leave
            PortalOutcome ivyOptsOut = portal.submitFromPortal(VALLEY, new PortalRequest(PortalRequest.Kind.OPT_OUT, IVY,
                    "01060", Optional.empty(), PortalRequest.Channel.WEB, "203.0.113.8"));
            assertThat(ivyOptsOut).isInstanceOf(PortalOutcome.Confirmed.class);
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    /** The sample program file with Standard at its renewed price and term. */
    private Path renewedProgramFile() throws IOException {
        String sample = Files.readString(ProgramCommandTest.SAMPLE, StandardCharsets.UTF_8);
        int standard = sample.indexOf("  - id: standard");
        int next = sample.indexOf("  - id: green-100");
        String block = sample.substring(standard, next);
        String renewed = block.replace("price_cents_per_kwh: 14.650", "price_cents_per_kwh: 13.990")
                .replace("term_start: 2025-01", "term_start: 2028-01").replace("term_end: 2027-12", "term_end: 2030-12");
        assertThat(renewed).isNotEqualTo(block).contains("13.990", "2028-01", "2030-12");
        return Files.writeString(folder.resolve("program-2028.yaml"), sample.substring(0, standard) + renewed
                + sample.substring(next), StandardCharsets.UTF_8);
    }

    /** The text of each page, every run of white space made one space. */
    private static List<String> pagesOf(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            pages.add(extractor.getTextFromPage(p).replaceAll("\\s+", " "));
        }
        return pages;
    }

    private static EnrollmentEvent lastEvent(Database db, String number) {
        List<EnrollmentStore.RecordedEvent> history = db.enrollments().history(VALLEY, id(db, number));
        return history.get(history.size() - 1).event();
    }

    private static AccountId id(Database db, String number) {
        Utility utility = number.length() == 11 ? Utility.EVERSOURCE_WMA : Utility.NATIONAL_GRID_MA;
        return db.accounts().find(VALLEY, utility, new UtilityAccountNumber(number)).orElseThrow().id();
    }

    private static <T> T withDatabase(Path dataDir, Function<Database, T> work) {
        return DataDirs.withDatabase(dataDir, work);
    }

    private Path copyOfCampaign(String name) {
        return DataDirs.copy(campaign, folder.resolve(name));
    }

    private static CliRun ok(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        CliRun run = CliRun.of(all);
        assertThat(run.exit).as(String.join(" ", args) + ": " + run).isZero();
        return run;
    }

    private static JsonNode json(CliRun run) {
        try {
            return Output.JSON.readTree(run.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
