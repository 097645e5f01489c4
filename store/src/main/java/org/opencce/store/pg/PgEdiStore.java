package org.opencce.store.pg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.store.EdiStore;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.StoreException;

/**
 * The EDI exchange in the tables of migration V6: {@code edi_setups} with {@code edi_partners} and
 * {@code edi_product_codes}, {@code edi_batches} (with each file's bytes) and {@code edi_requests}; control
 * numbers from the sequence {@code edi_control_numbers}. A transaction shares its handle with a
 * {@link PgTransaction}, so requests and enrollment events commit together. Requests are written as
 * one statement over {@code unnest} of column arrays, so a batch of a hundred thousand is one round trip.
 * Thread-safe: every call takes its own handle from the pool.
 */
public final class PgEdiStore implements EdiStore {
    private static final String SUPPLIER = "supplier";
    private static final String REQUEST_COLUMNS = "reference, account_id, kind, utility, file_name, group_control_number,"
            + " set_control_number, created_at, status, status_at, detail, response_reference, acknowledged_at";
    private static final String BATCH_COLUMNS = "control_number, utility, file_name, created_at, sha256, delivered_at,"
            + " delivered_to";

    private final Jdbi jdbi;

    public PgEdiStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<EdiSetup> setup(ProgramId program) {
        return Sql.withHandle(jdbi, "read the EDI setup of " + program, h -> {
            Optional<String> usage = h.createQuery("SELECT usage FROM edi_setups WHERE program_id = :program")
                    .bind("program", program.value()).mapTo(String.class).findOne();
            if (usage.isEmpty()) {
                return Optional.empty();
            }
            EdiPartner supplier = null;
            Map<Utility, EdiPartner> utilities = new EnumMap<>(Utility.class);
            for (Map.Entry<String, EdiPartner> p : h.createQuery("SELECT party, name, qualifier, id,"
                    + " interchange_qualifier, interchange_id, application_code FROM edi_partners"
                    + " WHERE program_id = :program ORDER BY party")
                    .bind("program", program.value())
                    .map((rs, ctx) -> Map.entry(rs.getString("party"), new EdiPartner(rs.getString("name"),
                            rs.getString("qualifier"), rs.getString("id"), rs.getString("interchange_qualifier"),
                            rs.getString("interchange_id"), rs.getString("application_code"))))
                    .list()) {
                if (SUPPLIER.equals(p.getKey())) {
                    supplier = p.getValue();
                } else {
                    utilities.put(utility(p.getKey()), p.getValue());
                }
            }
            Map<ProductId, String> codes = new HashMap<>();
            h.createQuery("SELECT product_id, code FROM edi_product_codes WHERE program_id = :program")
                    .bind("program", program.value())
                    .map((rs, ctx) -> codes.put(new ProductId(rs.getString(1)), rs.getString(2)))
                    .list();
            if (supplier == null) {
                throw new StoreException("The EDI setup of " + program + " has no supplier party; the database was"
                        + " changed outside OpenCCE. Apply the program file again (opencce program update).");
            }
            return Optional.of(new EdiSetup(EdiSetup.Usage.valueOf(usage.get().toUpperCase(java.util.Locale.ROOT)),
                    supplier, utilities, codes));
        });
    }

