package org.opencce.formats;

import org.opencce.domain.OpenCceException;

/**
 * A file cannot be read because it is not in the format its reader expects: a missing column, a row
 * that is not what the format says, text that is not UTF-8. The message names the file, the line (when
 * one line is to blame) and what is wrong, so the person who supplied the file can fix it. Expected
 * per-record problems in a batch (a customer list row with a bad ZIP code) are not exceptions: they are
 * rejections in the batch's report.
 */
public final class FormatException extends OpenCceException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /** A problem on one line (1-based) of {@code source}. */
    public FormatException(String source, long line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** A problem with the file as a whole. */
    public FormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.line = 0;
    }

    /** A problem with the file as a whole, caused by {@code cause} (an I/O or decoding error). */
    public FormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
    }

    /** The file (or resource) name as the caller gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line to blame, or 0 when the problem is with the file as a whole. */
    public long line() {
        return line;
    }
}
