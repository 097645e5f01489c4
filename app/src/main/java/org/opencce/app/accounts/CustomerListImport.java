package org.opencce.app.accounts;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.customerlist.CustomerList;
import org.opencce.formats.customerlist.CustomerListReader;
import org.opencce.formats.customerlist.CustomerListRow;
import org.opencce.store.AccountStore;
import org.opencce.store.AuditLog;
import org.opencce.store.ImportLog;
import org.opencce.store.ProgramStore;

/**
 * Imports a utility's customer list into a program: every row is accepted or rejected with its line
 * and reason; accepted rows create or update accounts in one transaction; the file's SHA-256 is
 * recorded so importing the same file again changes nothing. Thread-safe.
 */
public final class CustomerListImport {
    /** The kind under which customer lists are recorded in the import log. */
    public static final String KIND = "customer-list";

    private final ProgramStore programs;
    private final AccountStore accounts;
    private final ImportLog imports;
    private final AuditLog audit;

    public CustomerListImport(ProgramStore programs, AccountStore accounts, ImportLog imports, AuditLog audit) {
        this.programs = programs;
        this.accounts = accounts;
        this.imports = imports;
        this.audit = audit;
    }

    /** Imports {@code file} into {@code programId} on behalf of {@code actor}. */
    public BatchReport importFile(ProgramId programId, Path file, String actor) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OpenCceException("customer list " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new OpenCceException("cannot read customer list " + file + ": " + e.getMessage(), e);
        }
        Program program = programs.find(programId).orElseThrow(() -> new OpenCceException(
                "program '" + programId + "' does not exist; create it first (for example with 'opencce demo')"));
        String source = file.getFileName().toString();
        CustomerList list = CustomerListReader.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), source);
        String sha256 = sha256(bytes);

        List<BatchReport.Rejection> rejections = new ArrayList<>(list.rejections());
        List<CustomerListRow> admitted = new ArrayList<>();
        for (CustomerListRow row : list.rows()) {
            Optional<String> reason = reasonToRefuse(program, row);
            if (reason.isPresent()) {
                rejections.add(new BatchReport.Rejection(row.line(), reason.get()));
            } else {
                admitted.add(row);
            }
        }
        rejections.sort((a, b) -> Long.compare(a.line(), b.line()));

        if (imports.find(programId, KIND, sha256).isPresent()) {
            return new BatchReport(source, list.read(), admitted.size(), rejections, true);
        }
        List<AccountId> ids = accounts.assignIds(programId, admitted.stream()
                .map(r -> new AccountStore.Key(r.utility(), r.accountNumber())).toList());
        List<Account> updated = new ArrayList<>(admitted.size());
        for (int i = 0; i < admitted.size(); i++) {
            CustomerListRow row = admitted.get(i);
            Optional<Account> existing = accounts.find(ids.get(i));
            updated.add(fromRow(programId, ids.get(i), row, program.town(row.town()).orElseThrow(), existing));
        }
        accounts.upsert(updated);
        BatchReport report = new BatchReport(source, list.read(), admitted.size(), rejections, false);
        imports.record(programId, KIND, sha256, report, actor);
        audit.append(programId, actor, "accounts.import", source + ": read " + report.read() + ", accepted "
                + report.accepted() + ", rejected " + report.rejected());
        return report;
    }

    /** A row is refused when its town is not a member of the program or its utility does not serve that town. */
    static Optional<String> reasonToRefuse(Program program, CustomerListRow row) {
        Optional<Town> town = program.town(row.town());
        if (town.isEmpty()) {
            return Optional.of("town '" + row.town() + "' is not a member of " + program.name() + " ("
                    + String.join(", ", program.towns().stream().map(Town::name).toList()) + ")");
        }
        if (town.get().utility() != row.utility()) {
            return Optional.of(town.get().name() + " is served by " + town.get().utility().displayName()
                    + ", but the row names " + row.utility().displayName());
        }
        return Optional.empty();
    }

    /**
     * The account as the list describes it. An account the program already supplies keeps its
     * enrollment and product: the utility's list updates its facts (rate class, name, address, flags),
     * while changes of supplier arrive as enrollment transactions, not through the list.
     */
    static Account fromRow(ProgramId program, AccountId id, CustomerListRow row, Town town, Optional<Account> existing) {
        boolean enrolled = existing.map(a -> a.supplyStatus() == SupplyStatus.PROGRAM).orElse(false);
        SupplyStatus status = enrolled ? SupplyStatus.PROGRAM : row.supplyStatus();
        Optional<ProductId> product = enrolled ? existing.get().product() : Optional.empty();
        return new Account(id, program, row.accountNumber(), row.utility(), town.name(), row.rateClass(),
                row.customerName(), row.serviceAddress(), status, product, row.lowIncome(), row.netMetered(),
                row.loadZone());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
