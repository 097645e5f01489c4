package org.opencce.store.pg;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;
import org.opencce.store.ProgramStore;
import org.opencce.store.StoreException;

/**
 * Programs with their towns, and products, in the {@code programs}, {@code towns} and
 * {@code products} tables. Product prices are kept exactly ({@code numeric} cents per kWh); the term
 * months are stored as their first days. Thread-safe: every call takes its own handle from the pool.
 */
public final class PgProgramStore implements ProgramStore {
    private static final String PROGRAM_COLUMNS = "id, name, lead_town, launch_date";
    private static final String TOWN_COLUMNS = "program_id, name, utility, load_zone, population";
    private static final String PRODUCT_COLUMNS = "program_id, id, name, green_kind, green_value, local_percent,"
            + " price_cents_per_kwh, term_start, term_end, is_default, illustrative";

    private final Jdbi jdbi;

    public PgProgramStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void save(Program program) {
        Sql.inTransaction(jdbi, "save program " + program.id(), h -> {
            h.createUpdate("INSERT INTO programs (" + PROGRAM_COLUMNS + ") VALUES (:id, :name, :leadTown, :launch)"
                    + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, lead_town = EXCLUDED.lead_town,"
                    + " launch_date = EXCLUDED.launch_date")
                    .bind("id", program.id().value())
                    .bind("name", program.name())
                    .bind("leadTown", program.leadTown())
                    .bind("launch", program.launchDate())
                    .execute();
            h.createUpdate("DELETE FROM towns WHERE program_id = :program").bind("program", program.id().value())
                    .execute();
            PreparedBatch towns = h.prepareBatch("INSERT INTO towns (" + TOWN_COLUMNS + ", position)"
                    + " VALUES (:program, :name, :utility, :zone, :population, :position)");
            int position = 0;
            for (Town town : program.towns()) {
                towns.bind("program", program.id().value())
                        .bind("name", town.name())
                        .bind("utility", town.utility().name())
                        .bind("zone", town.loadZone().name())
                        .bind("population", town.population())
                        .bind("position", position++)
                        .add();
            }
            towns.execute();
            return null;
        });
    }

    @Override
    public Optional<Program> find(ProgramId id) {
        return Sql.withHandle(jdbi, "read program " + id, h -> programs(h, id).stream().findFirst());
    }

    @Override
    public List<Program> list() {
        return Sql.withHandle(jdbi, "list the programs", h -> programs(h, null));
    }

