package org.opencce.store.backup;

/**
 * Told about each step of a backup or restore (a table, an interval month file), so that a command
 * can draw a progress bar. Called from the thread that runs the backup or restore.
 */
@FunctionalInterface
public interface Progress {
    /** Tells nobody. */
    Progress NONE = (what, done, total) -> { };

    /**
     * Step {@code done} of {@code total} has finished; {@code what} names it ({@code "records/accounts.csv"}).
     */
    void step(String what, int done, int total);
}
