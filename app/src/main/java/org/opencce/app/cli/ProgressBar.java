package org.opencce.app.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, drawn only when standard error is a terminal (so logs and
 * scripts stay clean). Thread-safe: workers may call {@link #advance(long)} concurrently.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDrawNanos;

    ProgressBar(String label, long total) {
        this(System.err, label, total, System.console() != null);
    }

    ProgressBar(PrintStream err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    synchronized void advance(long steps) {
        done = Math.min(total, done + steps);
        long now = System.nanoTime();
        if (enabled && (now - lastDrawNanos > 100_000_000L || done == total)) {
            lastDrawNanos = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double fraction = (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        String eta = done == 0 || done == total ? "" : String.format(Locale.ROOT, " ETA %.0fs", elapsed / fraction - elapsed);
        err.printf(Locale.ROOT, "\r%-28s [%s%s] %3.0f%% %,d/%,d%s   ", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, done, total, eta);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (enabled) {
            draw(System.nanoTime());
            err.println();
        }
    }
}
