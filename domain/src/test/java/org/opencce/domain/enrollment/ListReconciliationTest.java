package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.ALICE;
import static org.opencce.domain.Fixtures.BOB;
import static org.opencce.domain.Fixtures.CAROL;
import static org.opencce.domain.Fixtures.DELI;
import static org.opencce.domain.Fixtures.ERIN;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GUS;
import static org.opencce.domain.Fixtures.HANNAH;
import static org.opencce.domain.Fixtures.IAN;
import static org.opencce.domain.Fixtures.STANDARD;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.ListReconciliation.Change;
import org.opencce.domain.enrollment.ListReconciliation.ChangeKind;

class ListReconciliationTest {
    private static final ListReconciliation VALLEY = new ListReconciliation(Fixtures.valleyProgram());

    private static Change changeOf(ListReconciliation.Result result, String number) {
        return result.changes().stream().filter(c -> c.number().value().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void aLaterListIsComparedWithTheLastAccountByAccount() {
        Account jo = Accounts.withNumber(Accounts.get(FAYE), new AccountId(10), "54099990000");
        Account kit = Accounts.withSupply(Accounts.withNumber(Accounts.get(GUS), new AccountId(11), "54099990001"),
                SupplyStatus.COMPETITIVE, null);
        Account lee = Accounts.withNumber(Accounts.get(IAN), new AccountId(12), "54099990002");
        List<Account> previous = List.of(Accounts.get(ALICE), Accounts.get(BOB), Accounts.get(CAROL), Accounts.get(DELI),
                Accounts.get(ERIN), Accounts.get(FAYE), Accounts.get(GUS), Accounts.get(HANNAH), Accounts.get(IAN));
        List<Account> next = List.of(
                Accounts.get(ALICE),
                Accounts.withSupply(Accounts.get(BOB), SupplyStatus.COMPETITIVE, null),
                Accounts.withSupply(Accounts.get(CAROL), SupplyStatus.BASIC_SERVICE, null),
                Accounts.withSupply(Accounts.get(DELI), SupplyStatus.BASIC_SERVICE, null),
                Accounts.withTown(Accounts.get(ERIN), "Belchertown"),
                Accounts.get(FAYE),
                Accounts.withNameAndClass(Accounts.get(GUS), "Gus Garcia-Lopez", RateClass.R_3),
                jo, kit, lee);

        ListReconciliation.Result result = VALLEY.reconcile(previous, next);

        assertThat(result.changes()).extracting(c -> c.number().value()).containsExactly("54012345678", "54012345679",
                "8123456789", "8123456790", "54098765432", "54011112222", "54033334444", "54099990000", "54099990001",
                "54099990002", "8155556666", "54077778888");
        assertThat(result.conflicts()).isEmpty();

        Change alice = changeOf(result, "54012345678");
        assertThat(alice.kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(alice.eventToRecord()).isEmpty();
        assertThat(alice.eligibility().reason()).isEqualTo("in member town Amherst, supplied by the program");

        Change bob = changeOf(result, "54012345679");
        assertThat(bob.kind()).isEqualTo(ChangeKind.MOVED_TO_COMPETITIVE);
        assertThat(bob.changedFields()).containsExactly("supply_status");
        assertThat(bob.eligibility()).isInstanceOf(Eligibility.OptInOnly.class);
        assertThat(bob.eventToRecord()).contains(EventKind.LISTED_COMPETITIVE);
        assertThat(bob.previous()).contains(Accounts.get(BOB));

        // Carol was dropped by the program, the deli left its competitive supplier: both are back on Basic Service
        Change carol = changeOf(result, "8123456789");
        assertThat(carol.kind()).isEqualTo(ChangeKind.RETURNED_TO_BASIC_SERVICE);
        assertThat(carol.changedFields()).containsExactly("supply_status", "product");
        assertThat(carol.eventToRecord()).contains(EventKind.LISTED_ELIGIBLE);
        Change deli = changeOf(result, "8123456790");
        assertThat(deli.kind()).isEqualTo(ChangeKind.RETURNED_TO_BASIC_SERVICE);
        assertThat(deli.eligibility()).isInstanceOf(Eligibility.Eligible.class);
        assertThat(deli.eventToRecord()).contains(EventKind.LISTED_ELIGIBLE);

        Change erin = changeOf(result, "54098765432");
        assertThat(erin.kind()).isEqualTo(ChangeKind.CHANGED);
        assertThat(erin.changedFields()).containsExactly("town");
        assertThat(erin.eligibility()).isEqualTo(new Eligibility.Ineligible(
                "Belchertown is not a member town of Valley Green Energy"));
        assertThat(erin.eventToRecord()).contains(EventKind.LEFT_BASIC_SERVICE);

        assertThat(changeOf(result, "54011112222").kind()).isEqualTo(ChangeKind.UNCHANGED);
        Change gus = changeOf(result, "54033334444");
        assertThat(gus.kind()).isEqualTo(ChangeKind.CHANGED);
        assertThat(gus.changedFields()).containsExactly("rate_class", "customer_name");
        assertThat(gus.eventToRecord()).isEmpty();

        Change joChange = changeOf(result, "54099990000");
        assertThat(joChange.kind()).isEqualTo(ChangeKind.NEW);
        assertThat(joChange.previous()).isEmpty();
        assertThat(joChange.next()).contains(jo);
        assertThat(joChange.eventToRecord()).contains(EventKind.LISTED_ELIGIBLE);
        assertThat(changeOf(result, "54099990001").eventToRecord()).contains(EventKind.LISTED_COMPETITIVE);
        Change leeChange = changeOf(result, "54099990002");
        assertThat(leeChange.eligibility()).isInstanceOf(Eligibility.Ineligible.class);
        assertThat(leeChange.eventToRecord()).isEmpty();

        Change hannah = changeOf(result, "8155556666");
        assertThat(hannah.kind()).isEqualTo(ChangeKind.CLOSED);
        assertThat(hannah.next()).isEmpty();
        assertThat(hannah.utility()).isEqualTo(Utility.NATIONAL_GRID_MA);
        assertThat(hannah.eligibility()).isEqualTo(new Eligibility.Ineligible(
                "no longer on National Grid (Massachusetts Electric Co.)'s list: closed or moved away"));
        assertThat(hannah.eventToRecord()).contains(EventKind.LEFT_BASIC_SERVICE);
        // Ian's town never joined: the program never reached him, so his closing records nothing
        Change ian = changeOf(result, "54077778888");
        assertThat(ian.kind()).isEqualTo(ChangeKind.CLOSED);
        assertThat(ian.eventToRecord()).isEmpty();

        assertThat(result.counts()).isEqualTo(Map.of(ChangeKind.NEW, 3, ChangeKind.UNCHANGED, 2, ChangeKind.CHANGED, 2,
                ChangeKind.CLOSED, 2, ChangeKind.MOVED_TO_COMPETITIVE, 1, ChangeKind.RETURNED_TO_BASIC_SERVICE, 2));
        assertThat(result.count(ChangeKind.NEW)).isEqualTo(3);
    }

    @Test
    void everyFieldOfTheListIsCompared() {
        Account faye = Accounts.get(FAYE);
        Account moved = new Account(faye.id(), faye.program(), faye.number(), faye.utility(), "pelham", RateClass.R_2,
                faye.customerName(), new ServiceAddress("10 North Valley Rd", "Pelham", "01002"), faye.supplyStatus(),
                faye.product(), false, true, LoadZone.NEMA);
        Change change = VALLEY.reconcile(List.of(faye), List.of(moved)).changes().get(0);
        // the town is the same whatever its case
        assertThat(change.changedFields()).containsExactly("service_address", "low_income", "net_metered", "load_zone");
        assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
        Account onProgram = Accounts.withSupply(faye, SupplyStatus.PROGRAM, STANDARD);
        Change enrolled = VALLEY.reconcile(List.of(faye), List.of(onProgram)).changes().get(0);
        assertThat(enrolled.kind()).isEqualTo(ChangeKind.CHANGED);
        assertThat(enrolled.eventToRecord()).isEmpty();
        Change competitiveAgain = VALLEY.reconcile(List.of(Accounts.get(DELI)),
                List.of(Accounts.withNameAndClass(Accounts.get(DELI), "Main St Deli", RateClass.G_1))).changes().get(0);
        assertThat(competitiveAgain.kind()).isEqualTo(ChangeKind.CHANGED);
        assertThat(competitiveAgain.eventToRecord()).isEmpty();
    }

    @Test
    void anAccountThatComesIntoAMemberTownIsListedAndOneOutsideStaysUnrecorded() {
        Account ian = Accounts.get(IAN);
        Change joined = VALLEY.reconcile(List.of(ian), List.of(Accounts.withTown(ian, "Pelham"))).changes().get(0);
        assertThat(joined.eventToRecord()).contains(EventKind.LISTED_ELIGIBLE);
        Account competitiveIan = Accounts.withSupply(ian, SupplyStatus.COMPETITIVE, null);
        Change stillOut = VALLEY.reconcile(List.of(ian), List.of(competitiveIan)).changes().get(0);
        assertThat(stillOut.kind()).isEqualTo(ChangeKind.MOVED_TO_COMPETITIVE);
        assertThat(stillOut.eventToRecord()).isEmpty();
        Change joinedCompetitive = VALLEY.reconcile(List.of(competitiveIan),
                List.of(Accounts.withTown(competitiveIan, "Pelham"))).changes().get(0);
        assertThat(joinedCompetitive.eventToRecord()).contains(EventKind.LISTED_COMPETITIVE);
    }

    @Test
    void accountNumbersMatchIgnoringCaseAndOnlyWithinTheirUtility() {
        Account gus = Accounts.withNumber(Accounts.get(GUS), GUS, "WM-4433");
        ListReconciliation.Result sameAccount = VALLEY.reconcile(List.of(gus),
                List.of(Accounts.withNumber(gus, GUS, "wm-4433")));
        assertThat(sameAccount.changes()).extracting(Change::kind).containsExactly(ChangeKind.UNCHANGED);
        Account otherUtility = Accounts.withUtility(gus, Utility.NATIONAL_GRID_MA);
        assertThat(VALLEY.reconcile(List.of(gus), List.of(otherUtility)).changes()).extracting(Change::kind)
                .containsExactly(ChangeKind.NEW, ChangeKind.CLOSED);
    }

    @Test
    void anAccountNumberTwiceInAListIsReportedAndNotGuessed() {
        Account faye = Accounts.get(FAYE);
        Account fayeAgain = Accounts.withNumber(Accounts.get(GUS), new AccountId(20), "54011112222");
        Account fayeInPelhamTwice = Accounts.withNumber(faye, new AccountId(21), "54011112222");
        ListReconciliation.Result twoTowns = VALLEY.reconcile(List.of(faye), List.of(faye, fayeAgain));
        assertThat(twoTowns.changes()).isEmpty();
        assertThat(twoTowns.conflicts()).hasSize(1);
        ListReconciliation.Conflict conflict = twoTowns.conflicts().get(0);
        assertThat(conflict.reason()).isEqualTo("account number 54011112222 of Eversource (Western Massachusetts) is"
                + " listed in 2 towns (Pelham, Amherst) in the new list; it is not reconciled until the list is corrected");
        assertThat(conflict.accounts()).containsExactly(faye, fayeAgain);
        assertThat(conflict.utility()).isEqualTo(Utility.EVERSOURCE_WMA);
        assertThat(conflict.number().value()).isEqualTo("54011112222");

        ListReconciliation.Result twice = VALLEY.reconcile(List.of(), List.of(faye, fayeInPelhamTwice,
                Accounts.withTown(fayeInPelhamTwice, "PELHAM")));
        assertThat(twice.conflicts()).extracting(ListReconciliation.Conflict::reason).containsExactly("account number"
                + " 54011112222 of Eversource (Western Massachusetts) appears 3 times in the new list; it is not"
                + " reconciled until the list is corrected");

        ListReconciliation.Result inPrevious = VALLEY.reconcile(List.of(faye, fayeInPelhamTwice), List.of(faye));
        assertThat(inPrevious.changes()).isEmpty();
        assertThat(inPrevious.conflicts()).extracting(ListReconciliation.Conflict::reason).containsExactly(
                "account number 54011112222 of Eversource (Western Massachusetts) appears 2 times in the previous list;"
                        + " it is not reconciled until the list is corrected");
        ListReconciliation.Result closedTwice = VALLEY.reconcile(List.of(faye, fayeInPelhamTwice), List.of());
        assertThat(closedTwice.changes()).isEmpty();
        assertThat(closedTwice.conflicts()).hasSize(1);
        assertThat(closedTwice.count(ChangeKind.CLOSED)).isZero();
    }

    @Test
    void resultsCopyTheirListsAndRequireTheirFields() {
        assertThatThrownBy(() -> new ListReconciliation(null)).hasMessage("program");
        assertThat(ChangeKind.RETURNED_TO_BASIC_SERVICE.wireName()).isEqualTo("returned_to_basic_service");
        Account faye = Accounts.get(FAYE);
        Eligibility eligible = new Eligibility.Eligible("x");
        assertThatThrownBy(() -> new Change(ChangeKind.NEW, Utility.EVERSOURCE_WMA, faye.number(), Optional.empty(),
                Optional.of(faye), List.of(), null, Optional.empty())).hasMessage("eligibility");
        assertThatThrownBy(() -> new Change(ChangeKind.NEW, Utility.EVERSOURCE_WMA, faye.number(), Optional.empty(),
                Optional.of(faye), List.of(), eligible, null)).hasMessage("eventToRecord");
        assertThatThrownBy(() -> new ListReconciliation.Conflict(Utility.EVERSOURCE_WMA, faye.number(), List.of(), null))
                .hasMessage("reason");
    }
}