    @Override
    public void saveSetup(ProgramId program, Optional<EdiSetup> setup) {
        Objects.requireNonNull(setup, "setup");
        Sql.inTransaction(jdbi, "save the EDI setup of " + program, h -> {
            // the partners and product codes go with their setup (ON DELETE CASCADE)
            h.createUpdate("DELETE FROM edi_setups WHERE program_id = :program").bind("program", program.value())
                    .execute();
            if (setup.isEmpty()) {
                return null;
            }
            EdiSetup s = setup.get();
            h.createUpdate("INSERT INTO edi_setups (program_id, usage) VALUES (:program, :usage)")
                    .bind("program", program.value())
                    .bind("usage", s.usage().name().toLowerCase(java.util.Locale.ROOT))
                    .execute();
            Map<String, EdiPartner> parties = new LinkedHashMap<>();
            parties.put(SUPPLIER, s.supplier());
            s.utilities().forEach((u, p) -> parties.put(u.name(), p));
            parties.forEach((party, p) -> h.createUpdate("INSERT INTO edi_partners (program_id, party, name, qualifier,"
                    + " id, interchange_qualifier, interchange_id, application_code) VALUES (:program, :party, :name,"
                    + " :qualifier, :id, :iq, :iid, :app)")
                    .bind("program", program.value())
                    .bind("party", party)
                    .bind("name", p.name())
                    .bind("qualifier", p.qualifier())
                    .bind("id", p.id())
                    .bind("iq", p.interchangeQualifier())
                    .bind("iid", p.interchangeId())
                    .bind("app", p.applicationCode())
                    .execute());
            s.productCodes().forEach((product, code) -> h.createUpdate("INSERT INTO edi_product_codes (program_id,"
                    + " product_id, code) VALUES (:program, :product, :code)")
                    .bind("program", program.value())
                    .bind("product", product.value())
                    .bind("code", code)
                    .execute());
            return null;
        });
    }

    @Override
    public <T> T inTransaction(ProgramId program, Function<Tx, T> work) {
        Objects.requireNonNull(program, "program");
        try {
            return jdbi.inTransaction(h -> {
                PgTransaction enrollments = new PgTransaction(h, program);
                Exchange tx = new Exchange(h, program, enrollments);
                try {
                    return work.apply(tx);
                } finally {
                    tx.open = false;
                    enrollments.close();
                }
            });
        } catch (JdbiException e) {
            throw Sql.failure("record the EDI exchange of " + program + " (nothing was recorded)", e);
        }
    }

    @Override
    public List<Batch> undelivered(ProgramId program) {
        return Sql.withHandle(jdbi, "read the undelivered EDI batches of " + program, h -> h.createQuery(
                "SELECT " + BATCH_COLUMNS + " FROM edi_batches WHERE program_id = :program AND delivered_at IS NULL"
                        + " ORDER BY control_number")
                .bind("program", program.value())
                .map((rs, ctx) -> batchOf(rs))
                .list());
    }

    @Override
    public Optional<byte[]> contents(ProgramId program, long controlNumber) {
        return Sql.withHandle(jdbi, "read EDI batch " + controlNumber + " of " + program, h -> h.createQuery(
                "SELECT contents FROM edi_batches WHERE program_id = :program AND control_number = :n")
                .bind("program", program.value())
                .bind("n", controlNumber)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
    }

    @Override
    public boolean markDelivered(ProgramId program, long controlNumber, String folder, Instant at) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(at, "at");
        return Sql.withHandle(jdbi, "record the delivery of EDI batch " + controlNumber, h -> h.createUpdate(
                "UPDATE edi_batches SET delivered_at = :at, delivered_to = :folder"
                        + " WHERE program_id = :program AND control_number = :n")
                .bind("program", program.value())
                .bind("n", controlNumber)
                .bind("folder", folder)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .execute() == 1);
    }

    @Override
    public Optional<Request> request(ProgramId program, String reference) {
        return Sql.withHandle(jdbi, "read 814 request " + reference, h -> h.createQuery(
                "SELECT " + REQUEST_COLUMNS + " FROM edi_requests WHERE program_id = :program AND reference = :r")
                .bind("program", program.value())
                .bind("r", reference)
                .map((rs, ctx) -> requestOf(rs))
                .findOne());
    }

    @Override
    public List<Request> requestsOf(ProgramId program, AccountId account) {
        return Sql.withHandle(jdbi, "read the 814 requests of account " + account, h -> h.createQuery(
                "SELECT " + REQUEST_COLUMNS + " FROM edi_requests WHERE program_id = :program AND account_id = :a"
                        + " ORDER BY created_at, reference")
                .bind("program", program.value())
                .bind("a", account.value())
                .map((rs, ctx) -> requestOf(rs))
                .list());
    }

    /** One transaction: the enrollment operations and the exchange's own, on one handle. */
    private static final class Exchange implements Tx {
        private final Handle h;
        private final ProgramId program;
        private final PgTransaction enrollments;
        private boolean open = true;

