package org.opencce.store.pg;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.StoreContractTest;

/**
 * The store contract on an external PostgreSQL server, as production runs it. Runs when
 * {@code OPENCCE_TEST_DB_URL} names a database the tests may write to (with
 * {@code OPENCCE_TEST_DB_USER} and {@code OPENCCE_TEST_DB_PASSWORD} unless the URL carries them);
 * the tests leave their records there under program ids of their own ({@code test-...}).
 */
@EnabledIfEnvironmentVariable(named = "OPENCCE_TEST_DB_URL", matches = ".+",
        disabledReason = "no external PostgreSQL: set OPENCCE_TEST_DB_URL=jdbc:postgresql://host:5432/db"
                + " (and OPENCCE_TEST_DB_USER, OPENCCE_TEST_DB_PASSWORD) to run the store contract against it")
class ExternalStoreContractTest extends StoreContractTest {
    private static Database database;

    @BeforeAll
    static void connect() {
        database = Database.open(DatabaseSettings.external(System.getenv("OPENCCE_TEST_DB_URL"),
                System.getenv("OPENCCE_TEST_DB_USER"), System.getenv("OPENCCE_TEST_DB_PASSWORD")));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected Database database() {
        return database;
    }
}
