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
import org.opencce.domain.community.AccountCounts;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.PostalAddress;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.ProgramUpdate;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;
import org.opencce.store.ProgramStore;
import org.opencce.store.ProgramStore.AuditNote;
import org.opencce.store.StoreException;

/**
 * Programs with their contact, opt-out window and towns, and products, in the {@code programs},
 * {@code towns} and {@code products} tables. Product prices are kept exactly ({@code numeric} cents per
 * kWh); the term months are stored as their first days. A definition is saved in one transaction with
 * its audit note, after the program's row is locked ({@code FOR UPDATE}), so that concurrent updates of
 * one program apply one after the other. Thread-safe: every call takes its own handle from the pool.
 */
public final class PgProgramStore implements ProgramStore {
    private static final String PROGRAM_COLUMNS = "id, name, lead_town, launch_date, contact_phone, contact_email,"
            + " contact_web, return_street, return_city, return_state, return_zip, opt_out_window_days";
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
            saveProgram(h, program);
            return null;
        });
    }

    @Override
    public void createDefinition(ProgramDefinition definition, AuditNote note) {
        ProgramId id = definition.id();
        try {
            jdbi.useTransaction(h -> {
                refuseIf(ProgramUpdate.decideNew(definition), id);
                int inserted = h.createUpdate("INSERT INTO programs (id, name, lead_town, launch_date)"
                        + " VALUES (:id, :name, :leadTown, :launch) ON CONFLICT (id) DO NOTHING")
                        .bind("id", id.value())
                        .bind("name", definition.program().name())
                        .bind("leadTown", definition.program().leadTown())
                        .bind("launch", definition.program().launchDate())
                        .execute();
                if (inserted == 0) {
                    throw new StoreException("Could not create program " + id + ": a program with this id exists"
                            + " already; change it with an update instead");
                }
                saveDefinition(h, definition, note);
            });
        } catch (JdbiException e) {
            throw Sql.failure("create program " + id, e);
        }
    }

    @Override
    public void saveDefinition(ProgramDefinition definition, AuditNote note) {
        ProgramId id = definition.id();
        try {
            jdbi.useTransaction(h -> {
                // Taken first, so that two updates of one program apply one after the other, each
                // checked against what the other left.
                Optional<Program> current = h.createQuery("SELECT id FROM programs WHERE id = :id FOR UPDATE")
                        .bind("id", id.value()).mapTo(String.class).findOne()
                        .flatMap(found -> programs(h, id).stream().findFirst());
                refuseIf(current.isEmpty() ? ProgramUpdate.decideNew(definition)
                        : ProgramUpdate.decide(new ProgramDefinition(current.get(), products(h, id)), definition,
                                accountCounts(h, id)), id);
                saveDefinition(h, definition, note);
            });
        } catch (JdbiException e) {
            throw Sql.failure("save the definition of program " + id, e);
        }
    }

    private static void refuseIf(ProgramUpdate.Decision decision, ProgramId id) {
        if (decision instanceof ProgramUpdate.Refused) {
            throw new StoreException("Could not save the definition of program " + id + ": "
                    + String.join("; ", ((ProgramUpdate.Refused) decision).reasons()));
        }
    }

    /** The program, its towns and products, and the audit note, on {@code h} (in its transaction). */
    private static void saveDefinition(Handle h, ProgramDefinition definition, AuditNote note) {
        ProgramId id = definition.id();
        saveProgram(h, definition.program());
        List<String> kept = definition.products().stream().map(p -> p.id().value()).toList();
        h.createUpdate("DELETE FROM products WHERE program_id = :program AND NOT (id = ANY(:kept))")
                .bind("program", id.value())
                .bindArray("kept", String.class, kept)
                .execute();
        upsertProducts(h, definition.products());
        PgAuditLog.append(h, id, note.actor(), note.action(), note.detail());
    }

    /** The program's row and its towns: towns left out are removed, the others updated in place. */
    private static void saveProgram(Handle h, Program program) {
        Optional<ProgramContact> contact = program.contact();
        h.createUpdate("INSERT INTO programs (" + PROGRAM_COLUMNS + ") VALUES (:id, :name, :leadTown, :launch,"
                + " :phone, :email, :web, :street, :city, :state, :zip, :window)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, lead_town = EXCLUDED.lead_town,"
                + " launch_date = EXCLUDED.launch_date, contact_phone = EXCLUDED.contact_phone,"
                + " contact_email = EXCLUDED.contact_email, contact_web = EXCLUDED.contact_web,"
                + " return_street = EXCLUDED.return_street, return_city = EXCLUDED.return_city,"
                + " return_state = EXCLUDED.return_state, return_zip = EXCLUDED.return_zip,"
                + " opt_out_window_days = EXCLUDED.opt_out_window_days")
                .bind("id", program.id().value())
                .bind("name", program.name())
                .bind("leadTown", program.leadTown())
                .bind("launch", program.launchDate())
                .bind("phone", contact.map(ProgramContact::phone).orElse(null))
                .bind("email", contact.map(ProgramContact::email).orElse(null))
                .bind("web", contact.map(ProgramContact::web).orElse(null))
                .bind("street", contact.map(c -> c.returnAddress().street()).orElse(null))
                .bind("city", contact.map(c -> c.returnAddress().city()).orElse(null))
                .bind("state", contact.map(c -> c.returnAddress().state()).orElse(null))
                .bind("zip", contact.map(c -> c.returnAddress().zip()).orElse(null))
                .bind("window", program.optOutWindowDays())
                .execute();
        List<String> names = program.towns().stream().map(Town::name).toList();
        h.createUpdate("DELETE FROM towns WHERE program_id = :program AND NOT (name = ANY(:names))")
                .bind("program", program.id().value())
                .bindArray("names", String.class, names)
                .execute();
        PreparedBatch towns = h.prepareBatch("INSERT INTO towns (" + TOWN_COLUMNS + ", position)"
                + " VALUES (:program, :name, :utility, :zone, :population, :position)"
                + " ON CONFLICT (program_id, name) DO UPDATE SET utility = EXCLUDED.utility,"
                + " load_zone = EXCLUDED.load_zone, population = EXCLUDED.population, position = EXCLUDED.position");
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
    }

    @Override
    public Optional<ProgramDefinition> definition(ProgramId id) {
        return Sql.inTransaction(jdbi, "read the definition of program " + id, h -> programs(h, id).stream()
                .findFirst().map(p -> new ProgramDefinition(p, products(h, id))));
    }

    @Override
    public AccountCounts accountCounts(ProgramId id) {
        return Sql.withHandle(jdbi, "count the accounts of program " + id, h -> accountCounts(h, id));
    }

    private static AccountCounts accountCounts(Handle h, ProgramId id) {
        Map<String, Long> byTown = new HashMap<>();
        h.createQuery("SELECT town, count(*) AS n FROM accounts WHERE program_id = :program GROUP BY town")
                .bind("program", id.value())
                .map((rs, ctx) -> Map.entry(rs.getString("town"), rs.getLong("n")))
                .forEach(e -> byTown.put(e.getKey(), e.getValue()));
        Map<ProductId, Long> byProduct = new HashMap<>();
        h.createQuery("SELECT product_id, count(*) AS n FROM accounts WHERE program_id = :program"
                        + " AND product_id IS NOT NULL GROUP BY product_id")
                .bind("program", id.value())
                .map((rs, ctx) -> Map.entry(new ProductId(rs.getString("product_id")), rs.getLong("n")))
                .forEach(e -> byProduct.put(e.getKey(), e.getValue()));
        return new AccountCounts(byTown, byProduct);
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
                        rs.getObject("launch_date", LocalDate.class), contact(rs), rs.getInt("opt_out_window_days")))
                .list();
    }

    /** The contact, which the schema keeps whole or not at all (programs_contact_whole). */
    private static Optional<ProgramContact> contact(ResultSet rs) throws SQLException {
        if (rs.getString("contact_phone") == null) {
            return Optional.empty();
        }
        return Optional.of(new ProgramContact(rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("contact_web"), new PostalAddress(rs.getString("return_street"),
                        rs.getString("return_city"), rs.getString("return_state"), rs.getString("return_zip"))));
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
            jdbi.useTransaction(h -> upsertProducts(h, products));
        } catch (JdbiException e) {
            if (Sql.violated(e, Sql.FOREIGN_KEY_VIOLATION).isPresent()) {
                throw new StoreException("Could not save products: their program is not saved ("
                        + products.stream().map(p -> p.program().value()).distinct().toList()
                        + "); save the program first", e);
            }
            throw Sql.failure("save products", e);
        }
    }

    private static void upsertProducts(Handle h, List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
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
    }

    /** The program's products, cheapest first (then by id). */
    @Override
    public List<Product> products(ProgramId program) {
        return Sql.withHandle(jdbi, "read the products of " + program, h -> products(h, program));
    }

    private static List<Product> products(Handle h, ProgramId program) {
        return h.createQuery("SELECT " + PRODUCT_COLUMNS + " FROM products WHERE program_id = :program"
                        + " ORDER BY price_cents_per_kwh, id")
                .bind("program", program.value())
                .map((rs, ctx) -> product(rs))
                .list();
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
                "import_log", "program_ends"}) {
                h.createUpdate("DELETE FROM " + table + " WHERE program_id = :program")
                        .bind("program", program.value()).execute();
            }
            return null;
        });
    }
}
