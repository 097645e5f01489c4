package org.opencce.app.cli;

import org.opencce.store.backup.Progress;

/**
 * A {@link ProgressBar} for the steps of a backup or restore (tables, month files), created when the
 * first step reports how many there are. Drawn only when standard error is a terminal. Not
 * thread-safe: one backup or restore reports to it.
 */
final class StepProgress implements Progress, AutoCloseable {
    private final String label;
    private ProgressBar bar;

    StepProgress(String label) {
        this.label = label;
    }

    @Override
    public void step(String what, int done, int total) {
        if (bar == null) {
            bar = new ProgressBar(label, total);
        }
        bar.advance(1);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