        Exchange(Handle h, ProgramId program, PgTransaction enrollments) {
            this.h = h;
            this.program = program;
            this.enrollments = enrollments;
        }

        @Override
        public EnrollmentStore.Tx enrollments() {
            checkOpen();
            return enrollments;
        }

        @Override
        public long nextControlNumber() {
            checkOpen();
            return h.createQuery("SELECT nextval('edi_control_numbers')").mapTo(Long.class).one();
        }

        @Override
        public void recordBatch(Batch batch, byte[] contents, List<Request> requests) {
            checkOpen();
            Objects.requireNonNull(contents, "contents");
            for (Request r : requests) {
                if (r.controlNumber() != batch.controlNumber() || r.utility() != batch.utility()
                        || !r.fileName().equals(batch.fileName())) {
                    throw new IllegalArgumentException("814 request " + r.reference() + " is of batch "
                            + r.controlNumber() + " (" + r.utility() + ", " + r.fileName() + "), not of batch "
                            + batch.controlNumber() + " (" + batch.utility() + ", " + batch.fileName() + ")");
                }
            }
            h.createUpdate("INSERT INTO edi_batches (control_number, program_id, utility, file_name, created_at, sha256,"
                    + " contents) VALUES (:n, :program, :utility, :file, :at, :sha256, :contents)")
                    .bind("n", batch.controlNumber())
                    .bind("program", program.value())
                    .bind("utility", batch.utility().name())
                    .bind("file", batch.fileName())
                    .bind("at", OffsetDateTime.ofInstant(batch.createdAt(), ZoneOffset.UTC))
                    .bind("sha256", batch.sha256())
                    .bind("contents", contents)
                    .execute();
            if (requests.isEmpty()) {
                return;
            }
            int n = requests.size();
            List<String> references = new ArrayList<>(n);
            List<Long> accounts = new ArrayList<>(n);
            List<String> kinds = new ArrayList<>(n);
            List<String> sets = new ArrayList<>(n);
            for (Request r : requests) {
                references.add(r.reference());
                accounts.add(r.account().value());
                kinds.add(r.kind().wireName());
                sets.add(r.setControlNumber());
            }
            h.createUpdate("INSERT INTO edi_requests (reference, program_id, account_id, kind, utility, file_name,"
                    + " interchange_control_number, group_control_number, set_control_number, created_at, status,"
                    + " status_at)"
                    + " SELECT ref, :program, account, kind, :utility, :file, :n, :n, set_number, :at, 'sent', :at"
                    + " FROM unnest(:references, :accounts, :kinds, :sets) AS x(ref, account, kind, set_number)")
                    .bind("program", program.value())
                    .bind("utility", batch.utility().name())
                    .bind("file", batch.fileName())
                    .bind("n", batch.controlNumber())
                    .bind("at", OffsetDateTime.ofInstant(batch.createdAt(), ZoneOffset.UTC))
                    .bindArray("references", String.class, references)
                    .bindArray("accounts", Long.class, accounts)
                    .bindArray("kinds", String.class, kinds)
                    .bindArray("sets", String.class, sets)
                    .execute();
        }

        @Override
        public Map<String, Request> lockRequests(Collection<String> references) {
            checkOpen();
            Map<String, Request> found = new LinkedHashMap<>();
            if (references.isEmpty()) {
                return found;
            }
            h.createQuery("SELECT " + REQUEST_COLUMNS + " FROM edi_requests WHERE program_id = :program"
                    + " AND reference = ANY(:references) ORDER BY reference FOR UPDATE")
                    .bind("program", program.value())
                    .bindArray("references", String.class, new ArrayList<>(new LinkedHashSet<>(references)))
                    .map((rs, ctx) -> requestOf(rs))
                    .forEach(r -> found.put(r.reference(), r));
            return found;
        }

