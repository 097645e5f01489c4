package org.opencce.store.pg;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencce.store.Database;
import org.opencce.store.EdiStoreContractTest;
import org.opencce.store.SharedEmbeddedDatabase;

/** The EDI exchange store contract on the embedded PostgreSQL, the zero-setup default. */
@ExtendWith(SharedEmbeddedDatabase.class)
class EmbeddedEdiStoreContractTest extends EdiStoreContractTest {
    private static Database database;

    @BeforeAll
    static void connect(Database shared) {
        database = shared;
    }

    @Override
    protected Database database() {
        return database;
    }
}
