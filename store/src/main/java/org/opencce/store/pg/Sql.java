package org.opencce.store.pg;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.opencce.store.StoreException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs store operations on JDBI and turns its exceptions into {@link StoreException}s that say what
 * was being done. Stateless and thread-safe.
 */
final class Sql {
    /** PostgreSQL's SQLSTATE for a foreign key violation. */
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private Sql() {
    }

    /** Runs {@code callback} in one transaction; {@code what} completes "Could not ...". */
    static <T> T inTransaction(Jdbi jdbi, String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code callback} on a handle (auto-commit); {@code what} completes "Could not ...". */
    static <T> T withHandle(Jdbi jdbi, String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    static StoreException failure(String what, JdbiException e) {
        return new StoreException("Could not " + what + ": " + serverMessage(e), e);
    }

    /** The constraint a statement violated, when PostgreSQL names one with the given SQLSTATE. */
    static Optional<String> violated(JdbiException e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException) {
                ServerErrorMessage m = ((PSQLException) t).getServerErrorMessage();
                if (sqlState.equals(((PSQLException) t).getSQLState()) && m != null && m.getConstraint() != null) {
                    return Optional.of(m.getConstraint());
                }
            }
        }
        return Optional.empty();
    }

    /** The database's own message for the failure, with the next exception of a batch if any. */
    static String serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                SQLException next = ((SQLException) t).getNextException();
                return t.getMessage() + (next == null ? "" : " (" + next.getMessage() + ")");
            }
        }
        return e.getMessage();
    }

    /**
     * {@code text} as a LIKE pattern that matches it literally, for {@code LIKE ... ESCAPE '!'} (not a
     * backslash, which JDBI's statement parser would take for its own escape).
     */
    static String literalForLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
