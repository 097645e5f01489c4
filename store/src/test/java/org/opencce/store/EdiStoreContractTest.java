package org.opencce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.store.EdiStore.Batch;
import org.opencce.store.EdiStore.Request;
import org.opencce.store.EdiStore.Status;

/**
 * What every EDI exchange store must do, through {@link EdiStore} only, in a program of each test's own:
 * setups come back as saved, control numbers are never given twice, a batch's requests commit with their
 * {@code *_SENT} events or not at all, and answers are stored by reference. Each implementation extends
 * this class and says which {@link Database} to use.
 */
public abstract class EdiStoreContractTest {
    private static final Instant T0 = Instant.parse("2025-01-02T14:30:00Z");
    private static final byte[] BYTES = "ISA*00*...~\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA = "a".repeat(64);

    protected abstract Database database();

    private EdiStore store() {
        return database().edi();
    }

    @Test
    void aProgramWithoutASetupHasNoneAndASavedOneComesBackWhole() {
        ProgramId program = valley().program;
        assertThat(store().setup(program)).isEmpty();

        EdiSetup setup = new EdiSetup(EdiSetup.Usage.PRODUCTION, EdiPartner.of("VALLEY GREEN ENERGY", "ZZ",
                "VALLEYGREEN"), Map.of(Utility.EVERSOURCE_WMA, new EdiPartner("EVERSOURCE ENERGY", "1", "000000001",
                "01", "000000001", "EVERSOURCE"), Utility.NATIONAL_GRID_MA, EdiPartner.of("NATIONAL GRID", "ZZ",
                "NGRIDMECO")), Map.of(Fixtures.STANDARD, "STD", Fixtures.GREEN_100, "G100"));
        store().saveSetup(program, Optional.of(setup));
        assertThat(store().setup(program)).contains(setup);

        EdiSetup smaller = new EdiSetup(EdiSetup.Usage.TEST, setup.supplier(), Map.of(Utility.EVERSOURCE_WMA,
                setup.utility(Utility.EVERSOURCE_WMA)), Map.of());
        store().saveSetup(program, Optional.of(smaller));
        assertThat(store().setup(program)).contains(smaller);

        store().saveSetup(program, Optional.empty());
        assertThat(store().setup(program)).isEmpty();
    }

    @Test
    void controlNumbersAreNeverGivenTwiceNotEvenAfterARollback() {
        ProgramId program = valley().program;
        long first = store().inTransaction(program, EdiStore.Tx::nextControlNumber);
        List<Long> drawnInAFailure = new ArrayList<>();
        assertThatThrownBy(() -> store().inTransaction(program, tx -> {
            drawnInAFailure.add(tx.nextControlNumber());
            throw new IllegalStateException("crash");
        })).hasMessage("crash");
        long after = store().inTransaction(program, EdiStore.Tx::nextControlNumber);
        assertThat(first).isBetween(1L, 999_999_999L);
        assertThat(drawnInAFailure.get(0)).isGreaterThan(first);
        assertThat(after).isGreaterThan(drawnInAFailure.get(0));
    }