    /** The programs ordered by id: all of them, or the one with {@code only}. */
    private static List<Program> programs(Handle h, ProgramId only) {
        Query towns = h.createQuery("SELECT " + TOWN_COLUMNS + " FROM towns"
                + (only == null ? "" : " WHERE program_id = :id") + " ORDER BY program_id, position");
        Query programs = h.createQuery("SELECT " + PROGRAM_COLUMNS + " FROM programs"
                + (only == null ? "" : " WHERE id = :id") + " ORDER BY id");
        if (only != null) {
            towns.bind("id", only.value());
            programs.bind("id", only.value());
        }
        Map<String, List<Town>> townsByProgram = new HashMap<>();
        towns.map((rs, ctx) -> Map.entry(rs.getString("program_id"), town(rs)))
                .forEach(e -> townsByProgram.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return programs.map((rs, ctx) -> new Program(new ProgramId(rs.getString("id")), rs.getString("name"),
                        rs.getString("lead_town"), townsByProgram.getOrDefault(rs.getString("id"), List.of()),
                        rs.getObject("launch_date", LocalDate.class)))
                .list();
    }

    private static Town town(ResultSet rs) throws SQLException {
        return new Town(rs.getString("name"), Utility.valueOf(rs.getString("utility")),
                LoadZone.valueOf(rs.getString("load_zone")), rs.getInt("population"));
    }

    @Override
    public void saveProducts(List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("INSERT INTO products (" + PRODUCT_COLUMNS + ") VALUES (:program,"
                        + " :id, :name, :greenKind, :greenValue, :localPercent, :price, :termStart, :termEnd,"
                        + " :isDefault, :illustrative) ON CONFLICT (program_id, id) DO UPDATE SET name = EXCLUDED.name,"
                        + " green_kind = EXCLUDED.green_kind, green_value = EXCLUDED.green_value,"
                        + " local_percent = EXCLUDED.local_percent, price_cents_per_kwh = EXCLUDED.price_cents_per_kwh,"
                        + " term_start = EXCLUDED.term_start, term_end = EXCLUDED.term_end,"
                        + " is_default = EXCLUDED.is_default, illustrative = EXCLUDED.illustrative");
                for (Product p : products) {
                    batch.bind("program", p.program().value())
                            .bind("id", p.id().value())
                            .bind("name", p.name())
                            .bind("greenKind", greenKind(p.greenContent()))
                            .bind("greenValue", greenValue(p.greenContent()))
                            .bind("localPercent", p.localContent().value())
                            .bind("price", p.price().centsPerKilowattHour())
                            .bind("termStart", p.termStart().atDay(1))
                            .bind("termEnd", p.termEnd().atDay(1))
                            .bind("isDefault", p.isDefault())
                            .bind("illustrative", p.illustrative())
                            .add();
                }
                batch.execute();
            });
        } catch (JdbiException e) {
            if (Sql.violated(e, Sql.FOREIGN_KEY_VIOLATION).isPresent()) {
                throw new StoreException("Could not save products: their program is not saved ("
                        + products.stream().map(p -> p.program().value()).distinct().toList()
                        + "); save the program first", e);
            }
            throw Sql.failure("save products", e);
        }
    }

    /** The program's products, cheapest first (then by id). */
    @Override
    public List<Product> products(ProgramId program) {
        return Sql.withHandle(jdbi, "read the products of " + program, h -> h.createQuery(
                "SELECT " + PRODUCT_COLUMNS + " FROM products WHERE program_id = :program"
                        + " ORDER BY price_cents_per_kwh, id")
                .bind("program", program.value())
                .map((rs, ctx) -> product(rs))
                .list());
    }

    @Override
    public Optional<Product> product(ProgramId program, ProductId id) {
        return Sql.withHandle(jdbi, "read product " + id + " of " + program, h -> h.createQuery(
                "SELECT " + PRODUCT_COLUMNS + " FROM products WHERE program_id = :program AND id = :id")
                .bind("program", program.value())
                .bind("id", id.value())
                .map((rs, ctx) -> product(rs))
                .findOne());
    }

    private static Product product(ResultSet rs) throws SQLException {
        BigDecimal cents = rs.getBigDecimal("price_cents_per_kwh");
        return new Product(new ProductId(rs.getString("id")), new ProgramId(rs.getString("program_id")),
                rs.getString("name"), greenContent(rs.getString("green_kind"), rs.getObject("green_value", Double.class)),
                Percent.of(rs.getDouble("local_percent")), EnergyPrice.ofCentsPerKilowattHour(cents),
                YearMonth.from(rs.getObject("term_start", LocalDate.class)),
                YearMonth.from(rs.getObject("term_end", LocalDate.class)),
                rs.getBoolean("is_default"), rs.getBoolean("illustrative"));
    }

    private static String greenKind(GreenContent content) {
        if (content instanceof GreenContent.MinimumPlus) {
            return "MINIMUM_PLUS";
        }
        if (content instanceof GreenContent.Absolute) {
            return "ABSOLUTE";
        }
        return "STATE_MINIMUM";
    }

    private static Double greenValue(GreenContent content) {
        if (content instanceof GreenContent.MinimumPlus) {
            return ((GreenContent.MinimumPlus) content).points();
        }
        if (content instanceof GreenContent.Absolute) {
            return ((GreenContent.Absolute) content).percent().value();
        }
        return null;
    }

    private static GreenContent greenContent(String kind, Double value) {
        switch (kind) {
            case "MINIMUM_PLUS":
                return new GreenContent.MinimumPlus(value);
            case "ABSOLUTE":
                return new GreenContent.Absolute(Percent.of(value));
            case "STATE_MINIMUM":
                return new GreenContent.StateMinimum();
            default:
                throw new StoreException("Unknown green content kind '" + kind + "' in the products table");
        }
    }

    @Override
    public void deleteAccountsAndProducts(ProgramId program) {
        Sql.inTransaction(jdbi, "delete the accounts and products of program " + program, h -> {
            // The enrollment history is append-only; erasing a whole program's accounts is the one deletion
            // its trigger lets through, and only for this program and this transaction (migration V5).
            h.createQuery("SELECT set_config('opencce.erase_program', :program, true)")
                    .bind("program", program.value()).mapTo(String.class).one();
            for (String table : new String[] {"enrollments", "enrollment_events", "accounts", "account_ids", "products",
                "import_log"}) {
                h.createUpdate("DELETE FROM " + table + " WHERE program_id = :program")
                        .bind("program", program.value()).execute();
            }
            return null;
        });
    }
}
