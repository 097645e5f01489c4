package org.opencce.store;

import org.opencce.domain.report.BatchReport;

/**
 * The import log and the audit log as one transaction writes them: what an account import
 * ({@link AccountStore.Batch}) and an enrollment transaction ({@link EnrollmentStore.Tx}) both record, so
 * that a file's import entry and its audit entry commit with its records or not at all. Valid only while
 * the transaction runs; not thread-safe.
 */
public interface TransactionJournal {

    /**
     * Records the imported file in the import log (see {@link ImportLog#record}) in this transaction.
     *
     * @return false, recording nothing, if the log already has the file (another import of the same
     *     file committed first)
     */
    boolean recordImport(String kind, String sha256, BatchReport report, String actor);

    /** Appends to the audit log (see {@link AuditLog#append}) in this transaction. */
    void audit(String actor, String action, String detail);
}
