package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.edi.EdiExport;
import org.opencce.app.edi.EdiParties;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.formats.edi.EdiInterchange;
import org.opencce.formats.edi.EdiParty;
import org.opencce.formats.edi.EdiReader;
import org.opencce.formats.edi.EdiWriter;
import org.opencce.formats.edi.Enrollment814Request;
import org.opencce.formats.edi.Enrollment814Response;
import org.opencce.formats.edi.EnrollmentKind;
import org.opencce.formats.edi.FunctionalAck997;
import org.opencce.formats.edi.FunctionalAck997.AckCode;
import org.opencce.formats.edi.TradingPartners;
import org.opencce.store.Database;
import org.opencce.store.EdiStore;
import org.opencce.store.EnrollmentStore;

/**
 * {@code opencce edi export|respond|import} end to end, in-process, on an installation made from an empty
 * data directory the way a program starts: {@code program init} of the sample program file, a customer
 * list ({@code accounts import}), the opt-out notices ({@code enrollment notices}), an opt-out and the
 * enrollment run ({@code enrollment run}). Then the 814s go out, the utility
 * simulator answers, and the answers come back in. Each test works on its own copy of that installation
 * (the embedded server is stopped between commands, so its folder copies cleanly).
 *
 * <p>The accounts: Alice (Amherst) and Erin (Pelham, a name with an accent) at Eversource; Carol and
 * Hannah (Northampton) at National Grid; Bob (Amherst) opted out by phone before the run; the Main
 * Street Deli is with a competitive supplier.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class EdiCommandTest {
    private static final ProgramId VALLEY = new ProgramId("valley-green-energy");
    private static final String HEADER = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
            + "Supply Status,Low Income,Net Metered\n";
    private static final String ALICE = "54012345678";
    private static final String BOB = "54012345679";
    private static final String ERIN = "54098765432";
    private static final String CAROL = "8123456789";
    private static final String HANNAH = "8155556666";
    private static final TradingPartners PARTNERS = EdiParties.tradingPartners(EdiSetup.testDefaults());

    @TempDir
    static Path shared;
    private static Path campaign;

    @TempDir
    Path folder;

    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void runTheCampaignUpToTheEnrollmentRun() throws IOException {
        campaign = shared.resolve("campaign");
        ok(campaign, "program", "init", ProgramCommandTest.SAMPLE.toString());
        Path list = Files.writeString(shared.resolve("valley-list.csv"), HEADER
                + ALICE + ",Eversource,Amherst,R-1,Alice Abbott,12 Kellogg Ave,Amherst,01002,Basic Service,N,N\n"
                + BOB + ",Eversource,Amherst,R-2,Bob Brennan,40 Triangle St,Amherst,01002,Basic Service,Y,N\n"
                + ERIN + ",Eversource,Pelham,R-3,Erin Eastman-Brontë,3 Amherst Rd,Pelham,01002,Basic Service,N,N\n"
                + CAROL + ",National Grid,Northampton,R-1,Carol Chen,7 Elm St,Northampton,01060,Basic Service,N,Y\n"
                + HANNAH + ",National Grid,Northampton,R-1,Hannah Hale,21 Bridge St,Northampton,01060,Basic Service,N,N\n"
                + "8123456790,National Grid,Northampton,G-1,Main Street Deli,150 Main St,Northampton,01060,Competitive,N,N\n",
                StandardCharsets.UTF_8);
        ok(campaign, "accounts", "import", list.toString());
        JsonNode notices = json(ok(campaign, "enrollment", "notices", "--mailing-date", "2024-11-22", "--out",
                shared.resolve("letters").toString(), "--json"));
        assertThat(notices.get("letters").asInt()).isEqualTo(5);
        Path optOut = Files.writeString(shared.resolve("phone-opt-outs.csv"), "account_number\n" + BOB + "\n");
        ok(campaign, "enrollment", "opt-out", optOut.toString(), "--channel", "phone");
        JsonNode run = json(ok(campaign, "enrollment", "run", "--launch", "2025-01-01", "--today", "2025-01-02",
                "--json"));
        assertThat(run.get("requested").asInt()).isEqualTo(4);
    }

    @AfterEach
    void noSeamLeftBehind() {
        EdiCommand.exportCheckpoints = EdiExport.Checkpoints.NONE;
    }

    @Test
    void exportRespondImportEnrollsTheAcceptedAndShowsTheRejectedReasonAndAReimportIsANoOp() throws IOException {
        Path dataDir = copyOfCampaign("happy");
        Path out = folder.resolve("outbound");
        Path in = folder.resolve("inbound");

        JsonNode export = json(ok(dataDir, "edi", "export", "--out", out.toString(), "--json"));
        assertThat(export.get("total").asInt()).isEqualTo(4);
        assertThat(export.get("requests").get("EVERSOURCE_WMA").get("enroll").asInt()).isEqualTo(2);
        assertThat(export.get("requests").get("NATIONAL_GRID_MA").get("enroll").asInt()).isEqualTo(2);
        assertThat(export.get("requests").get("NATIONAL_GRID_MA").get("drop").asInt()).isZero();
        assertThat(export.get("notSent")).isEmpty();
        assertThat(export.get("redelivered")).isEmpty();
        Path eversource = Path.of(export.get("files").get(0).get("file").asText());
        Path grid = Path.of(export.get("files").get(1).get("file").asText());
        long eversourceNumber = export.get("files").get(0).get("controlNumber").asLong();
        assertThat(eversource.getFileName().toString())
                .isEqualTo("eversource-wma-814-" + today() + "-" + String.format("%09d", eversourceNumber) + ".edi");
        assertThat(grid.getFileName().toString()).startsWith("national-grid-ma-814-");
        assertThat(namesIn(out)).as("no temporary file is left").containsExactlyInAnyOrder(
                eversource.getFileName().toString(), grid.getFileName().toString());

        // The file reads back: one set per account, the reference in BGN02 and LIN01, the product's code,
        // the accented name sent in ASCII, and ISA15 T for the test ids.
        String text = Files.readString(eversource, StandardCharsets.US_ASCII);
        assertThat(text).contains("*ZZ*TEST-SUPPLIER  *ZZ*TEST-EVERSOURCE*", "*T*>~\n",
                "BGN*13*" + eversourceNumber + "-0001*", "LIN*" + eversourceNumber + "-0002*SH*EL*SH*CE~",
                "N1*8R*Erin Eastman-Bronte~", "REF*RB*standard~");
        EdiInterchange sent = EdiReader.read(eversource, PARTNERS);
        assertThat(sent.requests()).extracting(Enrollment814Request::reference)
                .containsExactly(eversourceNumber + "-0001", eversourceNumber + "-0002");
        assertThat(sent.requests()).extracting(r -> r.account().value()).containsExactly(ALICE, ERIN);
        assertThat(sent.requests()).extracting(Enrollment814Request::kind).containsOnly(EnrollmentKind.ENROLL);

        // The utility simulator answers: National Grid rejects its second request (Hannah) as not found.
        JsonNode gridAnswer = json(ok(dataDir, "edi", "respond", "--in", grid.toString(), "--out", in.toString(),
                "--reject-every", "2", "--reason", "A76", "--json"));
        assertThat(gridAnswer.get("accepted").asInt()).isEqualTo(1);
        assertThat(gridAnswer.get("rejected").asInt()).isEqualTo(1);
        JsonNode eversourceAnswer = json(ok(dataDir, "edi", "respond", "--in", eversource.toString(), "--out",
                in.toString(), "--json"));
        Path gridResponses = Path.of(gridAnswer.get("responses").asText());

        JsonNode imported = json(ok(dataDir, "edi", "import", gridAnswer.get("acknowledgment").asText(),
                gridResponses.toString(), eversourceAnswer.get("acknowledgment").asText(),
                eversourceAnswer.get("responses").asText(), "--json"));
        assertThat(imported.get("refused").asInt()).isZero();
        JsonNode gridAck = imported.get("files").get(0);
        assertThat(gridAck.get("kind").asText()).isEqualTo("edi-997");
        assertThat(gridAck.get("read").asInt()).isEqualTo(2);
        assertThat(gridAck.get("accepted").asInt()).isEqualTo(2);
        JsonNode gridReport = imported.get("files").get(1);
        assertThat(gridReport.get("kind").asText()).isEqualTo("edi-814");
        assertThat(List.of(gridReport.get("read").asInt(), gridReport.get("accepted").asInt(),
                gridReport.get("rejected").asInt())).containsExactly(2, 1, 1);
        JsonNode hannah = gridReport.get("answers").get(1);
        assertThat(hannah.get("account").asText()).isEqualTo(HANNAH);
        assertThat(hannah.get("outcome").asText()).isEqualTo("rejected");
        assertThat(hannah.get("reason").asText()).isEqualTo("A76 ACCOUNT NOT FOUND");
        assertThat(gridReport.get("answers").get(0).get("effective").asText())
                .as("the first of the month after the answer").isEqualTo(firstOfNextMonth());
        assertThat(imported.get("files").get(3).get("accepted").asInt()).isEqualTo(2);

        JsonNode status = json(ok(dataDir, "enrollment", "status", "--json")).get("by_state");
        assertThat(status.get("enrolled").asInt()).isEqualTo(3);
        assertThat(status.get("rejected").asInt()).isEqualTo(1);
        assertThat(status.get("opted_out").asInt()).isEqualTo(1);
        assertThat(status.get("enrolling").asInt()).isZero();
        Enrollment hannahs = withDatabase(dataDir, db -> db.enrollments().find(VALLEY, id(db, HANNAH)).orElseThrow());
        assertThat(hannahs.state()).isEqualTo(EnrollmentState.REJECTED);
        assertThat(hannahs.rejection()).contains("A76 ACCOUNT NOT FOUND");

        // The same file again changes nothing and says so.
        CliRun again = ok(dataDir, "edi", "import", gridResponses.toString());
        assertThat(again.out).startsWith(gridResponses.getFileName() + " was imported before (same contents); nothing"
                + " changed.").contains("read 2 = accepted 1 + rejected 1");
        int events = withDatabase(dataDir, db -> db.enrollments().history(VALLEY, id(db, HANNAH)).size());
        assertThat(events).as("listed, notice, run, sent, rejected").isEqualTo(5);

        // Nothing is left to send.
        CliRun nothing = ok(dataDir, "edi", "export", "--out", out.toString());
        assertThat(nothing.out).contains("Nothing to send");
        assertThat(namesIn(out)).hasSize(2);
    }

    @Test
    void aDropAndAProductChangeGoInTheNextFileAndTheirAcceptancesApply() throws IOException {
        Path dataDir = copyOfCampaign("later");
        Path out = folder.resolve("outbound");
        Path in = folder.resolve("inbound");
        enrollEveryone(dataDir, out, in);

        // Alice opts out after enrollment (a drop follows); Carol opts up to 100 % Green on her next read.
        Path optOut = Files.writeString(folder.resolve("opt-out.csv"), "account_number\n" + ALICE + "\n");
        ok(dataDir, "enrollment", "opt-out", optOut.toString(), "--channel", "web");
        LocalDate nextRead = LocalDate.of(2025, 3, 10);
        withDatabase(dataDir, db -> db.enrollments().inTransaction(VALLEY, tx -> {
            AccountId carol = id(db, CAROL);
            tx.lock(List.of(carol));
            return tx.append(List.of(EnrollmentEvent.ofProduct(carol, EventKind.PRODUCT_CHANGE_REQUESTED,
                    Instant.parse("2025-02-20T15:00:00Z"), "customer", Channel.WEB, new ProductId("green-100"))
                    .withDate(nextRead)));
        }));

        JsonNode export = json(ok(dataDir, "edi", "export", "--out", out.toString(), "--json"));
        assertThat(export.get("requests").get("EVERSOURCE_WMA").get("drop").asInt()).isEqualTo(1);
        assertThat(export.get("requests").get("NATIONAL_GRID_MA").get("change").asInt()).isEqualTo(1);
        assertThat(export.get("total").asInt()).isEqualTo(2);
        Path drops = Path.of(export.get("files").get(0).get("file").asText());
        Path changes = Path.of(export.get("files").get(1).get("file").asText());
        Enrollment814Request change = EdiReader.read(changes, PARTNERS).requests().get(0);
        assertThat(change.kind()).isEqualTo(EnrollmentKind.CHANGE);
        assertThat(change.productCode()).contains("green-100");
        assertThat(change.effectiveDate()).contains(nextRead);
        assertThat(EdiReader.read(drops, PARTNERS).requests().get(0).kind()).isEqualTo(EnrollmentKind.DROP);

        for (Path request : List.of(drops, changes)) {
            JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", request.toString(), "--out", in.toString(),
                    "--json"));
            ok(dataDir, "edi", "import", answer.get("responses").asText());
        }
        withDatabase(dataDir, db -> {
            Enrollment alice = db.enrollments().find(VALLEY, id(db, ALICE)).orElseThrow();
            assertThat(alice.state()).isEqualTo(EnrollmentState.DROPPED);
            Enrollment carol = db.enrollments().find(VALLEY, id(db, CAROL)).orElseThrow();
            assertThat(carol.enrolledProduct()).contains(new ProductId("green-100"));
            List<EnrollmentStore.RecordedEvent> history = db.enrollments().history(VALLEY, id(db, CAROL));
            EnrollmentEvent applied = history.get(history.size() - 1).event();
            assertThat(applied.kind()).isEqualTo(EventKind.PRODUCT_CHANGE_APPLIED);
            assertThat(applied.date()).as("the date the change asked for").contains(nextRead);
            assertThat(applied.actor()).isEqualTo("TEST-NGRID");
            assertThat(history.get(history.size() - 1).reference()).contains(change.reference());
            return null;
        });
    }

    @Test
    void aMalformedFileAppliesNothingAndNamesTheSegmentWhileTheGoodFileBesideItApplies() throws IOException {
        Path dataDir = copyOfCampaign("malformed");
        Path out = folder.resolve("outbound");
        Path in = folder.resolve("inbound");
        JsonNode export = json(ok(dataDir, "edi", "export", "--out", out.toString(), "--json"));
        Path grid = Path.of(export.get("files").get(1).get("file").asText());
        JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", grid.toString(), "--out", in.toString(),
                "--json"));
        Path responses = Path.of(answer.get("responses").asText());
        String good = Files.readString(responses, StandardCharsets.US_ASCII);
        // the second response's ASI02 becomes a code outside the 814 schema; the first one stays valid
        int second = good.indexOf("ASI*WQ*021", good.indexOf("ASI*WQ*021") + 1);
        Path broken = Files.writeString(in.resolve("broken.edi"), good.substring(0, second) + "ASI*WQ*022"
                + good.substring(second + "ASI*WQ*021".length()), StandardCharsets.US_ASCII);

        CliRun run = CliRun.of("edi", "import", broken.toString(), answer.get("acknowledgment").asText(),
                "--data-dir", dataDir.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("opencce: broken.edi, line ").contains("(ASI), element ASI02: '022' is not a code"
                + " OpenCCE accepts here; expected one of 001, 021, 024 (nothing from the file was applied)")
                .contains("opencce: 1 of 2 file(s) refused; nothing from them was applied");
        assertThat(run.out).contains("(edi-997): read 2 = accepted 2 + rejected 0");
        String brokenHash = sha256(broken);
        withDatabase(dataDir, db -> {
            assertThat(db.enrollments().find(VALLEY, id(db, CAROL)).orElseThrow().state())
                    .isEqualTo(EnrollmentState.ENROLLING);
            assertThat(db.imports().find(VALLEY, "edi-814", brokenHash)).isEmpty();
            String reference = db.edi().requestsOf(VALLEY, id(db, CAROL)).get(0).reference();
            assertThat(db.edi().request(VALLEY, reference).orElseThrow().status())
                    .isEqualTo(EdiStore.Status.ACKNOWLEDGED);
            return null;
        });
        // the good file, imported now, applies both answers
        ok(dataDir, "edi", "import", responses.toString());
        assertThat(state(dataDir, HANNAH))
                .isEqualTo(EnrollmentState.ENROLLED);
    }

    @Test
    void aResponseForARequestNeverSentOrForAnotherAccountIsRefusedWhole() throws IOException {
        Path dataDir = copyOfCampaign("unknown");
        Path out = folder.resolve("outbound");
        JsonNode export = json(ok(dataDir, "edi", "export", "--out", out.toString(), "--json"));
        Path grid = Path.of(export.get("files").get(1).get("file").asText());
        List<Enrollment814Request> requests = EdiReader.read(grid, PARTNERS).requests();
        Enrollment814Request carol = requests.get(0);
        Enrollment814Request hannah = requests.get(1);

        Path strangers = answer(folder.resolve("strangers.edi"), 7001, List.of(accept(carol, carol.reference()),
                accept(hannah, "999999999-0001")));
        CliRun refused = CliRun.of("edi", "import", strangers.toString(), "--data-dir", dataDir.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).startsWith("opencce: strangers.edi refused, nothing applied: transaction set 0002"
                + " (response RSP-999999999-0001) answers 814 request 999999999-0001, which this program never sent");

        Enrollment814Request swapped = new Enrollment814Request(hannah.kind(), carol.reference(), hannah.account(),
                hannah.utility(), hannah.customerName(), hannah.serviceAddress(), Optional.empty(), hannah.productCode());
        Path otherAccount = answer(folder.resolve("other-account.edi"), 7002, List.of(accept(swapped,
                carol.reference())));
        CliRun mismatch = CliRun.of("edi", "import", otherAccount.toString(), "--data-dir", dataDir.toString());
        assertThat(mismatch.exit).isEqualTo(1);
        assertThat(mismatch.err).contains("transaction set 0001 (response RSP-" + carol.reference() + ") is for account "
                + HANNAH + ", but request " + carol.reference() + " was for account " + CAROL);

        assertThat(state(dataDir, CAROL))
                .as("the valid answer in the refused file was not applied either").isEqualTo(EnrollmentState.ENROLLING);
    }

    @Test
    void aSetThe997RefusesIsRecordedRejectedWithItsCodesAndA997ForAGroupNeverSentIsRefused() throws IOException {
        Path dataDir = copyOfCampaign("refused");
        JsonNode export = json(ok(dataDir, "edi", "export", "--out", folder.resolve("out").toString(), "--json"));
        Path grid = Path.of(export.get("files").get(1).get("file").asText());
        long group = export.get("files").get(1).get("controlNumber").asLong();
        FunctionalAck997.SetResult second = new FunctionalAck997.SetResult("814", "0002", AckCode.REJECTED,
                List.of("5"), List.of(new FunctionalAck997.SegmentNote("N4", 7, Optional.of("N1"), Optional.of("8"),
                        List.of(new FunctionalAck997.ElementNote(3, OptionalInt.empty(), Optional.of("116"), "7",
                                Optional.of("01060"))))));
        Path ack = acknowledgment(folder.resolve("ack.edi"), 8001, new FunctionalAck997("GE", group,
                List.of(FunctionalAck997.SetResult.accepted("814", "0001"), second), AckCode.PARTIALLY_ACCEPTED, 2, 2, 1,
                List.of()));

        JsonNode imported = json(ok(dataDir, "edi", "import", ack.toString(), "--json"));
        JsonNode report = imported.get("files").get(0);
        assertThat(List.of(report.get("read").asInt(), report.get("accepted").asInt(), report.get("rejected").asInt()))
                .containsExactly(2, 1, 1);
        String reason = "the utility's 997 rejected transaction set 0002 of " + grid.getFileName() + ": AK5 R (5 one"
                + " or more segments in error); segment N4 at position 7: 8 segment has data element errors; element"
                + " N403 (116): 7 invalid code value '01060'; correct it and request again";
        assertThat(report.get("answers").get(1).get("reason").asText()).isEqualTo(reason);
        withDatabase(dataDir, db -> {
            Enrollment hannah = db.enrollments().find(VALLEY, id(db, HANNAH)).orElseThrow();
            assertThat(hannah.state()).isEqualTo(EnrollmentState.REJECTED);
            assertThat(hannah.rejection()).contains(reason);
            EdiStore.Request carols = db.edi().requestsOf(VALLEY, id(db, CAROL)).get(0);
            assertThat(carols.status()).isEqualTo(EdiStore.Status.ACKNOWLEDGED);
            assertThat(db.edi().requestsOf(VALLEY, id(db, HANNAH)).get(0).status()).isEqualTo(EdiStore.Status.REFUSED);
            return null;
        });

        // The utility cannot then accept what its 997 refused: the file is refused whole.
        JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", grid.toString(), "--out",
                folder.resolve("in").toString(), "--json"));
        CliRun contradicted = CliRun.of("edi", "import", answer.get("responses").asText(), "--data-dir",
                dataDir.toString());
        assertThat(contradicted.exit).isEqualTo(1);
        assertThat(contradicted.err).contains("refused, nothing applied: transaction set 0002 (response RSP-" + group
                + "-0002) answers request " + group + "-0002, which was already refused by the utility's 997 on ");
        assertThat(state(dataDir, CAROL)).isEqualTo(EnrollmentState.ENROLLING);

        Path stranger = acknowledgment(folder.resolve("stranger.edi"), 8002, new FunctionalAck997("GE", 999_999,
                List.of(), AckCode.ACCEPTED, 1, 1, 1, List.of()));
        CliRun unknown = CliRun.of("edi", "import", stranger.toString(), "--data-dir", dataDir.toString());
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).startsWith("opencce: stranger.edi refused, nothing applied: its 997 acknowledges"
                + " functional group 999999 (AK102), which this program never sent");
    }

    @Test
    void aCrashBeforeTheCommitLeavesNothingAndOneAfterItIsDeliveredByTheNextExport() throws IOException {
        Path dataDir = copyOfCampaign("crash");
        Path out = folder.resolve("outbound");

        // A crash once the events and requests are recorded, before the commit: nothing is left.
        EdiCommand.exportCheckpoints = crashAt(EdiExport.Step.RECORDED);
        CliRun crashed = CliRun.of("edi", "export", "--out", out.toString(), "--data-dir", dataDir.toString());
        assertThat(crashed.exit).as(crashed.toString()).isNotZero();
        assertThat(namesIn(out)).isEmpty();
        withDatabase(dataDir, db -> {
            assertThat(db.edi().undelivered(VALLEY)).isEmpty();
            AccountId alice = id(db, ALICE);
            assertThat(db.edi().requestsOf(VALLEY, alice)).isEmpty();
            assertThat(db.enrollments().find(VALLEY, alice).orElseThrow().requestToSend())
                    .contains(UtilityRequest.ENROLL);
            assertThat(db.enrollments().history(VALLEY, alice)).extracting(r -> r.event().kind())
                    .doesNotContain(EventKind.ENROLLMENT_SENT);
            return null;
        });

        // A crash after the commit, before the files are moved: the batches wait, committed, in hidden files.
        EdiCommand.exportCheckpoints = crashAt(EdiExport.Step.COMMITTED);
        CliRun committed = CliRun.of("edi", "export", "--out", out.toString(), "--data-dir", dataDir.toString());
        assertThat(committed.exit).isNotZero();
        assertThat(namesIn(out)).allMatch(name -> name.startsWith(".") && name.endsWith(".tmp")).hasSize(2);
        List<String> references = withDatabase(dataDir, db -> {
            assertThat(db.edi().undelivered(VALLEY)).hasSize(2);
            return List.of(db.edi().requestsOf(VALLEY, id(db, ALICE)).get(0).reference(),
                    db.edi().requestsOf(VALLEY, id(db, CAROL)).get(0).reference());
        });

        // The next export delivers those files, byte for byte, under the same references, and sends nothing twice.
        EdiCommand.exportCheckpoints = EdiExport.Checkpoints.NONE;
        JsonNode next = json(ok(dataDir, "edi", "export", "--out", out.toString(), "--json"));
        assertThat(next.get("files")).isEmpty();
        assertThat(next.get("redelivered")).hasSize(2);
        assertThat(next.get("redelivered").get(0).get("wasAlreadyThere").asBoolean()).isFalse();
        assertThat(namesIn(out)).hasSize(2).noneMatch(name -> name.startsWith("."));
        Path eversource = Path.of(next.get("redelivered").get(0).get("file").asText());
        assertThat(EdiReader.read(eversource, PARTNERS).requests().get(0).reference()).isEqualTo(references.get(0));
        withDatabase(dataDir, db -> {
            assertThat(db.edi().undelivered(VALLEY)).isEmpty();
            assertThat(db.enrollments().history(VALLEY, id(db, ALICE))).extracting(r -> r.event().kind())
                    .filteredOn(k -> k == EventKind.ENROLLMENT_SENT).hasSize(1);
            return null;
        });
        // and the delivered batch is answered like any other
        JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", eversource.toString(), "--out",
                folder.resolve("inbound").toString(), "--json"));
        ok(dataDir, "edi", "import", answer.get("responses").asText());
        assertThat(state(dataDir, ALICE))
                .isEqualTo(EnrollmentState.ENROLLED);
    }

    @Test
    void theProgramFilesEdiSectionNamesThePartiesOfEveryFileBothWays() throws IOException {
        Path dataDir = copyOfCampaign("partners");
        JsonNode defaults = json(ok(dataDir, "edi", "partners", "--json"));
        assertThat(defaults.get("source").asText()).isEqualTo("test defaults");
        assertThat(defaults.get("supplier").get("id").asText()).isEqualTo("TEST-SUPPLIER");

        Path file = Files.writeString(folder.resolve("program.yaml"), Files.readString(ProgramCommandTest.SAMPLE)
                + "edi:\n  usage: production\n  supplier:\n    name: VALLEY GREEN ENERGY\n    qualifier: ZZ\n"
                + "    id: VALLEYGREEN\n  utilities:\n    eversource:\n      name: EVERSOURCE ENERGY\n"
                + "      qualifier: ZZ\n      id: EVERSOURCEWMA\n    national-grid:\n      name: NATIONAL GRID\n"
                + "      qualifier: ZZ\n      id: NGRIDMECO\n      application_code: NGRID\n  product_codes:\n"
                + "    standard: STD10\n");
        JsonNode update = json(ok(dataDir, "program", "update", file.toString(), "--json"));
        assertThat(update.get("applied").asBoolean()).isTrue();
        assertThat(update.get("changes").toString()).contains("edi: the test defaults → the program file's trading"
                + " partners", "edi usage: test → production", "edi product codes: (the product ids) → standard=STD10");
        JsonNode partners = json(ok(dataDir, "edi", "partners", "--json"));
        assertThat(partners.get("source").asText()).isEqualTo("program file");
        assertThat(partners.get("utilities").get("NATIONAL_GRID_MA").get("applicationCode").asText())
                .isEqualTo("NGRID");
        CliRun same = ok(dataDir, "program", "update", file.toString());
        assertThat(same.out).contains("changes nothing");

        JsonNode export = json(ok(dataDir, "edi", "export", "--out", folder.resolve("out").toString(), "--json"));
        Path grid = Path.of(export.get("files").get(1).get("file").asText());
        String text = Files.readString(grid, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("ISA*00*          *00*          *ZZ*VALLEYGREEN    *ZZ*NGRIDMECO      *")
                .contains("*P*>~\nGS*GE*VALLEYGREEN*NGRID*", "N1*8S*NATIONAL GRID*ZZ*NGRIDMECO~",
                        "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~", "REF*RB*STD10~");
        JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", grid.toString(), "--out",
                folder.resolve("in").toString(), "--json"));
        JsonNode imported = json(ok(dataDir, "edi", "import", answer.get("acknowledgment").asText(),
                answer.get("responses").asText(), "--json"));
        assertThat(imported.get("files").get(1).get("accepted").asInt()).isEqualTo(2);
        assertThat(state(dataDir, CAROL)).isEqualTo(EnrollmentState.ENROLLED);

        // a file under the test ids is no longer for this program
        TradingPartners real = new TradingPartners(new EdiParty("VALLEYGREEN", "ZZ", "VALLEY GREEN ENERGY"),
                Map.of(Utility.NATIONAL_GRID_MA, new EdiParty("NGRIDMECO", "ZZ", "NATIONAL GRID")));
        Enrollment814Request hannah = EdiReader.read(grid, real).requests().get(1);
        Path old = answer(folder.resolve("old-ids.edi"), 7003, List.of(accept(hannah, hannah.reference())));
        CliRun refused = CliRun.of("edi", "import", old.toString(), "--data-dir", dataDir.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).startsWith("opencce: old-ids.edi, line ").contains("(N1), element N104: ",
                "(nothing from the file was applied)");
    }

    // ---------------------------------------------------------------- helpers

    /** Exports, answers every file with acceptances, and imports the answers. */
    private void enrollEveryone(Path dataDir, Path out, Path in) {
        JsonNode export = json(ok(dataDir, "edi", "export", "--out", out.toString(), "--json"));
        List<String> answers = new ArrayList<>(List.of("edi", "import"));
        for (JsonNode file : export.get("files")) {
            JsonNode answer = json(ok(dataDir, "edi", "respond", "--in", file.get("file").asText(), "--out",
                    in.toString(), "--json"));
            answers.add(answer.get("responses").asText());
        }
        ok(dataDir, answers.toArray(new String[0]));
    }

    private static EdiExport.Checkpoints crashAt(EdiExport.Step step) {
        return reached -> {
            if (reached == step) {
                throw new IllegalStateException("simulated crash at " + step);
            }
        };
    }

    private static Enrollment814Response accept(Enrollment814Request r, String originalReference) {
        return new Enrollment814Response("RSP-" + originalReference, originalReference, r.kind(), r.account(),
                r.utility(), true, List.of(), Optional.empty());
    }

    /** A file of 814 responses from National Grid, written with the formats writer. */
    private static Path answer(Path file, long controlNumber, List<Enrollment814Response> responses)
            throws IOException {
        EdiInterchange interchange = EdiInterchange.numbered(EdiParties.fromUtility(EdiSetup.testDefaults(),
                Utility.NATIONAL_GRID_MA, controlNumber, LocalDateTime.of(2025, 1, 3, 9, 0)), responses);
        return Files.write(file, EdiWriter.toBytes(interchange, PARTNERS));
    }

    /** A 997 from National Grid, written with the formats writer. */
    private static Path acknowledgment(Path file, long controlNumber, FunctionalAck997 ack) throws IOException {
        EdiInterchange interchange = EdiInterchange.numbered(EdiParties.fromUtility(EdiSetup.testDefaults(),
                Utility.NATIONAL_GRID_MA, controlNumber, LocalDateTime.of(2025, 1, 3, 8, 0)), List.of(ack));
        return Files.write(file, EdiWriter.toBytes(interchange, PARTNERS));
    }

    private static AccountId id(Database db, String number) {
        Utility utility = number.length() == 11 ? Utility.EVERSOURCE_WMA : Utility.NATIONAL_GRID_MA;
        return db.accounts().find(VALLEY, utility, new UtilityAccountNumber(number)).orElseThrow().id();
    }

    private static EnrollmentState state(Path dataDir, String number) {
        return withDatabase(dataDir, db -> db.enrollments().find(VALLEY, id(db, number)).orElseThrow().state());
    }

    private static <T> T withDatabase(Path dataDir, Function<Database, T> work) {
        return DataDirs.withDatabase(dataDir, work);
    }

    private Path copyOfCampaign(String name) {
        return DataDirs.copy(campaign, folder.resolve(name));
    }

    private static List<String> namesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String today() {
        return LocalDate.now(org.opencce.domain.time.LocalCalendar.ZONE).toString().replace("-", "");
    }

    private static String firstOfNextMonth() {
        // the simulator answers the day after the file was made, and takes effect on the next month's first day
        return LocalDate.now(org.opencce.domain.time.LocalCalendar.ZONE).plusDays(1).withDayOfMonth(1).plusMonths(1)
                .toString();
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
