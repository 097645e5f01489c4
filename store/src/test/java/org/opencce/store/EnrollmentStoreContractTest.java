package org.opencce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.enrollment.CampaignCounts;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.IllegalTransitionException;
import org.opencce.domain.enrollment.ProgramEnd;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.domain.report.BatchReport;

/**
 * What every enrollment store must do, through {@link EnrollmentStore} (and the customer-list import's
 * {@link AccountStore.Batch#enrollments()}) only, with the canonical Valley accounts in a program of each
 * test's own: histories come back as recorded and replay to the state the rules give, the summaries follow
 * the history, a failed transaction leaves nothing, and two transactions on one account run one after the
 * other. Each implementation extends this class and says which {@link Database} to use.
 */
public abstract class EnrollmentStoreContractTest {
    private static final Instant T0 = Instant.parse("2024-11-01T14:00:00Z");
    private static final LocalDate MAILED = LocalDate.of(2024, 11, 22);
    private static final LocalDate CLOSES = LocalDate.of(2024, 12, 22);

    protected abstract Database database();

    private EnrollmentStore store() {
        return database().enrollments();
    }

    // ---------------------------------------------------------------- history and replay

    @Test
    void aHistoryComesBackAsRecordedInOrderAndReplaysToItsState() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        EnrollmentEvent listed = EnrollmentEvent.of(bob, EventKind.LISTED_ELIGIBLE, T0, "system", Channel.SYSTEM);
        EnrollmentEvent mailed = EnrollmentEvent.noticeMailed(bob, T0.plusSeconds(60), "alice", Channel.STAFF, MAILED,
                CLOSES);
        EnrollmentEvent choice = EnrollmentEvent.ofProduct(bob, EventKind.PRODUCT_CHANGE_REQUESTED,
                T0.plusSeconds(120), "customer", Channel.WEB, Fixtures.GREEN_100).withDate(LocalDate.of(2024, 12, 2));
        EnrollmentEvent optOut = EnrollmentEvent.ofReason(bob, EventKind.OPTED_OUT, T0.plusSeconds(180), "carol",
                Channel.PHONE, "called the program line");

        Map<AccountId, Enrollment> after = store().inTransaction(v.program, tx -> {
            assertThat(tx.lock(List.of(bob))).as("no history yet").isEmpty();
            tx.append(List.of(listed, mailed));
            return tx.appendReferenced(List.of(new EnrollmentStore.ReferencedEvent(choice, "VGE-7Q2K"),
                    new EnrollmentStore.ReferencedEvent(optOut, "VGE-8R3M")));
        });

