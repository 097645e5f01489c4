package org.opencce.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.AccountStore;
import org.opencce.store.Database;
import org.opencce.store.SharedEmbeddedDatabase;

/**
 * The database itself refuses half a mailing address or a malformed state or ZIP code (migration V4),
 * so that no other writer (a restore, a hand-made fix) can store a row the application cannot read.
 */
@ExtendWith(SharedEmbeddedDatabase.class)
class MailingAddressConstraintTest {

    @Test
    void onlyAllFourMailingColumnsOrNoneWithAValidStateAndZipAreStored(Database database) {
        ProgramId program = new ProgramId("test-" + UUID.randomUUID().toString().substring(0, 13));
        Program valley = Fixtures.valleyProgram();
        database.programs().save(new Program(program, valley.name(), valley.leadTown(), valley.towns(),
                valley.launchDate()));
        Account bob = Fixtures.valleyAccounts().get(1);
        AccountId id = database.accounts().assignIds(program, List.of(new AccountStore.Key(bob.utility(),
                bob.number()))).get(0);
        database.accounts().upsert(List.of(new Account(id, program, bob.number(), bob.utility(), bob.town(),
                bob.rateClass(), bob.customerName(), bob.serviceAddress(), bob.supplyStatus(), bob.product(),
                bob.lowIncome(), bob.netMetered(), bob.loadZone())));

        try (Handle h = database.jdbi().open()) {
            String set = "UPDATE accounts SET (mailing_street, mailing_city, mailing_state, mailing_zip) = ";
            String where = " WHERE id = " + id.value();
            assertThatThrownBy(() -> h.execute(set + "('PO Box 1', NULL, 'MA', '01035')" + where))
                    .hasMessageContaining("accounts_mailing_address_all_or_none");
            assertThatThrownBy(() -> h.execute(set + "(' ', 'Hadley', 'MA', '01035')" + where))
                    .hasMessageContaining("accounts_mailing_address_all_or_none");
            assertThatThrownBy(() -> h.execute(set + "('PO Box 1', 'Hadley', 'ma', '01035')" + where))
                    .hasMessageContaining("mailing_state");
            assertThatThrownBy(() -> h.execute(set + "('PO Box 1', 'Hadley', 'MA', '1035')" + where))
                    .hasMessageContaining("mailing_zip");
            assertThat(h.execute(set + "('PO Box 1', 'Hadley', 'MA', '01035-0112')" + where)).isEqualTo(1);
        }
        assertThat(database.accounts().find(id).orElseThrow().noticeAddress().lines())
                .containsExactly("PO Box 1", "Hadley MA 01035-0112");
    }
}