        @Override
        public Optional<Batch> batch(long controlNumber) {
            checkOpen();
            return h.createQuery("SELECT " + BATCH_COLUMNS + " FROM edi_batches WHERE program_id = :program"
                    + " AND control_number = :n")
                    .bind("program", program.value())
                    .bind("n", controlNumber)
                    .map((rs, ctx) -> batchOf(rs))
                    .findOne();
        }

        @Override
        public List<Request> lockBatchRequests(long controlNumber) {
            checkOpen();
            return h.createQuery("SELECT " + REQUEST_COLUMNS + " FROM edi_requests WHERE program_id = :program"
                    + " AND group_control_number = :n ORDER BY set_control_number FOR UPDATE")
                    .bind("program", program.value())
                    .bind("n", controlNumber)
                    .map((rs, ctx) -> requestOf(rs))
                    .list();
        }

        @Override
        public void update(List<Request> requests) {
            checkOpen();
            if (requests.isEmpty()) {
                return;
            }
            int n = requests.size();
            List<String> references = new ArrayList<>(n);
            List<String> statuses = new ArrayList<>(n);
            List<String> statusAts = new ArrayList<>(n);
            List<String> details = new ArrayList<>(n);
            List<String> responses = new ArrayList<>(n);
            List<String> acknowledged = new ArrayList<>(n);
            for (Request r : requests) {
                references.add(r.reference());
                statuses.add(r.status().wireName());
                statusAts.add(r.statusAt().toString());
                details.add(r.detail());
                responses.add(r.responseReference().orElse(null));
                acknowledged.add(r.acknowledgedAt().map(Instant::toString).orElse(null));
            }
            int updated = h.createUpdate("UPDATE edi_requests r SET status = x.status, status_at = x.status_at,"
                    + " detail = x.detail, response_reference = x.response, acknowledged_at = x.acknowledged"
                    + " FROM unnest(:references, :statuses, CAST(:statusAts AS timestamptz[]), :details, :responses,"
                    + "   CAST(:acknowledged AS timestamptz[])) AS x(reference, status, status_at, detail, response,"
                    + "   acknowledged)"
                    + " WHERE r.program_id = :program AND r.reference = x.reference")
                    .bind("program", program.value())
                    .bindArray("references", String.class, references)
                    .bindArray("statuses", String.class, statuses)
                    .bindArray("statusAts", String.class, statusAts)
                    .bindArray("details", String.class, details)
                    .bindArray("responses", String.class, responses)
                    .bindArray("acknowledged", String.class, acknowledged)
                    .execute();
            if (updated != new LinkedHashSet<>(references).size()) {
                throw new IllegalArgumentException("only " + updated + " of " + n + " 814 requests to update are"
                        + " requests of " + program);
            }
        }

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("the EDI transaction on the records of " + program + " has ended");
            }
        }
    }

    private static Batch batchOf(ResultSet rs) throws SQLException {
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        return new Batch(rs.getLong("control_number"), utility(rs.getString("utility")), rs.getString("file_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("sha256"),
                Optional.ofNullable(delivered).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getString("delivered_to")));
    }

    private static Request requestOf(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        OffsetDateTime acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
        return new Request(rs.getString("reference"), new AccountId(rs.getLong("account_id")), requestKind(kind),
                utility(rs.getString("utility")), rs.getString("file_name"), rs.getLong("group_control_number"),
                rs.getString("set_control_number"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Status.ofWireName(rs.getString("status")), rs.getObject("status_at", OffsetDateTime.class).toInstant(),
                rs.getString("detail"), Optional.ofNullable(rs.getString("response_reference")),
                Optional.ofNullable(acknowledged).map(OffsetDateTime::toInstant));
    }

    private static UtilityRequest requestKind(String wireName) {
        for (UtilityRequest r : UtilityRequest.values()) {
            if (r.wireName().equals(wireName)) {
                return r;
            }
        }
        throw unknown("814 request kind", wireName);
    }

    private static Utility utility(String name) {
        try {
            return Utility.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw unknown("utility", name);
        }
    }

    private static StoreException unknown(String what, String value) {
        return new StoreException("Unknown " + what + " '" + value + "' in the EDI tables; the database was written"
                + " by a newer OpenCCE. Use that version.");
    }
}
