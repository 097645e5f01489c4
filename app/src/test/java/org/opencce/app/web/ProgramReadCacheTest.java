package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.Product;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;

/**
 * What the site shows of the program when the program changes: a change made through another process
 * (straight in the store here) within 5 seconds, one made through the web app's own store at once, and
 * a program loaded after the site started as soon as it is there.
 */
class ProgramReadCacheTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path folder;
    private Database db;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private ProgramReadCache cache;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(folder.resolve("db")));
        cache = new ProgramReadCache(db.programs(), now::get);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aProgramRenamedElsewhereShowsItsNewNameOnceFiveSecondsHavePassed() {
        db.programs().save(Fixtures.valleyProgram());
        assertThat(cache.find(Fixtures.VALLEY).orElseThrow().name()).isEqualTo("Valley Green Energy");

        db.programs().save(renamed("Valley Community Power"));
        now.addAndGet(4 * SECOND);
        assertThat(cache.find(Fixtures.VALLEY).orElseThrow().name()).as("4 s later").isEqualTo("Valley Green Energy");
        now.addAndGet(SECOND);
        assertThat(cache.find(Fixtures.VALLEY).orElseThrow().name()).as("5 s later")
                .isEqualTo("Valley Community Power");
    }

    @Test
    void productsChangedElsewhereShowAfterFiveSecondsAndChangedThroughTheCacheAtOnce() {
        db.programs().save(Fixtures.valleyProgram());
        assertThat(cache.products(Fixtures.VALLEY)).isEmpty();

        db.programs().saveProducts(Fixtures.valleyProducts());
        assertThat(cache.products(Fixtures.VALLEY)).as("within 5 s").isEmpty();
        now.addAndGet(5 * SECOND);
        assertThat(cache.products(Fixtures.VALLEY)).extracting(Product::id)
                .containsExactlyInAnyOrderElementsOf(Fixtures.valleyProducts().stream().map(Product::id).toList());

        cache.save(renamed("Valley Community Power"));
        assertThat(cache.find(Fixtures.VALLEY).orElseThrow().name()).as("at once").isEqualTo("Valley Community Power");
    }

    @Test
    void aProgramLoadedAfterTheSiteStartedShowsAtOnce() {
        assertThat(cache.find(Fixtures.VALLEY)).isEmpty();
        db.programs().save(Fixtures.valleyProgram());
        assertThat(cache.find(Fixtures.VALLEY)).isPresent();
    }

    private static Program renamed(String name) {
        Program p = Fixtures.valleyProgram();
        return new Program(p.id(), name, p.leadTown(), p.towns(), p.launchDate(), p.contact(), p.optOutWindowDays());
    }
}
