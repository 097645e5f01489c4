package org.opencce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountCounts;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;
import org.opencce.store.ProgramStore.AuditNote;
import org.opencce.store.UserStore.Role;

/**
 * What every records database must do, exercised through the store interfaces only. Each
 * implementation extends this class and says which {@link Database} to use. Every test works in a
 * program of its own (a fresh id), so the tests neither see nor disturb each other's records, even on
 * a long-lived external server.
 */
public abstract class StoreContractTest {

    protected abstract Database database();

    // ---------------------------------------------------------------- programs and products

    @Test
    void aSavedProgramIsFoundWithItsTownsInOrder() {
        Program program = saveValleyProgram();

        assertThat(database().programs().find(program.id())).contains(program);
        assertThat(database().programs().find(program.id()).orElseThrow().towns()).extracting(Town::name)
                .containsExactly("Amherst", "Northampton", "Pelham");
        assertThat(database().programs().list()).contains(program);
    }

    @Test
    void savingAProgramAgainReplacesItsTowns() {
        Program program = saveValleyProgram();
        Program twoTowns = new Program(program.id(), "Valley Green Energy (phase 1)", "Amherst", List.of(
                new Town("Amherst", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 40_000),
                new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_280)), program.launchDate().plusMonths(1));

        database().programs().save(twoTowns);

