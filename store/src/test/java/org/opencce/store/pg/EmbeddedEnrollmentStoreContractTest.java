package org.opencce.store.pg;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencce.store.Database;
import org.opencce.store.EnrollmentStoreContractTest;
import org.opencce.store.SharedEmbeddedDatabase;

/** The enrollment store contract on the embedded PostgreSQL, the zero-setup default. */
@ExtendWith(SharedEmbeddedDatabase.class)
class EmbeddedEnrollmentStoreContractTest extends EnrollmentStoreContractTest {
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