    @Test
    void aBatchIsRecordedWithItsSentEventsAndDeliveredLater() {
        Valley v = valley();
        AccountId alice = v.enrolling("Alice Abbott");
        AccountId bob = v.enrolling("Bob Brennan");

        Batch batch = store().inTransaction(v.program, tx -> {
            long n = tx.nextControlNumber();
            Batch b = Batch.made(n, Utility.EVERSOURCE_WMA, "eversource-814-" + n + ".edi", T0, SHA);
            tx.enrollments().lock(List.of(alice, bob));
            tx.enrollments().appendReferenced(List.of(sent(alice, n + "-0001"), sent(bob, n + "-0002")));
            tx.recordBatch(b, BYTES, List.of(Request.sent(n + "-0001", alice, UtilityRequest.ENROLL, b, "0001"),
                    Request.sent(n + "-0002", bob, UtilityRequest.ENROLL, b, "0002")));
            return b;
        });

        long n = batch.controlNumber();
        Request aliceRequest = store().request(v.program, n + "-0001").orElseThrow();
        assertThat(aliceRequest).isEqualTo(new Request(n + "-0001", alice, UtilityRequest.ENROLL, Utility.EVERSOURCE_WMA,
                batch.fileName(), n, "0001", T0, Status.SENT, T0, "", Optional.empty(), Optional.empty()));
        assertThat(store().requestsOf(v.program, bob)).extracting(Request::reference).containsExactly(n + "-0002");
        assertThat(database().enrollments().withReference(v.program, n + "-0002"))
                .extracting(r -> r.event().kind()).containsExactly(EventKind.ENROLLMENT_SENT);
        assertThat(store().undelivered(v.program)).containsExactly(batch);
        assertThat(store().contents(v.program, n)).hasValueSatisfying(b -> assertThat(b).isEqualTo(BYTES));
        assertThat(store().contents(v.program, n + 1)).isEmpty();

        assertThat(store().markDelivered(v.program, n, "/srv/edi/out", T0.plusSeconds(5))).isTrue();
        assertThat(store().markDelivered(v.program, 999_999_999L, "/srv/edi/out", T0)).isFalse();
        assertThat(store().undelivered(v.program)).isEmpty();
        Optional<Batch> delivered = store().inTransaction(v.program, tx -> tx.batch(n));
        assertThat(delivered).contains(new Batch(n, Utility.EVERSOURCE_WMA,
                batch.fileName(), T0, SHA, Optional.of(T0.plusSeconds(5)), Optional.of("/srv/edi/out")));
        // another program does not see the batch
        assertThat(store().request(valley().program, n + "-0001")).isEmpty();
    }

    @Test
    void aFailureAfterTheBatchWasRecordedLeavesNothing() {
        Valley v = valley();
        AccountId alice = v.enrolling("Alice Abbott");
        long[] drawn = new long[1];

        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            long n = tx.nextControlNumber();
            drawn[0] = n;
            Batch b = Batch.made(n, Utility.EVERSOURCE_WMA, "f-" + n + ".edi", T0, SHA);
            tx.enrollments().lock(List.of(alice));
            tx.enrollments().appendReferenced(List.of(sent(alice, n + "-0001")));
            tx.recordBatch(b, BYTES, List.of(Request.sent(n + "-0001", alice, UtilityRequest.ENROLL, b, "0001")));
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");

        assertThat(store().undelivered(v.program)).isEmpty();
        assertThat(store().request(v.program, drawn[0] + "-0001")).isEmpty();
        assertThat(database().enrollments().find(v.program, alice).orElseThrow().requestToSend())
                .contains(UtilityRequest.ENROLL);
    }