        assertThat(database().programs().find(program.id())).contains(twoTowns);
    }

    @Test
    void anUnknownProgramIsNotFound() {
        assertThat(database().programs().find(new ProgramId("no-such-program"))).isEmpty();
    }

    @Test
    void productsComeBackWithExactPricesCheapestFirst() {
        Program program = saveValleyProgram();
        List<Product> products = productsIn(program.id());

        database().programs().saveProducts(products);

        List<Product> read = database().programs().products(program.id());
        assertThat(read).containsExactlyElementsOf(products);
        assertThat(read).extracting(p -> p.price().centsPerKilowattHour().toPlainString())
                .containsExactly("13.950", "14.450", "15.950", "16.450");
        assertThat(read).extracting(Product::greenContent).containsExactly(new GreenContent.StateMinimum(),
                new GreenContent.MinimumPlus(20), new GreenContent.Absolute(Percent.HUNDRED),
                new GreenContent.MinimumPlus(50));
        assertThat(database().programs().product(program.id(), Fixtures.STANDARD).orElseThrow().isDefault()).isTrue();
    }

    @Test
    void savingAProductAgainReplacesIt() {
        Program program = saveValleyProgram();
        database().programs().saveProducts(productsIn(program.id()));
        Product standard = database().programs().product(program.id(), Fixtures.STANDARD).orElseThrow();
        Product repriced = new Product(standard.id(), standard.program(), standard.name(), standard.greenContent(),
                standard.localContent(), EnergyPrice.ofCentsPerKilowattHour("14.4519"), YearMonth.of(2025, 6),
                YearMonth.of(2027, 5), false, false);

        database().programs().saveProducts(List.of(repriced));

        assertThat(database().programs().product(program.id(), Fixtures.STANDARD)).contains(repriced);
        assertThat(database().programs().product(program.id(), Fixtures.STANDARD).orElseThrow().price()
                .centsPerKilowattHour().toPlainString()).isEqualTo("14.4519");
        assertThat(database().programs().products(program.id())).hasSize(4);
    }

    @Test
    void productsOfAnUnsavedProgramAreRefused() {
        ProgramId unsaved = freshProgramId();

        assertThatThrownBy(() -> database().programs().saveProducts(productsIn(unsaved)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(unsaved.value())
                .hasMessageContaining("save the program first");
    }

    // ---------------------------------------------------------------- program definitions

    @Test
    void aCreatedDefinitionComesBackWithContactWindowTownsAndProducts() {
        ProgramDefinition definition = valleyDefinition(freshProgramId(), 45);

        database().programs().createDefinition(definition, new AuditNote("alice", "program.init", "created"));

        assertThat(database().programs().definition(definition.id())).contains(definition);
        Program found = database().programs().find(definition.id()).orElseThrow();
        assertThat(found.contact()).contains(Fixtures.valleyContact());
        assertThat(found.optOutWindowDays()).isEqualTo(45);
        assertThat(database().audit().recent(definition.id(), 10)).extracting(AuditLog.Entry::actor,
                AuditLog.Entry::action, AuditLog.Entry::detail).containsExactly(tuple("alice", "program.init", "created"));
    }

    @Test
    void creatingAProgramThatExistsIsRefusedAndChangesNothing() {
        ProgramDefinition definition = valleyDefinition(freshProgramId(), 30);
        database().programs().createDefinition(definition, new AuditNote("alice", "program.init", "first"));
        Program p = definition.program();
        ProgramDefinition again = new ProgramDefinition(new Program(p.id(), "Another Program", p.leadTown(), p.towns(),
                p.launchDate()), definition.products());

        assertThatThrownBy(() -> database().programs().createDefinition(again,
                new AuditNote("bob", "program.init", "second")))
                .isInstanceOf(StoreException.class)
                .hasMessage("Could not create program " + p.id() + ": a program with this id exists already; change it"
                        + " with an update instead");
        assertThat(database().programs().definition(p.id())).contains(definition);
        assertThat(database().audit().recent(p.id(), 10)).extracting(AuditLog.Entry::detail).containsExactly("first");
    }

    @Test
    void aProgramWithoutADefaultProductIsNotCreated() {
        ProgramDefinition definition = valleyDefinition(freshProgramId(), 30);
        ProgramDefinition noDefault = new ProgramDefinition(definition.program(), List.of());

        assertThatThrownBy(() -> database().programs().createDefinition(noDefault,
                new AuditNote("alice", "program.init", "created")))
                .isInstanceOf(StoreException.class)
                .hasMessage("Could not save the definition of program " + definition.id() + ": no product is the"
                        + " default: mark exactly one product 'default: true'");
        assertThat(database().programs().find(definition.id())).isEmpty();
    }

    @Test
    void savingADefinitionReplacesTownsAndProductsAndAudits() {
        ProgramDefinition before = valleyDefinition(freshProgramId(), 30);
        database().programs().createDefinition(before, new AuditNote("alice", "program.init", "created"));
        Program p = before.program();
        Town leverett = new Town("Leverett", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_865);
        Program changed = new Program(p.id(), "Valley Green Power", "Northampton", List.of(p.towns().get(1),
                new Town("Amherst", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 40_000), leverett), p.launchDate(),
                Optional.empty(), 60);
        List<Product> products = new ArrayList<>(before.products().subList(0, 3));
        Product standard = products.get(1);
        products.set(1, new Product(standard.id(), standard.program(), "Standard Plus", standard.greenContent(),
                standard.localContent(), EnergyPrice.ofCentsPerKilowattHour("14.9999"), standard.termStart(),
                YearMonth.of(2028, 6), true, false));
        ProgramDefinition after = new ProgramDefinition(changed, products);

        database().programs().saveDefinition(after, new AuditNote("bob", "program.update", "name: ..."));

        assertThat(database().programs().definition(p.id())).contains(after);
        assertThat(database().programs().find(p.id()).orElseThrow().towns()).extracting(Town::name)
                .containsExactly("Northampton", "Amherst", "Leverett");
        assertThat(database().programs().product(p.id(), Fixtures.STANDARD).orElseThrow().price()
                .centsPerKilowattHour().toPlainString()).isEqualTo("14.9999");
        assertThat(database().audit().recent(p.id(), 10)).extracting(AuditLog.Entry::action)
                .containsExactly("program.update", "program.init");
    }

    @Test
    void aDefinitionSavedForANewIdCreatesTheProgram() {
        ProgramDefinition definition = valleyDefinition(freshProgramId(), 30);

        database().programs().saveDefinition(definition, new AuditNote("cli:demo", "program.init", "demo"));

        assertThat(database().programs().definition(definition.id())).contains(definition);
    }

    @Test
    void aTownOrProductWithAccountsIsNotRemovedAndNothingChanges() {
        ProgramDefinition before = valleyDefinition(freshProgramId(), 30);
        database().programs().createDefinition(before, new AuditNote("alice", "program.init", "created"));
        storeValleyAccounts(before.id());
        Program p = before.program();
        ProgramDefinition after = new ProgramDefinition(new Program(p.id(), "Renamed", p.leadTown(),
                p.towns().subList(0, 2), p.launchDate(), p.contact(), 30), before.products().subList(0, 3));

        assertThatThrownBy(() -> database().programs().saveDefinition(after,
                new AuditNote("bob", "program.update", "shrink")))
                .isInstanceOf(StoreException.class)
                .hasMessage("Could not save the definition of program " + p.id() + ": town Pelham cannot be removed: it"
                        + " has 1 account (a renamed town counts as removed); keep it in the file; product local-green"
                        + " cannot be removed: 1 account is on it; keep it in the file");
        assertThat(database().programs().definition(p.id())).contains(before);
        assertThat(database().audit().recent(p.id(), 10)).extracting(AuditLog.Entry::action)
                .containsExactly("program.init");
    }

    @Test
    void accountsAreCountedByTownAndProduct() {
        ProgramDefinition definition = valleyDefinition(freshProgramId(), 30);
        database().programs().createDefinition(definition, new AuditNote("alice", "program.init", "created"));
        storeValleyAccounts(definition.id());

        AccountCounts counts = database().programs().accountCounts(definition.id());

        assertThat(counts.byTown()).isEqualTo(Map.of("Amherst", 2L, "Northampton", 2L, "Pelham", 1L));
        assertThat(counts.byProduct()).isEqualTo(Map.of(Fixtures.STANDARD, 1L, Fixtures.GREEN_100, 1L,
                Fixtures.LOCAL_GREEN, 1L));
        assertThat(database().programs().accountCounts(freshProgramId())).isEqualTo(AccountCounts.NONE);
        assertThat(database().programs().definition(freshProgramId())).isEmpty();
    }

    @Test
    void aProgramSavedOnItsOwnKeepsItsContactAndWindow() {
        Program valley = Fixtures.valleyDefinition().program();
        Program program = new Program(freshProgramId(), valley.name(), valley.leadTown(), valley.towns(),
                valley.launchDate(), valley.contact(), 21);

        database().programs().save(program);

        assertThat(database().programs().find(program.id())).contains(program);
        Program withoutContact = new Program(program.id(), valley.name(), valley.leadTown(), valley.towns(),
                valley.launchDate());
        database().programs().save(withoutContact);
        assertThat(database().programs().find(program.id())).contains(withoutContact);
    }

    @Test
    void anAccountIsFoundByItsNumberAsACustomerTypesItWithoutDashes() {
        Program program = saveValleyProgram();
        database().programs().saveProducts(productsIn(program.id()));
        Account bob = Fixtures.valleyAccounts().get(1);
        AccountId id = database().accounts().assignIds(program.id(), List.of(key(Utility.EVERSOURCE_WMA,
                "5401-234-5679"))).get(0);
        database().accounts().upsert(List.of(with(with(bob, id, program.id()), id,
                new UtilityAccountNumber("5401-234-5679"))));

        assertThat(database().accounts().findByNumberKey(program.id(), "54012345679")).extracting(Account::id)
                .containsExactly(id);
        assertThat(database().accounts().findByNumberKey(program.id(), "5401234567")).isEmpty();
        assertThat(database().accounts().findByNumberKey(saveValleyProgram().id(), "54012345679")).isEmpty();
    }

    // ---------------------------------------------------------------- account ids

    @Test
    void theSameUtilityAccountNumberAlwaysGetsTheSameId() {
        Program program = saveValleyProgram();
        AccountStore.Key alice = key(Utility.EVERSOURCE_WMA, "54012345678");
        AccountStore.Key carol = key(Utility.NATIONAL_GRID_MA, "8123456789");

        List<AccountId> first = database().accounts().assignIds(program.id(), List.of(alice, carol, alice));
        List<AccountId> again = database().accounts().assignIds(program.id(), List.of(carol, alice));

        assertThat(first.get(0)).isEqualTo(first.get(2)).isNotEqualTo(first.get(1));
        assertThat(again).containsExactly(first.get(1), first.get(0));
        assertThat(first.get(1).value()).as("new ids follow the order of the list").isGreaterThan(first.get(0).value());
    }

    @Test
    void newNumbersGetNewIdsAndTheSameNumberAtAnotherUtilityIsAnotherAccount() {
        Program program = saveValleyProgram();
        List<AccountId> existing = database().accounts().assignIds(program.id(),
                List.of(key(Utility.EVERSOURCE_WMA, "1111")));

        List<AccountId> next = database().accounts().assignIds(program.id(), List.of(
                key(Utility.EVERSOURCE_WMA, "1111"), key(Utility.EVERSOURCE_WMA, "2222"),
                key(Utility.NATIONAL_GRID_MA, "1111")));

        assertThat(next.get(0)).isEqualTo(existing.get(0));
        assertThat(next).doesNotHaveDuplicates();
    }

    @Test
    void anIdKeepsItsNumberOnceTheAccountIsStored() {
        Program program = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());
        Account alice = accounts.get(0);

        assertThat(database().accounts().assignIds(program.id(), List.of(key(alice.utility(), alice.number().value()))))
                .containsExactly(alice.id());
        Account impostor = with(alice, alice.id(), new UtilityAccountNumber("99999999"));
        assertThatThrownBy(() -> database().accounts().upsert(List.of(impostor)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("reserved for another utility account number");
        assertThat(database().accounts().find(alice.id())).contains(alice);
    }

    @Test
    void idsGivenBeyondTheSequenceAreNotHandedOutAgain() {
        Program program = saveValleyProgram();
        database().programs().saveProducts(productsIn(program.id()));
        long beyond = database().accounts().assignIds(program.id(), List.of(key(Utility.EVERSOURCE_WMA, "5555")))
                .get(0).value() + 1_000;
        Account given = with(Fixtures.valleyAccounts().get(0), new AccountId(beyond), program.id());

        database().accounts().upsert(List.of(given));
        AccountId next = database().accounts().assignIds(program.id(), List.of(key(Utility.EVERSOURCE_WMA, "6666")))
                .get(0);

        assertThat(next.value()).isGreaterThan(beyond);
    }

    // ---------------------------------------------------------------- accounts

    @Test
    void storedAccountsAreFoundByIdAndByUtilityAccountNumber() {
        Program program = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());

        for (Account a : accounts) {
            assertThat(database().accounts().find(a.id())).contains(a);
            assertThat(database().accounts().find(program.id(), a.utility(), a.number())).contains(a);
        }
        assertThat(database().accounts().find(program.id(), Utility.NATIONAL_GRID_MA,
                accounts.get(0).number())).as("Alice's number at the other utility").isEmpty();
    }

    @Test
    void upsertingAgainReplacesChangedAccountsAndKeepsTheOthers() {
        Program program = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());
        Account bob = accounts.get(1);
        Account bobEnrolled = new Account(bob.id(), bob.program(), bob.number(), bob.utility(), bob.town(),
                bob.rateClass(), "Robert Brennan", bob.serviceAddress(), SupplyStatus.PROGRAM,
                Optional.of(Fixtures.BASIC), true, false, bob.loadZone());

        database().accounts().upsert(List.of(accounts.get(0), bobEnrolled));

        assertThat(database().accounts().find(bob.id())).contains(bobEnrolled);
        assertThat(database().accounts().all(program.id())).containsExactly(accounts.get(0), bobEnrolled,
                accounts.get(2), accounts.get(3), accounts.get(4));
    }

    @Test
    void aMailingAddressIsStoredChangedAndRemovedAndEveryReadReturnsIt() {
        Program program = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());
        // Bob rents; his landlord's office gets his mail. The street has a comma and a second line.
        MailingAddress landlord = new MailingAddress("c/o Pioneer Property Mgmt, Suite 2\nPO Box 112", "Hadley",
                "MA", "01035-0112");
        Account bob = accounts.get(1).withMailingAddress(Optional.of(landlord));
        Account erin = accounts.get(4).withMailingAddress(Optional.of(new MailingAddress("9 Summer St", "Keene",
                "NH", "03431")));

        database().accounts().upsert(List.of(bob, erin));

        assertThat(database().accounts().find(bob.id())).contains(bob);
        assertThat(database().accounts().find(program.id(), bob.utility(), bob.number()).orElseThrow()
                .mailingAddress()).contains(landlord);
        assertThat(database().accounts().all(program.id())).containsExactly(accounts.get(0), bob, accounts.get(2),
                accounts.get(3), erin);
        assertThat(search(program, text("Brennan")).items()).containsExactly(bob);
        Map<AccountId, Account> found = database().accounts().inTransaction(program.id(),
                batch -> batch.find(List.of(bob.id(), accounts.get(0).id())));
        assertThat(found).containsEntry(bob.id(), bob).containsEntry(accounts.get(0).id(), accounts.get(0));

        Account bobMoved = bob.withMailingAddress(Optional.of(new MailingAddress("PO Box 7", "Amherst", "MA",
                "01004")));
        Account erinHome = erin.withMailingAddress(Optional.empty());
        database().accounts().inTransaction(program.id(), batch -> {
            batch.upsert(List.of(bobMoved, erinHome));
            return null;
        });

        assertThat(database().accounts().find(bob.id())).contains(bobMoved);
        assertThat(database().accounts().find(erin.id())).contains(accounts.get(4));
    }

    @Test
    void deletingAccountsAndProductsKeepsTheProgramAndItsHistory() {
        Program program = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());
        database().audit().append(program.id(), "cli:demo", "demo.build", "5 accounts");
        database().imports().record(program.id(), "customer-list", "a".repeat(64),
                new BatchReport("list.csv", 1, 1, List.of(), false), "alice");

        database().programs().deleteAccountsAndProducts(program.id());

        assertThat(database().programs().find(program.id())).contains(program);
        assertThat(database().accounts().count(program.id())).isZero();
        assertThat(database().accounts().find(accounts.get(0).id())).isEmpty();
        assertThat(database().programs().products(program.id())).isEmpty();
        assertThat(database().imports().find(program.id(), "customer-list", "a".repeat(64))).isEmpty();
        assertThat(database().audit().recent(program.id(), 10)).extracting(AuditLog.Entry::action)
                .containsExactly("demo.build");
        // The same accounts can be stored again, under the same ids.
        database().programs().saveProducts(Fixtures.valleyProducts().stream().map(p -> new Product(p.id(),
                program.id(), p.name(), p.greenContent(), p.localContent(), p.price(), p.termStart(), p.termEnd(),
                p.isDefault(), p.illustrative())).toList());
        database().accounts().upsert(accounts);
        assertThat(database().accounts().all(program.id())).containsExactlyElementsOf(accounts);
    }

    @Test
    void anAccountOnAProductTheProgramDoesNotOfferIsRefused() {
        Program program = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());
        Account alice = accounts.get(0);
        Account onUnknownProduct = new Account(alice.id(), alice.program(), alice.number(), alice.utility(),
                alice.town(), alice.rateClass(), alice.customerName(), alice.serviceAddress(), SupplyStatus.PROGRAM,
                Optional.of(new ProductId("no-such-product")), false, false, alice.loadZone());

        assertThatThrownBy(() -> database().accounts().upsert(List.of(onUnknownProduct)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a product its program does not offer");
        assertThat(database().accounts().find(alice.id())).contains(alice);
    }

    @Test
    void countAndAllSeeOnlyTheProgramsOwnAccounts() {
        Program program = saveValleyProgram();
        Program other = saveValleyProgram();
        List<Account> accounts = storeValleyAccounts(program.id());
        storeValleyAccounts(other.id());

        assertThat(database().accounts().count(program.id())).isEqualTo(5);
        assertThat(database().accounts().all(program.id())).containsExactlyElementsOf(accounts);
        assertThat(database().accounts().count(freshProgramId())).isZero();
    }

    @Test
    void searchMatchesANumberPrefixOrPartOfANameOrStreetIgnoringCase() {
        Program program = saveValleyProgram();
        List<Account> a = storeValleyAccounts(program.id());

        assertThat(names(search(program, text("540123")))).containsExactly("Alice Abbott", "Bob Brennan");
        assertThat(names(search(program, text("CHEN")))).containsExactly("Carol Chen");
        assertThat(names(search(program, text("main st")))).containsExactly("Main Street Deli");
        assertThat(names(search(program, text("  kellogg ")))).containsExactly("Alice Abbott");
        assertThat(search(program, text("12345")).total()).as("not a prefix of any number, in no name or street")
                .isZero();
        assertThat(search(program, text("%")).total()).as("wildcards are matched literally").isZero();
        assertThat(search(program, text("_")).total()).as("wildcards are matched literally").isZero();
        assertThat(search(program, AccountQuery.all()).items()).containsExactlyElementsOf(a);
    }

    @Test
    void searchFiltersByTownRateClassAndSupplyStatus() {
        Program program = saveValleyProgram();
        storeValleyAccounts(program.id());

        assertThat(names(search(program, new AccountQuery(Optional.empty(), Optional.of("northampton"),
                Optional.empty(), Optional.empty())))).containsExactly("Carol Chen", "Main Street Deli");
        assertThat(names(search(program, new AccountQuery(Optional.empty(), Optional.empty(),
                Optional.of(RateClass.R_1), Optional.empty())))).containsExactly("Alice Abbott", "Carol Chen");
        assertThat(names(search(program, new AccountQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(SupplyStatus.PROGRAM))))).containsExactly("Alice Abbott", "Carol Chen", "Erin Eastman");
        assertThat(names(search(program, new AccountQuery(Optional.of("a"), Optional.of("Amherst"),
                Optional.of(RateClass.R_2), Optional.of(SupplyStatus.BASIC_SERVICE))))).containsExactly("Bob Brennan");
    }

    @Test
    void searchPagesByIdAndCountsEveryMatch() {
        Program program = saveValleyProgram();
        List<Account> a = storeValleyAccounts(program.id());

        Page<Account> first = database().accounts().search(program.id(), AccountQuery.all(), 0, 2);
        Page<Account> last = database().accounts().search(program.id(), AccountQuery.all(), 2, 2);
        Page<Account> beyond = database().accounts().search(program.id(), AccountQuery.all(), 7, 2);

        assertThat(first.items()).containsExactly(a.get(0), a.get(1));
        assertThat(last.items()).containsExactly(a.get(4));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void aCustomerListOfTwentyEightThousandAccountsIsStoredInOneCall() {
        Program program = saveValleyProgram();
        database().programs().saveProducts(productsIn(program.id()));
        int n = 28_000;
        List<AccountStore.Key> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(key(i % 3 == 2 ? Utility.NATIONAL_GRID_MA : Utility.EVERSOURCE_WMA, String.format("7%010d", i)));
        }
        long started = System.nanoTime();
        List<AccountId> ids = database().accounts().assignIds(program.id(), keys);
        List<Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean onProgram = i % 10 != 0;
            String town = i % 3 == 2 ? "Northampton" : i % 3 == 1 ? "Pelham" : "Amherst";
            accounts.add(new Account(ids.get(i), program.id(), keys.get(i).number(), keys.get(i).utility(), town,
                    i % 7 == 0 ? RateClass.G_1 : RateClass.R_1, "Customer " + i,
                    new ServiceAddress(i + " Main St", town, "01002"),
                    onProgram ? SupplyStatus.PROGRAM : SupplyStatus.BASIC_SERVICE,
                    onProgram ? Optional.of(Fixtures.STANDARD) : Optional.empty(), i % 13 == 0, false, LoadZone.WCMA));
        }
        database().accounts().upsert(accounts);
        long stored = System.nanoTime();
        database().accounts().upsert(accounts);
        long storedAgain = System.nanoTime();
        System.out.printf("%d accounts: ids and first upsert %d ms, unchanged upsert %d ms%n", n,
                (stored - started) / 1_000_000, (storedAgain - stored) / 1_000_000);

        assertThat(database().accounts().count(program.id())).isEqualTo(n);
        assertThat(database().accounts().search(program.id(), new AccountQuery(Optional.empty(),
                Optional.of("Pelham"), Optional.of(RateClass.G_1), Optional.empty()), 0, 10).total())
                .isEqualTo(IntStream.range(0, n).filter(i -> i % 3 == 1 && i % 7 == 0).count());
        assertThat(database().accounts().find(ids.get(12_345))).contains(accounts.get(12_345));
    }

    // ---------------------------------------------------------------- one transaction for an import

    @Test
    void workThatFailsLeavesNoAccountsNoReservedIdsNoImportLogAndNoAuditEntry() {
        Program program = saveValleyProgram();
        database().programs().saveProducts(productsIn(program.id()));
        Account alice = Fixtures.valleyAccounts().get(0);
        String hash = "c".repeat(64);
        AccountId[] reservedInside = new AccountId[1];

        assertThatThrownBy(() -> database().accounts().inTransaction(program.id(), batch -> {
            reservedInside[0] = batch.assignIds(List.of(key(alice.utility(), alice.number().value()))).get(0);
            batch.upsert(List.of(with(alice, reservedInside[0], program.id())));
            batch.recordImport("customer-list", hash, new BatchReport("list.csv", 1, 1, List.of(), false), "alice");
            batch.audit("alice", "accounts.import", "list.csv");
            throw new IllegalStateException("the file ended in the middle of a row");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the file ended in the middle of a row");

        assertThat(database().accounts().count(program.id())).isZero();
        assertThat(database().accounts().find(program.id(), alice.utility(), alice.number())).isEmpty();
        assertThat(database().imports().find(program.id(), "customer-list", hash)).isEmpty();
        assertThat(database().audit().recent(program.id(), 10)).isEmpty();
        // Had the reservation survived, asking again would give the same id.
        assertThat(database().accounts().assignIds(program.id(), List.of(key(alice.utility(), alice.number().value()))))
                .doesNotContain(reservedInside[0]);
    }

    @Test
    void workThatSucceedsCommitsAccountsImportLogAndAuditTogether() {
        Program program = saveValleyProgram();
        List<Account> stored = storeValleyAccounts(program.id());
        Account alice = stored.get(0);
        Account newcomer = Fixtures.valleyAccounts().get(1);
        String hash = "d".repeat(64);

        List<AccountId> ids = database().accounts().inTransaction(program.id(), batch -> {
            List<AccountId> assigned = batch.assignIds(List.of(key(alice.utility(), alice.number().value()),
                    key(newcomer.utility(), "99990001")));
            Map<AccountId, Account> existing = batch.find(assigned);
            assertThat(existing).containsOnlyKeys(alice.id());
            assertThat(existing.get(alice.id())).isEqualTo(alice);
            batch.upsert(List.of(with(with(newcomer, assigned.get(1), program.id()), assigned.get(1),
                    new UtilityAccountNumber("99990001"))));
            assertThat(batch.recordImport("customer-list", hash, new BatchReport("list.csv", 2, 2, List.of(), false),
                    "alice")).isTrue();
            batch.audit("alice", "accounts.import", "list.csv: read 2");
            return assigned;
        });

        assertThat(ids.get(0)).isEqualTo(alice.id());
        assertThat(database().accounts().count(program.id())).isEqualTo(stored.size() + 1);
        assertThat(database().accounts().find(ids.get(1)).orElseThrow().number().value()).isEqualTo("99990001");
        assertThat(database().imports().find(program.id(), "customer-list", hash).orElseThrow().read()).isEqualTo(2);
        assertThat(database().audit().recent(program.id(), 10)).extracting(AuditLog.Entry::detail)
                .containsExactly("list.csv: read 2");
        boolean recordedAgain = database().accounts().inTransaction(program.id(), batch -> batch.recordImport(
                "customer-list", hash, new BatchReport("other.csv", 5, 5, List.of(), false), "bob"));
        assertThat(recordedAgain).as("the same file recorded twice").isFalse();
        assertThat(database().imports().find(program.id(), "customer-list", hash).orElseThrow().source())
                .isEqualTo("list.csv");
    }

    @Test
    void aBatchCannotBeUsedAfterItsTransactionOrForAnotherProgram() {
        Program program = saveValleyProgram();
        Program other = saveValleyProgram();
        database().programs().saveProducts(productsIn(other.id()));
        AccountStore.Batch kept = database().accounts().inTransaction(program.id(), batch -> batch);

        assertThatThrownBy(() -> kept.assignIds(List.of(key(Utility.EVERSOURCE_WMA, "1234"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended");
        Account foreign = with(Fixtures.valleyAccounts().get(0), new AccountId(1), other.id());
        assertThatThrownBy(() -> database().accounts().inTransaction(program.id(), batch -> {
            batch.upsert(List.of(foreign));
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to " + other.id());
    }

    // ---------------------------------------------------------------- users

    @Test
    void usersKeepTheirHashAndOneRolePerProgram() {
        Program valley = saveValleyProgram();
        Program other = saveValleyProgram();
        String name = "staff-" + UUID.randomUUID();

        database().users().saveUser(name, "$2a$10$first");
        database().users().grant(name, valley.id(), Role.VIEWER);
        database().users().grant(name, valley.id(), Role.STAFF);
        database().users().grant(name, other.id(), Role.ADMIN);
        database().users().saveUser(name, "$2a$10$second");

        UserStore.User user = database().users().find(name).orElseThrow();
        assertThat(user.passwordHash()).isEqualTo("$2a$10$second");
        assertThat(user.roleIn(valley.id())).contains(Role.STAFF);
        assertThat(user.roleIn(other.id())).contains(Role.ADMIN);
        assertThat(user.grants()).hasSize(2);
        assertThat(user.roleIn(freshProgramId())).isEmpty();
        assertThat(database().users().list()).contains(user);
        assertThat(database().users().find("nobody-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aRoleCannotBeGrantedToAnUnknownUser() {
        Program valley = saveValleyProgram();
        String name = "ghost-" + UUID.randomUUID();

        assertThatThrownBy(() -> database().users().grant(name, valley.id(), Role.ADMIN))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no user '" + name + "'");
    }

    @Test
    void usersAreListedByName() {
        String prefix = "list-" + UUID.randomUUID() + "-";
        database().users().saveUser(prefix + "b", "$2a$10$b");
        database().users().saveUser(prefix + "a", "$2a$10$a");

        assertThat(database().users().list()).extracting(UserStore.User::username)
                .filteredOn(u -> u.startsWith(prefix)).containsExactly(prefix + "a", prefix + "b");
    }

    @Test
    void userNamesAreCaseInsensitiveAndKeepTheirFirstSpelling() {
        Program valley = saveValleyProgram();
        String name = "Case-" + UUID.randomUUID();

        database().users().saveUser(name, "$2a$10$first", true);
        database().users().grant(name.toUpperCase(), valley.id(), Role.VIEWER);
        database().users().saveUser(name.toLowerCase(), "$2a$10$second", false);

        assertThat(database().users().list()).filteredOn(u -> u.username().equalsIgnoreCase(name))
                .singleElement().satisfies(u -> {
                    assertThat(u.username()).isEqualTo(name);
                    assertThat(u.passwordHash()).isEqualTo("$2a$10$second");
                    assertThat(u.roleIn(valley.id())).contains(Role.VIEWER);
                    assertThat(u.mustChangePassword()).isFalse();
                });
        assertThat(database().users().find(name.toUpperCase())).map(UserStore.User::username).contains(name);
    }

    @Test
    void aOneTimePasswordMustBeChangedAndChangingItClearsTheFlag() {
        String name = "otp-" + UUID.randomUUID();

        database().users().saveUser(name, "$2a$10$onetime", true);
        assertThat(database().users().find(name).orElseThrow().mustChangePassword()).isTrue();

        assertThat(database().users().changePassword(name.toUpperCase(), "$2a$10$chosen")).isTrue();
        UserStore.User user = database().users().find(name).orElseThrow();
        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.passwordHash()).isEqualTo("$2a$10$chosen");
        assertThat(database().users().changePassword("nobody-" + UUID.randomUUID(), "$2a$10$x")).isFalse();
    }

    @Test
    void disablingAUserEndsTheirSessionsAndResettingThePasswordEnablesThemAgain() {
        String name = "dis-" + UUID.randomUUID();
        database().users().saveUser(name, "$2a$10$a");
        Instant now = Instant.parse("2025-03-15T15:00:00Z");
        database().sessions().save(new ConsoleSessionStore.StoredSession(hex('1'), "csrf", name, now, now));

        assertThat(database().users().setDisabled(name.toUpperCase(), true)).isTrue();

        assertThat(database().users().find(name).orElseThrow().disabled()).isTrue();
        assertThat(database().sessions().find(hex('1'))).isEmpty();
        database().users().saveUser(name, "$2a$10$b", true);
        assertThat(database().users().find(name).orElseThrow().disabled()).isFalse();
        assertThat(database().users().setDisabled("nobody-" + UUID.randomUUID(), true)).isFalse();
    }

    @Test
    void removingAUserRemovesTheirGrantsAndSessions() {
        Program valley = saveValleyProgram();
        String name = "rm-" + UUID.randomUUID();
        database().users().saveUser(name, "$2a$10$a");
        database().users().grant(name, valley.id(), Role.STAFF);
        Instant now = Instant.parse("2025-03-15T15:00:00Z");
        database().sessions().save(new ConsoleSessionStore.StoredSession(hex('2'), "csrf", name, now, now));

        assertThat(database().users().remove(name.toUpperCase())).isTrue();

        assertThat(database().users().find(name)).isEmpty();
        assertThat(database().sessions().find(hex('2'))).isEmpty();
        assertThat(database().users().remove(name)).isFalse();
        database().users().saveUser(name, "$2a$10$again");
        assertThat(database().users().find(name).orElseThrow().grants()).as("no grant comes back").isEmpty();
    }

    // ---------------------------------------------------------------- console sessions

    @Test
    void aConsoleSessionIsFoundByItsHashTouchedAndDeleted() {
        String name = "sess-" + UUID.randomUUID();
        database().users().saveUser(name, "$2a$10$a");
        Instant started = Instant.parse("2025-03-15T15:00:00Z");
        var session = new ConsoleSessionStore.StoredSession(hex('3'), "token-3", name.toUpperCase(), started, started);

        database().sessions().save(session);
        database().sessions().touch(hex('3'), started.plusSeconds(90));

        assertThat(database().sessions().find(hex('3'))).contains(new ConsoleSessionStore.StoredSession(hex('3'),
                "token-3", name, started, started.plusSeconds(90)));
        database().sessions().touch(hex('3'), started.plusSeconds(30));
        assertThat(database().sessions().find(hex('3')).orElseThrow().lastSeen()).as("never moves back")
                .isEqualTo(started.plusSeconds(90));
        database().sessions().delete(hex('3'));
        assertThat(database().sessions().find(hex('3'))).isEmpty();
    }

    @Test
    void aSessionOfAnUnknownUserIsRefused() {
        Instant now = Instant.parse("2025-03-15T15:00:00Z");
        String name = "ghost-" + UUID.randomUUID();

        assertThatThrownBy(() -> database().sessions().save(
                new ConsoleSessionStore.StoredSession(hex('4'), "csrf", name, now, now)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void expiredSessionsArePurgedAndTheOthersKept() {
        String name = "exp-" + UUID.randomUUID();
        database().users().saveUser(name, "$2a$10$a");
        Instant t = Instant.parse("2025-03-15T15:00:00Z");
        // idle since 11:00, started 03:00, fresh
        database().sessions().save(new ConsoleSessionStore.StoredSession(hex('5'), "a", name, t.minusSeconds(7200),
                t.minusSeconds(3600)));
        database().sessions().save(new ConsoleSessionStore.StoredSession(hex('6'), "b", name,
                t.minusSeconds(13 * 3600), t.minusSeconds(60)));
        database().sessions().save(new ConsoleSessionStore.StoredSession(hex('7'), "c", name, t.minusSeconds(600),
                t.minusSeconds(60)));

        int purged = database().sessions().deleteExpired(t.minusSeconds(1800), t.minusSeconds(12 * 3600));

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(database().sessions().find(hex('5'))).isEmpty();
        assertThat(database().sessions().find(hex('6'))).isEmpty();
        assertThat(database().sessions().find(hex('7'))).isPresent();
        assertThat(database().sessions().deleteForUser(name.toUpperCase())).isEqualTo(1);
    }

    /** A distinct session-id hash per test run: the digit then random hex. */
    private final String runHex = UUID.randomUUID().toString().replace("-", "");

    private String hex(char digit) {
        return (digit + runHex + runHex).substring(0, 64);
    }

    // ---------------------------------------------------------------- import log

    @Test
    void anImportedFileIsRecognisedByItsHash() {
        Program program = saveValleyProgram();
        String hash = "ab".repeat(32);
        BatchReport report = new BatchReport("customers-2025-01.csv", 3, 2,
                List.of(new BatchReport.Rejection(3, "ZIP code must be 5 digits")), false);
        Instant before = Instant.now().minusSeconds(60);

        assertThat(database().imports().find(program.id(), "customer-list", hash)).isEmpty();
        database().imports().record(program.id(), "customer-list", hash, report, "alice");

        ImportLog.Entry entry = database().imports().find(program.id(), "customer-list", hash.toUpperCase())
                .orElseThrow();
        assertThat(entry.source()).isEqualTo("customers-2025-01.csv");
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(List.of(entry.read(), entry.accepted(), entry.rejected())).containsExactly(3, 2, 1);
        assertThat(entry.importedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(60));
        assertThat(database().imports().find(program.id(), "green-button", hash)).as("another kind").isEmpty();
        assertThat(database().imports().find(saveValleyProgram().id(), "customer-list", hash)).as("another program")
                .isEmpty();
    }

    @Test
    void recordingTheSameFileAgainKeepsTheFirstEntry() {
        Program program = saveValleyProgram();
        String hash = "0123456789abcdef".repeat(4);
        database().imports().record(program.id(), "edi-867", hash, new BatchReport("a.x12", 10, 10, List.of(), false),
                "alice");

        database().imports().record(program.id(), "edi-867", hash, new BatchReport("b.x12", 10, 10, List.of(), true),
                "bob");

        ImportLog.Entry entry = database().imports().find(program.id(), "edi-867", hash).orElseThrow();
        assertThat(entry.source()).isEqualTo("a.x12");
        assertThat(entry.actor()).isEqualTo("alice");
    }

    @Test
    void aHashMustBeSixtyFourHexDigits() {
        Program program = saveValleyProgram();

        assertThatThrownBy(() -> database().imports().find(program.id(), "customer-list", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hexadecimal digits");
    }

    // ---------------------------------------------------------------- audit log

    @Test
    void theAuditLogShowsTheLatestEntriesNewestFirst() {
        Program program = saveValleyProgram();
        Program other = saveValleyProgram();
        database().audit().append(program.id(), "alice", "product.price", "standard 14.450 -> 14.550");
        database().audit().append(other.id(), "carol", "user.grant", "dave ADMIN");
        database().audit().append(program.id(), "bob", "account.opt-out", "54012345679");
        database().audit().append(program.id(), "alice", "notice.mail", null);

        List<AuditLog.Entry> recent = database().audit().recent(program.id(), 2);

        assertThat(recent).extracting(AuditLog.Entry::action).containsExactly("notice.mail", "account.opt-out");
        assertThat(recent.get(0).detail()).isEmpty();
        assertThat(recent.get(0).at()).isAfterOrEqualTo(recent.get(1).at());
        assertThat(database().audit().recent(program.id(), 10)).hasSize(3);
        assertThat(database().audit().recent(other.id(), 10)).extracting(AuditLog.Entry::actor).containsExactly("carol");
    }

    @Test
    void auditEntriesCannotBeChangedOrRemoved() {
        Program program = saveValleyProgram();
        database().audit().append(program.id(), "alice", "product.price", "standard 14.450 -> 14.550");

        assertThatThrownBy(() -> database().jdbi().useHandle(h -> h.createUpdate(
                "UPDATE audit_log SET actor = 'mallory' WHERE program_id = :p").bind("p", program.id().value()).execute()))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database().jdbi().useHandle(h -> h.createUpdate(
                "DELETE FROM audit_log WHERE program_id = :p").bind("p", program.id().value()).execute()))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("append-only");
        assertThat(database().audit().recent(program.id(), 10)).extracting(AuditLog.Entry::actor)
                .containsExactly("alice");
    }

    // ---------------------------------------------------------------- helpers

    /** Saves the canonical Valley Green Energy program under a fresh id. */
    protected Program saveValleyProgram() {
        Program valley = Fixtures.valleyProgram();
        Program program = new Program(freshProgramId(), valley.name(), valley.leadTown(), valley.towns(),
                valley.launchDate());
        database().programs().save(program);
        return program;
    }

    /** Stores the canonical accounts (with the products they use) in the program, with ids it assigns. */
    protected List<Account> storeValleyAccounts(ProgramId program) {
        database().programs().saveProducts(productsIn(program));
        List<Account> fixtures = Fixtures.valleyAccounts();
        List<AccountStore.Key> keys = fixtures.stream().map(a -> new AccountStore.Key(a.utility(), a.number())).toList();
        List<AccountId> ids = database().accounts().assignIds(program, keys);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            accounts.add(with(fixtures.get(i), ids.get(i), program));
        }
        database().accounts().upsert(accounts);
        return accounts;
    }

    protected static List<Product> productsIn(ProgramId program) {
        return Fixtures.valleyProducts().stream().map(p -> new Product(p.id(), program, p.name(), p.greenContent(),
                p.localContent(), p.price(), p.termStart(), p.termEnd(), p.isDefault(), p.illustrative())).toList();
    }

    /** The canonical definition (contact, towns, products) under {@code id}, with {@code window} days. */
    protected static ProgramDefinition valleyDefinition(ProgramId id, int window) {
        Program v = Fixtures.valleyDefinition().program();
        return new ProgramDefinition(new Program(id, v.name(), v.leadTown(), v.towns(), v.launchDate(), v.contact(),
                window), productsIn(id));
    }

    protected static ProgramId freshProgramId() {
        return new ProgramId("test-" + UUID.randomUUID().toString().substring(0, 13));
    }

    private static Account with(Account a, AccountId id, ProgramId program) {
        return new Account(id, program, a.number(), a.utility(), a.town(), a.rateClass(), a.customerName(),
                a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone(),
                a.mailingAddress());
    }

    private static Account with(Account a, AccountId id, UtilityAccountNumber number) {
        return new Account(id, a.program(), number, a.utility(), a.town(), a.rateClass(), a.customerName(),
                a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone(),
                a.mailingAddress());
    }

    private static AccountStore.Key key(Utility utility, String number) {
        return new AccountStore.Key(utility, new UtilityAccountNumber(number));
    }

    private Page<Account> search(Program program, AccountQuery query) {
        return database().accounts().search(program.id(), query, 0, 50);
    }

    private static AccountQuery text(String text) {
        return new AccountQuery(Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<String> names(Page<Account> page) {
        return page.items().stream().map(Account::customerName).toList();
    }
}