        List<EnrollmentStore.RecordedEvent> history = store().history(v.program, bob);
        assertThat(history).extracting(EnrollmentStore.RecordedEvent::event)
                .containsExactly(listed, mailed, choice, optOut);
        assertThat(history).extracting(EnrollmentStore.RecordedEvent::reference).containsExactly(Optional.empty(),
                Optional.empty(), Optional.of("VGE-7Q2K"), Optional.of("VGE-8R3M"));
        assertThat(history.get(1).id()).isGreaterThan(history.get(0).id());
        assertThat(history.get(3).id()).isGreaterThan(history.get(2).id());
        Enrollment bobs = store().find(v.program, bob).orElseThrow();
        assertThat(bobs.state()).isEqualTo(EnrollmentState.OPTED_OUT);
        assertThat(bobs.optedOut()).isTrue();
        assertThat(bobs.historySize()).isEqualTo(4);
        assertThat(after).containsEntry(bob, bobs);
        assertThat(store().find(v.program, v.id("Alice Abbott"))).isEmpty();
        assertThat(store().history(v.program, v.id("Alice Abbott"))).isEmpty();
    }

    @Test
    void theSummaryRowFollowsTheLatestEvent() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            return tx.append(List.of(listed(bob), EnrollmentEvent.noticeMailed(bob, T0, "alice", Channel.STAFF, MAILED,
                    CLOSES)));
        });
        assertThat(summary(bob)).isEqualTo("notified|null|2024-11-22|2024-12-22|false|null");

        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            return tx.append(List.of(EnrollmentEvent.ofProduct(bob, EventKind.ENROLLMENT_REQUESTED,
                    Instant.parse("2025-01-02T15:00:00Z"), "system", Channel.SYSTEM, Fixtures.STANDARD)));
        });

        // Enrolling with the default product, the enrollment queued for the next 814 file.
        assertThat(summary(bob)).isEqualTo("enrolling|standard|2024-11-22|2024-12-22|false|enroll");
        long lastId = store().history(v.program, bob).get(2).id();
        long stored = database().jdbi().withHandle(h -> h.createQuery(
                "SELECT last_event_id FROM enrollments WHERE account_id = :a").bind("a", bob.value())
                .mapTo(Long.class).one());
        assertThat(stored).isEqualTo(lastId);
        assertThat(store().find(v.program, bob).orElseThrow().requestToSend()).contains(UtilityRequest.ENROLL);
    }

    @Test
    void lockingTwiceInOneTransactionGivesTheEnrollmentAfterItsOwnAppends() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");

        EnrollmentState seen = store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            tx.append(List.of(listed(bob)));
            return tx.lock(List.of(bob)).get(bob).state();
        });

        assertThat(seen).isEqualTo(EnrollmentState.ELIGIBLE);
    }

    @Test
    void accountsOfAnotherProgramAreNeitherLockedNorWritten() {
        Valley v = valley();
        Valley other = valley();
        AccountId othersBob = other.id("Bob Brennan");
        store().inTransaction(other.program, tx -> {
            tx.lock(List.of(othersBob));
            return tx.append(List.of(listed(othersBob)));
        });

        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            assertThat(tx.lock(List.of(othersBob))).isEmpty();
            return tx.append(List.of(EnrollmentEvent.of(othersBob, EventKind.OPTED_OUT, T0, "x", Channel.MAIL)));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("account " + othersBob + " was not locked");
        assertThat(store().history(v.program, othersBob)).isEmpty();
        assertThat(store().find(other.program, othersBob).orElseThrow().state()).isEqualTo(EnrollmentState.ELIGIBLE);
    }

    // ---------------------------------------------------------------- all or nothing

    @Test
    void anEventTheRulesRefuseRollsBackTheWholeTransaction() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        AccountId gus = v.id("Erin Eastman");

        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob, gus));
            tx.append(List.of(listed(gus)));
            tx.audit("alice", "enrollment.test", "before the refused event");
            // a notice for an account never listed: the first event must be its listing
            return tx.append(List.of(listed(bob), EnrollmentEvent.of(bob, EventKind.ENROLLMENT_SENT, T0, "system",
                    Channel.EDI)));
        })).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("enrollment_sent refused");

        assertThat(store().history(v.program, gus)).isEmpty();
        assertThat(store().history(v.program, bob)).isEmpty();
        assertThat(store().counts(v.program).total().accounts()).isZero();
        assertThat(database().audit().recent(v.program, 10)).isEmpty();
    }

    @Test
    void aFailureAfterTheAppendsLeavesNeitherEventsNorSummariesNorLogEntries() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");

        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            tx.append(List.of(listed(bob)));
            tx.recordImport("opt-out", "cd".repeat(32), new BatchReport("opt-outs.csv", 1, 1, List.of(), false),
                    "alice");
            tx.audit("alice", "enrollment.opt-out", "opt-outs.csv");
            throw new IllegalStateException("disk full while writing the letters");
        })).hasMessageContaining("disk full");

        assertThat(store().history(v.program, bob)).isEmpty();
        long summaries = database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM enrollments WHERE program_id = :p").bind("p", v.program.value())
                .mapTo(Long.class).one());
        assertThat(summaries).isZero();
        assertThat(database().imports().find(v.program, "opt-out", "cd".repeat(32))).isEmpty();
        assertThat(database().audit().recent(v.program, 10)).isEmpty();
    }

    @Test
    void aTransactionCannotBeUsedAfterItEnded() {
        Valley v = valley();
        EnrollmentStore.Tx[] kept = new EnrollmentStore.Tx[1];
        store().inTransaction(v.program, tx -> {
            kept[0] = tx;
            return null;
        });

        assertThatThrownBy(() -> kept[0].lock(List.of(v.id("Bob Brennan")))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
    }

    @Test
    void anAccountImportRecordsListingsInItsOwnTransaction() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        Account bobs = v.accounts.get(bob);

        assertThatThrownBy(() -> database().accounts().inTransaction(v.program, batch -> {
            batch.upsert(List.of(bobs));
            EnrollmentStore.Tx tx = batch.enrollments();
            tx.lock(List.of(bob));
            tx.append(List.of(listed(bob)));
            assertThat(tx.accounts().find(List.of(bob))).containsKey(bob);
            throw new IllegalStateException("line 900,000 is not UTF-8");
        })).hasMessageContaining("UTF-8");
        assertThat(store().history(v.program, bob)).isEmpty();

        database().accounts().inTransaction(v.program, batch -> {
            batch.enrollments().lock(List.of(bob));
            return batch.enrollments().append(List.of(listed(bob)));
        });
        assertThat(store().find(v.program, bob).orElseThrow().state()).isEqualTo(EnrollmentState.ELIGIBLE);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void anOptOutCommittedWhileAnotherTransactionWaitsIsSeenByIt() throws Exception {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            return tx.append(List.of(listed(bob)));
        });
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> optOut = pool.submit(() -> store().inTransaction(v.program, tx -> {
                tx.lock(List.of(bob));
                locked.countDown();
                await(secondWaits);
                return tx.append(List.of(EnrollmentEvent.of(bob, EventKind.OPTED_OUT, T0.plusSeconds(1), "customer",
                        Channel.WEB)));
            }));
            await(locked);
            Future<EnrollmentState> notice = pool.submit(() -> store().inTransaction(v.program, tx -> {
                Enrollment seen = tx.lock(List.of(bob)).get(bob);
                EnrollmentEvent mail = EnrollmentEvent.noticeMailed(bob, T0.plusSeconds(2), "system", Channel.SYSTEM,
                        MAILED, CLOSES);
                if (seen.check(mail).isAllowed()) {
                    tx.append(List.of(mail));
                }
                return seen.state();
            }));
            waitUntilALockIsAwaited();
            secondWaits.countDown();
            optOut.get(30, TimeUnit.SECONDS);

            assertThat(notice.get(30, TimeUnit.SECONDS)).as("what the second transaction saw once it held the lock")
                    .isEqualTo(EnrollmentState.OPTED_OUT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().history(v.program, bob)).extracting(r -> r.event().kind())
                .containsExactly(EventKind.LISTED_ELIGIBLE, EventKind.OPTED_OUT);
    }

    @Test
    void twoTransactionsListingANewAccountAtOnceListItOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            Valley v = valley();
            AccountId bob = v.id("Bob Brennan");
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> store().inTransaction(v.program, tx -> {
                    awaitBarrier(start);
                    if (tx.lock(List.of(bob)).containsKey(bob)) {
                        return false;
                    }
                    tx.append(List.of(listed(bob)));
                    return true;
                })));
            }
            List<Boolean> listedIt = new ArrayList<>();
            for (CompletableFuture<Boolean> run : runs) {
                listedIt.add(run.get(30, TimeUnit.SECONDS));
            }

            assertThat(listedIt).containsExactlyInAnyOrder(true, false);
            assertThat(store().history(v.program, bob)).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- reads

    @Test
    void forEachStreamsTheAccountsInTheStatesInIdOrderWithTheirReplayedEnrollments() {
        Valley v = valley();
        campaign(v);
        List<String> seen = new ArrayList<>();

        store().forEach(v.program, EnumSet.of(EnrollmentState.NOTIFIED, EnrollmentState.COMPETITIVE),
                (account, enrollment) -> seen.add(account.customerName() + ":" + enrollment.state().wireName() + ":"
                        + enrollment.historySize()));

        // ids follow the fixture order: Alice, Bob, Carol, Deli, Erin
        assertThat(seen).containsExactly("Carol Chen:notified:2", "Main Street Deli:competitive:1",
                "Erin Eastman:notified:2");
        List<AccountId> all = new ArrayList<>();
        Map<AccountId, Enrollment> replayed = new LinkedHashMap<>();
        store().forEach(v.program, Set.of(), (account, enrollment) -> {
            all.add(account.id());
            replayed.put(account.id(), enrollment);
            assertThat(account).isEqualTo(v.accounts.get(account.id()));
        });
        assertThat(all).containsExactlyElementsOf(v.accounts.keySet());
        for (AccountId id : all) {
            assertThat(replayed.get(id)).isEqualTo(store().find(v.program, id).orElseThrow());
        }
    }

    @Test
    void countsAreByStateAndTownWithTheFlaggedEligibleAccounts() {
        Valley v = valley();
        campaign(v);

        EnrollmentCounts counts = store().counts(v.program);

        // Alice (Amherst) and Bob (Amherst, R-2 low-income) opted out, Carol (Northampton, net-metered) and
        // Erin (Pelham) notified, the Deli (Northampton) competitive.
        EnrollmentCounts.Tally total = counts.total();
        assertThat(total.count(EnrollmentState.OPTED_OUT)).isEqualTo(2);
        assertThat(total.count(EnrollmentState.NOTIFIED)).isEqualTo(2);
        assertThat(total.count(EnrollmentState.COMPETITIVE)).isEqualTo(1);
        assertThat(total.count(EnrollmentState.ENROLLED)).isZero();
        assertThat(total.byState()).hasSize(EnrollmentState.values().length);
        assertThat(total.accounts()).isEqualTo(5);
        assertThat(total.eligibleLowIncome()).as("Bob, opted out, still eligible").isEqualTo(1);
        assertThat(total.eligibleNetMetered()).as("Carol").isEqualTo(1);
        assertThat(total.enrolledLowIncome()).isZero();
        assertThat(counts.byTown()).containsOnlyKeys("Amherst", "Northampton", "Pelham");
        assertThat(counts.byTown().get("Amherst").count(EnrollmentState.OPTED_OUT)).isEqualTo(2);
        assertThat(counts.byTown().get("Amherst").eligibleLowIncome()).isEqualTo(1);
        assertThat(counts.byTown().get("Northampton").count(EnrollmentState.COMPETITIVE)).isEqualTo(1);
        assertThat(counts.byTown().get("Northampton").eligibleNetMetered()).isEqualTo(1);
        assertThat(counts.byTown().get("Pelham").accounts()).isEqualTo(1);
        assertThat(store().counts(valley().program).total().accounts()).as("a program with no history").isZero();
    }

    @Test
    void enrolledFlaggedAccountsAreCounted() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            return tx.append(List.of(listed(bob),
                    EnrollmentEvent.noticeMailed(bob, T0, "system", Channel.SYSTEM, MAILED, CLOSES),
                    EnrollmentEvent.ofProduct(bob, EventKind.ENROLLMENT_REQUESTED, Instant.parse("2025-01-02T15:00:00Z"),
                            "system", Channel.SYSTEM, Fixtures.STANDARD),
                    EnrollmentEvent.of(bob, EventKind.ENROLLMENT_SENT, Instant.parse("2025-01-02T16:00:00Z"), "system",
                            Channel.EDI),
                    EnrollmentEvent.of(bob, EventKind.ENROLLMENT_ACCEPTED, Instant.parse("2025-01-05T16:00:00Z"),
                            "eversource", Channel.EDI)));
        });

        EnrollmentCounts.Tally total = store().counts(v.program).total();

        assertThat(total.count(EnrollmentState.ENROLLED)).isEqualTo(1);
        assertThat(total.enrolledLowIncome()).isEqualTo(1);
        assertThat(total.eligibleLowIncome()).isEqualTo(1);
        assertThat(total.enrolledNetMetered()).isZero();
    }

    @Test
    void campaignCountsAreByTownRateClassAndProductFromOneGroupedQuery() {
        Valley v = valley();
        campaign(v);
        AccountId carol = v.id("Carol Chen");
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(carol));
            return tx.append(List.of(EnrollmentEvent.ofProduct(carol, EventKind.ENROLLMENT_REQUESTED,
                    Instant.parse("2025-01-02T15:00:00Z"), "system", Channel.SYSTEM, Fixtures.GREEN_100)));
        });

        CampaignCounts counts = store().campaignCounts(v.program);

        // Alice and Bob (R-2, low-income) opted out in Amherst; Carol (R-1, net-metered) enrolling on
        // 100 % Green and the Deli (G-1) competitive in Northampton; Erin notified in Pelham.
        assertThat(counts.total().accounts()).isEqualTo(5);
        assertThat(counts.total().optOutRate()).isEqualTo(new EnrollmentCounts.Share(2, 4));
        assertThat(counts.byTown().get("Amherst").count(EnrollmentState.OPTED_OUT)).isEqualTo(2);
        assertThat(counts.byTown().get("Northampton").count(EnrollmentState.ENROLLING)).isEqualTo(1);
        assertThat(counts.byRateClass().keySet()).containsExactly(RateClass.R_1, RateClass.R_2, RateClass.R_3,
                RateClass.G_1);
        assertThat(counts.byRateClass().get(RateClass.R_1).accounts()).as("Alice and Carol").isEqualTo(2);
        assertThat(counts.byRateClass().get(RateClass.R_2).eligibleLowIncome()).isEqualTo(1);
        assertThat(counts.byProduct().keySet()).containsExactly(Optional.of(Fixtures.GREEN_100), Optional.empty());
        assertThat(counts.byProduct().get(Optional.of(Fixtures.GREEN_100)).count(EnrollmentState.ENROLLING))
                .isEqualTo(1);
        assertThat(counts.byProduct().get(Optional.<ProductId>empty()).accounts()).isEqualTo(4);
        assertThat(counts.total().netMeteredParticipation()).isEqualTo(new EnrollmentCounts.Share(0, 1));
        assertThat(store().campaignCounts(valley().program).total().accounts()).as("no history").isZero();
    }

    @Test
    void theQueuesHoldTheRejectedAndReturnedAccountsWithTheEventThatPutThemThere() {
        Valley v = valley();
        AccountId alice = v.id("Alice Abbott");
        AccountId bob = v.id("Bob Brennan");
        AccountId carol = v.id("Carol Chen");
        AccountId erin = v.id("Erin Eastman");
        Instant sent = Instant.parse("2025-01-02T16:00:00Z");
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(alice, bob, carol, erin));
            List<EnrollmentEvent> events = new ArrayList<>();
            for (AccountId a : List.of(alice, bob, carol, erin)) {
                events.add(listed(a));
                events.add(EnrollmentEvent.noticeMailed(a, T0, "system", Channel.MAIL, MAILED, CLOSES));
            }
            // Erin's notice came back first, Bob's later; Alice and Carol were enrolled and rejected.
            events.add(EnrollmentEvent.of(erin, EventKind.MAIL_RETURNED, Instant.parse("2024-12-01T15:00:00Z"),
                    "staff", Channel.MAIL));
            events.add(EnrollmentEvent.of(bob, EventKind.MAIL_RETURNED, Instant.parse("2024-12-05T15:00:00Z"),
                    "staff", Channel.MAIL));
            for (AccountId a : List.of(alice, carol)) {
                events.add(EnrollmentEvent.ofProduct(a, EventKind.ENROLLMENT_REQUESTED, sent.minusSeconds(3600),
                        "system", Channel.SYSTEM, Fixtures.STANDARD));
                events.add(EnrollmentEvent.of(a, EventKind.ENROLLMENT_SENT, sent, "system", Channel.EDI));
            }
            tx.append(events);
            return tx.appendReferenced(List.of(
                    new EnrollmentStore.ReferencedEvent(EnrollmentEvent.ofReason(carol, EventKind.ENROLLMENT_REJECTED,
                            Instant.parse("2025-01-05T15:00:00Z"), "national-grid", Channel.EDI,
                            "A13 Account number not found"), "VGE0000000002"),
                    new EnrollmentStore.ReferencedEvent(EnrollmentEvent.ofReason(alice, EventKind.ENROLLMENT_REJECTED,
                            Instant.parse("2025-01-06T15:00:00Z"), "eversource", Channel.EDI,
                            "W05 Customer name mismatch"), "VGE0000000001")));
        });

        Page<EnrollmentStore.QueueEntry> rejected = store().queue(v.program, EnrollmentStore.Queue.REJECTED, true, 0, 50);
        Page<EnrollmentStore.QueueEntry> returned = store().queue(v.program, EnrollmentStore.Queue.RETURNED_MAIL, false,
                0, 50);

        assertThat(rejected.total()).isEqualTo(2);
        assertThat(rejected.items()).extracting(e -> e.account().customerName())
                .as("newest first").containsExactly("Alice Abbott", "Carol Chen");
        assertThat(rejected.items().get(1).event().event().reason()).isEqualTo("A13 Account number not found");
        assertThat(rejected.items().get(1).event().reference()).contains("VGE0000000002");
        assertThat(rejected.items().get(1).account().town()).isEqualTo("Northampton");
        assertThat(returned.items()).extracting(e -> e.account().customerName())
                .as("oldest first").containsExactly("Erin Eastman", "Bob Brennan");
        assertThat(returned.items().get(0).event().event().at()).isEqualTo(Instant.parse("2024-12-01T15:00:00Z"));
        Page<EnrollmentStore.QueueEntry> second = store().queue(v.program, EnrollmentStore.Queue.RETURNED_MAIL, false,
                1, 1);
        assertThat(second.items()).extracting(e -> e.account().customerName()).containsExactly("Bob Brennan");
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.pageCount()).isEqualTo(2);
        assertThat(store().queue(v.program, EnrollmentStore.Queue.RETURNED_MAIL, false, 5, 50).items()).isEmpty();
        assertThat(store().queue(valley().program, EnrollmentStore.Queue.REJECTED, true, 0, 50).total())
                .as("another program").isZero();
    }

    @Test
    void eventsAreFoundByTheirReference() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob));
            tx.append(List.of(listed(bob)));
            return tx.appendReferenced(List.of(new EnrollmentStore.ReferencedEvent(
                    EnrollmentEvent.of(bob, EventKind.OPTED_OUT, T0, "customer", Channel.WEB), "VGE-AAAA")));
        });

        assertThat(store().withReference(v.program, "VGE-AAAA")).singleElement()
                .satisfies(r -> assertThat(r.event().kind()).isEqualTo(EventKind.OPTED_OUT));
        assertThat(store().withReference(v.program, "VGE-BBBB")).isEmpty();
        assertThat(store().withReference(valley().program, "VGE-AAAA")).as("another program").isEmpty();
        assertThatThrownBy(() -> new EnrollmentStore.ReferencedEvent(listed(bob), " "))
                .hasMessageContaining("must not be blank");
    }

    // ---------------------------------------------------------------- append-only

    @Test
    void eventsCannotBeChangedOrRemovedExceptByErasingTheWholeProgram() {
        Valley v = valley();
        Valley other = valley();
        campaign(v);
        campaign(other);

        for (String sql : List.of("UPDATE enrollment_events SET actor = 'mallory' WHERE program_id = :p",
                "DELETE FROM enrollment_events WHERE program_id = :p")) {
            assertThatThrownBy(() -> database().jdbi().useHandle(h -> h.createUpdate(sql)
                    .bind("p", v.program.value()).execute()))
                    .isInstanceOf(JdbiException.class).hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> database().jdbi().useTransaction(h -> {
            h.createQuery("SELECT set_config('opencce.erase_program', :p, true)").bind("p", other.program.value())
                    .mapTo(String.class).one();
            h.createUpdate("DELETE FROM enrollment_events WHERE program_id = :p").bind("p", v.program.value()).execute();
        })).as("erasing one program does not open another's history").hasMessageContaining("append-only");

        database().programs().deleteAccountsAndProducts(v.program);

        assertThat(store().counts(v.program).total().accounts()).isZero();
        assertThat(store().history(v.program, v.id("Bob Brennan"))).isEmpty();
        assertThat(store().counts(other.program).total().accounts()).isEqualTo(5);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Alice and Bob listed and opted out, Carol and Erin listed and notified, the Deli listed competitive.
     */
    private void campaign(Valley v) {
        store().inTransaction(v.program, tx -> {
            tx.lock(v.accounts.keySet());
            List<EnrollmentEvent> events = new ArrayList<>();
            for (Account a : v.accounts.values()) {
                if (a.customerName().equals("Main Street Deli")) {
                    events.add(EnrollmentEvent.of(a.id(), EventKind.LISTED_COMPETITIVE, T0, "system", Channel.SYSTEM));
                    continue;
                }
                events.add(listed(a.id()));
                if (a.town().equals("Amherst")) {
                    events.add(EnrollmentEvent.of(a.id(), EventKind.OPTED_OUT, T0.plusSeconds(9), "customer",
                            Channel.WEB));
                } else {
                    events.add(EnrollmentEvent.noticeMailed(a.id(), T0.plusSeconds(9), "system", Channel.SYSTEM, MAILED,
                            CLOSES));
                }
            }
            return tx.append(events);
        });
    }

    private static EnrollmentEvent listed(AccountId account) {
        return EnrollmentEvent.of(account, EventKind.LISTED_ELIGIBLE, T0, "system", Channel.SYSTEM);
    }

    /** state|product|mailed|closes|opted out|request, read from the summary table itself. */
    private String summary(AccountId account) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT state || '|' || coalesce(product_id, 'null')"
                + " || '|' || coalesce(notice_mailed::text, 'null') || '|' || coalesce(window_closes::text, 'null')"
                + " || '|' || opted_out || '|' || coalesce(request_to_send, 'null') FROM enrollments"
                + " WHERE account_id = :a").bind("a", account.value()).mapTo(String.class).one());
    }

    /** Polls the server until some transaction waits for a row lock (bounded, then fails). */
    private void waitUntilALockIsAwaited() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            long waiting = database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted").mapTo(Long.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the second transaction never waited for the lock the first one holds");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The canonical Valley program and accounts under a fresh program id, stored; accounts by id in id order. */
    // ---------------------------------------------------------------- renewal and the program's end

    @Test
    void aRenewalNoticeIsStoredAndAnEndedProgramRefusesNewEnrollmentInEveryLaterTransaction() {
        Valley v = valley();
        AccountId bob = v.id("Bob Brennan");
        AccountId carol = v.id("Carol Chen");
        LocalDate renewalMailed = LocalDate.of(2027, 11, 1);
        EnrollmentEvent renewal = new EnrollmentEvent(bob, EventKind.RENEWAL_NOTICE_MAILED, T0.plusSeconds(600), "ada",
                Channel.MAIL, "renewal: standard at 13.990 cents/kWh, effective 2028-01-01",
                Optional.of(Fixtures.STANDARD), Optional.of(renewalMailed), Optional.empty());
        store().inTransaction(v.program, tx -> {
            tx.lock(List.of(bob, carol));
            tx.append(List.of(
                    EnrollmentEvent.of(bob, EventKind.LISTED_ELIGIBLE, T0, "system", Channel.SYSTEM),
                    EnrollmentEvent.noticeMailed(bob, T0.plusSeconds(60), "ada", Channel.MAIL, MAILED, CLOSES),
                    EnrollmentEvent.ofProduct(bob, EventKind.ENROLLMENT_REQUESTED, Instant.parse("2025-01-02T17:00:00Z"),
                            "system", Channel.SYSTEM, Fixtures.STANDARD),
                    renewal,
                    EnrollmentEvent.of(carol, EventKind.LISTED_ELIGIBLE, T0, "system", Channel.SYSTEM),
                    EnrollmentEvent.noticeMailed(carol, T0.plusSeconds(60), "ada", Channel.MAIL, MAILED, CLOSES)));
            return null;
        });
        assertThat(store().history(v.program, bob).get(3).event()).isEqualTo(renewal);
        assertThat(store().find(v.program, bob).orElseThrow().state()).isEqualTo(EnrollmentState.ENROLLING);
        assertThat(store().programEnd(v.program)).isEmpty();

        LocalDate end = LocalDate.of(2027, 12, 31);
        Optional<ProgramEnd> before = store().inTransaction(v.program, tx -> tx.recordEnd(new ProgramEnd(end), "ada"));
        assertThat(before).as("recorded now").isEmpty();
        Optional<ProgramEnd> second = store().inTransaction(v.program,
                tx -> tx.recordEnd(new ProgramEnd(end.plusDays(1)), "bea"));
        assertThat(second).as("the end is recorded once").contains(new ProgramEnd(end));
        assertThat(store().programEnd(v.program)).contains(new ProgramEnd(end));

        EnrollmentEvent run = EnrollmentEvent.ofProduct(carol, EventKind.ENROLLMENT_REQUESTED,
                Instant.parse("2028-01-02T17:00:00Z"), "system", Channel.SYSTEM, Fixtures.STANDARD);
        assertThatThrownBy(() -> store().inTransaction(v.program, tx -> {
            tx.lock(List.of(carol));
            return tx.append(List.of(run));
        })).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("the program ended on 2027-12-31");
        assertThat(store().find(v.program, carol).orElseThrow().state()).isEqualTo(EnrollmentState.NOTIFIED);
        // what goes on after the end is still recorded
        store().inTransaction(v.program, tx -> {
            assertThat(tx.programEnd()).contains(new ProgramEnd(end));
            tx.lock(List.of(bob, carol));
            return tx.append(List.of(
                    EnrollmentEvent.of(bob, EventKind.MASS_DROP, Instant.parse("2027-11-20T15:00:00Z"), "ada",
                            Channel.STAFF),
                    EnrollmentEvent.of(carol, EventKind.OPTED_OUT, Instant.parse("2027-11-20T15:00:00Z"), "customer",
                            Channel.WEB)));
        });
        assertThat(store().find(v.program, bob).orElseThrow().state()).isEqualTo(EnrollmentState.DROPPED);
        assertThat(store().find(v.program, carol).orElseThrow().state()).isEqualTo(EnrollmentState.OPTED_OUT);
    }

    private Valley valley() {
        Program fixture = Fixtures.valleyProgram();
        ProgramId id = new ProgramId("test-" + UUID.randomUUID().toString().substring(0, 13));
        Program program = new Program(id, fixture.name(), fixture.leadTown(), fixture.towns(), fixture.launchDate());
        database().programs().save(program);
        database().programs().saveProducts(Fixtures.valleyProducts().stream().map(p -> new Product(p.id(), id,
                p.name(), p.greenContent(), p.localContent(), p.price(), p.termStart(), p.termEnd(), p.isDefault(),
                p.illustrative())).toList());
        List<Account> fixtures = Fixtures.valleyAccounts();
        List<AccountId> ids = database().accounts().assignIds(id, fixtures.stream()
                .map(a -> new AccountStore.Key(a.utility(), a.number())).toList());
        Map<AccountId, Account> accounts = new LinkedHashMap<>();
        for (int i = 0; i < fixtures.size(); i++) {
            Account a = fixtures.get(i);
            accounts.put(ids.get(i), new Account(ids.get(i), id, a.number(), a.utility(), a.town(), a.rateClass(),
                    a.customerName(), a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(),
                    a.loadZone(), a.mailingAddress()));
        }
        database().accounts().upsert(List.copyOf(accounts.values()));
        return new Valley(id, accounts);
    }

    private record Valley(ProgramId program, Map<AccountId, Account> accounts) {
        AccountId id(String customerName) {
            return accounts.values().stream().filter(a -> a.customerName().equals(customerName)).findFirst()
                    .orElseThrow().id();
        }
    }
}