    @Test
    void answersAreStoredByReferenceUnderLock() {
        Valley v = valley();
        AccountId alice = v.enrolling("Alice Abbott");
        AccountId bob = v.enrolling("Bob Brennan");
        Batch batch = store().inTransaction(v.program, tx -> {
            long n = tx.nextControlNumber();
            Batch b = Batch.made(n, Utility.EVERSOURCE_WMA, "b-" + n + ".edi", T0, SHA);
            tx.recordBatch(b, BYTES, List.of(Request.sent(n + "-0001", alice, UtilityRequest.ENROLL, b, "0001"),
                    Request.sent(n + "-0002", bob, UtilityRequest.ENROLL, b, "0002")));
            return b;
        });
        long n = batch.controlNumber();
        Instant later = T0.plusSeconds(86_400);

        store().inTransaction(v.program, tx -> {
            Map<String, Request> locked = tx.lockRequests(List.of(n + "-0002", "never-sent", n + "-0001"));
            assertThat(locked.keySet()).containsExactly(n + "-0001", n + "-0002");
            assertThat(tx.lockBatchRequests(n)).extracting(Request::setControlNumber).containsExactly("0001", "0002");
            assertThat(tx.lockBatchRequests(n + 1)).isEmpty();
            assertThat(tx.batch(n + 1)).isEmpty();
            tx.update(List.of(locked.get(n + "-0001").acknowledged(later),
                    locked.get(n + "-0002").answered(Status.REJECTED, later, "A76 ACCOUNT NOT FOUND",
                            Optional.of("RSP-2"))));
            return null;
        });

        assertThat(store().request(v.program, n + "-0001").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.ACKNOWLEDGED);
            assertThat(r.statusAt()).isEqualTo(later);
            assertThat(r.acknowledgedAt()).contains(later);
        });
        assertThat(store().request(v.program, n + "-0002").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.REJECTED);
            assertThat(r.detail()).isEqualTo("A76 ACCOUNT NOT FOUND");
            assertThat(r.responseReference()).contains("RSP-2");
            assertThat(r.acknowledgedAt()).isEmpty();
        });
        Request foreign = store().request(v.program, n + "-0001").orElseThrow().answered(Status.ACCEPTED, later, "",
                Optional.empty());
        Request unknown = new Request("999-0001", alice, UtilityRequest.ENROLL, Utility.EVERSOURCE_WMA, "x.edi", 999,
                "0001", T0, Status.ACCEPTED, T0, "", Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> store().inTransaction(valley().program, tx -> {
            tx.update(List.of(foreign));
            return null;
        })).hasMessageContaining("only 0 of 1 814 requests to update are requests of");
        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            tx.update(List.of(unknown));
            return null;
        })).hasMessageContaining("only 0 of 1");
        assertThat(store().request(v.program, n + "-0001").orElseThrow().status()).isEqualTo(Status.ACKNOWLEDGED);
    }

    @Test
    void aRequestBelongsToItsBatch() {
        Valley v = valley();
        AccountId alice = v.enrolling("Alice Abbott");
        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            long n = tx.nextControlNumber();
            Batch b = Batch.made(n, Utility.EVERSOURCE_WMA, "c-" + n + ".edi", T0, SHA);
            Batch other = Batch.made(n, Utility.NATIONAL_GRID_MA, "c-" + n + ".edi", T0, SHA);
            tx.recordBatch(b, BYTES, List.of(Request.sent(n + "-0001", alice, UtilityRequest.ENROLL, other, "0001")));
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is of batch");
    }

    @Test
    void aTransactionCannotBeUsedAfterItEnded() {
        ProgramId program = valley().program;
        EdiStore.Tx escaped = store().inTransaction(program, tx -> tx);
        assertThatThrownBy(escaped::nextControlNumber).isInstanceOf(IllegalStateException.class)
                .hasMessage("the EDI transaction on the records of " + program + " has ended");
        assertThatThrownBy(escaped::enrollments).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStatusOfARequestFollowsTheUtilitysAnswers() {
        Batch b = Batch.made(7, Utility.NATIONAL_GRID_MA, "n.edi", T0, SHA);
        Request sent = Request.sent("7-0001", Fixtures.CAROL, UtilityRequest.DROP, b, "0001");
        assertThat(Status.SENT.isAnswered()).isFalse();
        assertThat(Status.ACKNOWLEDGED.isAnswered()).isFalse();
        assertThat(Status.REFUSED.isAnswered()).isTrue();
        assertThat(Status.ofWireName("acknowledged")).isEqualTo(Status.ACKNOWLEDGED);
        Request answered = sent.answered(Status.ACCEPTED, T0.plusSeconds(60), "", Optional.of("R1"));
        // a 997 that comes after the 814 response notes the acknowledgment and keeps the answer
        Request ackedLate = answered.acknowledged(T0.plusSeconds(120));
        assertThat(ackedLate.status()).isEqualTo(Status.ACCEPTED);
        assertThat(ackedLate.statusAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(ackedLate.acknowledgedAt()).contains(T0.plusSeconds(120));
        // a second 997 keeps the first acknowledgment's time
        assertThat(ackedLate.acknowledged(T0.plusSeconds(180)).acknowledgedAt()).contains(T0.plusSeconds(120));
        assertThatThrownBy(() -> Request.sent("7_0001", Fixtures.CAROL, UtilityRequest.DROP, b, "0001"))
                .hasMessageContaining("814 request reference must be 1 to 20 letters, digits or dashes");
        assertThatThrownBy(() -> Batch.made(0, Utility.NATIONAL_GRID_MA, "n.edi", T0, SHA))
                .hasMessageContaining("must be 1 to 999999999");
        assertThatThrownBy(() -> Batch.made(1, Utility.NATIONAL_GRID_MA, "../n.edi", T0, SHA))
                .hasMessageContaining("batch file name");
        assertThatThrownBy(() -> new Batch(1, Utility.NATIONAL_GRID_MA, "n.edi", T0, SHA, Optional.of(T0),
                Optional.empty())).hasMessageContaining("delivered at a time to a folder, or not at all");
    }

    private static EnrollmentStore.ReferencedEvent sent(AccountId account, String reference) {
        return new EnrollmentStore.ReferencedEvent(EnrollmentEvent.of(account, EventKind.ENROLLMENT_SENT, T0, "system",
                Channel.EDI), reference);
    }

    private Valley valley() {
        Program fixture = Fixtures.valleyProgram();
        ProgramId id = new ProgramId("edi-" + UUID.randomUUID().toString().substring(0, 13));
        database().programs().save(new Program(id, fixture.name(), fixture.leadTown(), fixture.towns(),
                fixture.launchDate()));
        database().programs().saveProducts(Fixtures.valleyProducts().stream().map(p -> new Product(p.id(), id,
                p.name(), p.greenContent(), p.localContent(), p.price(), p.termStart(), p.termEnd(), p.isDefault(),
                p.illustrative())).toList());
        List<Account> fixtures = Fixtures.valleyAccounts();
        List<AccountId> ids = database().accounts().assignIds(id, fixtures.stream()
                .map(a -> new AccountStore.Key(a.utility(), a.number())).toList());
        Map<String, AccountId> byName = new LinkedHashMap<>();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            Account a = fixtures.get(i);
            accounts.add(new Account(ids.get(i), id, a.number(), a.utility(), a.town(), a.rateClass(),
                    a.customerName(), a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(),
                    a.netMetered(), a.loadZone(), a.mailingAddress()));
            byName.put(a.customerName(), ids.get(i));
        }
        database().accounts().upsert(accounts);
        return new Valley(id, byName);
    }

    private final class Valley {
        final ProgramId program;
        final Map<String, AccountId> ids;

        Valley(ProgramId program, Map<String, AccountId> ids) {
            this.program = program;
            this.ids = ids;
        }

        /** The account, listed, notified and queued for enrollment in Standard. */
        AccountId enrolling(String name) {
            AccountId id = ids.get(name);
            database().enrollments().inTransaction(program, tx -> {
                tx.lock(List.of(id));
                return tx.append(List.of(EnrollmentEvent.of(id, EventKind.LISTED_ELIGIBLE, T0.minusSeconds(9_000_000),
                                "system", Channel.SYSTEM),
                        EnrollmentEvent.noticeMailed(id, T0.minusSeconds(8_000_000), "system", Channel.SYSTEM,
                                LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31)),
                        EnrollmentEvent.ofProduct(id, EventKind.ENROLLMENT_REQUESTED, T0.minusSeconds(60), "system",
                                Channel.SYSTEM, Fixtures.STANDARD)));
            });
            assertThat(database().enrollments().find(program, id).orElseThrow().state())
                    .isEqualTo(EnrollmentState.ENROLLING);
            return id;
        }
    }
}
