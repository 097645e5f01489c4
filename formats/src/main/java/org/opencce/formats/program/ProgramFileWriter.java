package org.opencce.formats.program;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiSetup;

/**
 * Writes a program's definition as a program file ({@code docs/formats/program.md}) that
 * {@link ProgramFileReader} reads back to the same definition: so that staff can start editing from
 * the program as stored ({@code opencce program show --yaml}), for example the demo's. Keys come in the
 * order of the format page; optional keys are written only when they differ from their default. Text
 * is written plain when YAML would read it back unchanged and in double quotes otherwise; the ZIP code
 * is always quoted, so that other YAML tools keep its leading zero too. Stateless and thread-safe.
 */
public final class ProgramFileWriter {
    /**
     * Text that YAML reads back as the same text: a letter, digit or "(" first, then no character with a
     * meaning of its own except ':' and '#' (which have one only as ": " and " #", refused below).
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9(][A-Za-z0-9 ._,()/+%@&'=?:#-]*");

    private ProgramFileWriter() {
    }

    /** The program file of {@code definition}, with LF line ends. */
    public static String write(ProgramDefinition definition) {
        Program p = definition.program();
        StringBuilder y = new StringBuilder();
        y.append("# OpenCCE program file (docs/formats/program.md)\n");
        y.append("id: ").append(p.id().value()).append('\n');
        y.append("name: ").append(text(p.name())).append('\n');
        if (p.contact().isEmpty()) {
            // The reader requires a contact: say what to fill in rather than write a file it refuses silently.
            y.append("# contact: this program has none yet, and the file needs one (opt-out notices print it):\n")
                    .append("# contact:\n#   phone: 413-555-0100\n#   email: info@example.org\n")
                    .append("#   web: https://example.org\n#   return_address:\n#     street: PO Box 1\n")
                    .append("#     city: Amherst\n#     state: MA\n#     zip: \"01002\"\n");
        } else {
            ProgramContact c = p.contact().get();
            y.append("contact:\n");
            y.append("  phone: ").append(text(c.phone())).append('\n');
            y.append("  email: ").append(text(c.email())).append('\n');
            y.append("  web: ").append(text(c.web())).append('\n');
            y.append("  return_address:\n");
            y.append("    street: ").append(text(c.returnAddress().street())).append('\n');
            y.append("    city: ").append(text(c.returnAddress().city())).append('\n');
            y.append("    state: ").append(c.returnAddress().state()).append('\n');
            y.append("    zip: ").append(quoted(c.returnAddress().zip())).append('\n');
        }
        y.append("towns:\n");
        for (Town t : p.towns()) {
            y.append("  - name: ").append(text(t.name())).append('\n');
            y.append("    utility: ").append(t.utility() == Utility.EVERSOURCE_WMA ? "eversource" : "national-grid")
                    .append('\n');
            y.append("    load_zone: ").append(t.loadZone().name()).append('\n');
            y.append("    population: ").append(t.population()).append('\n');
        }
        y.append("lead_town: ").append(text(p.leadTown())).append('\n');
        y.append("launch_date: ").append(p.launchDate()).append('\n');
        if (p.optOutWindowDays() != Program.DEFAULT_OPT_OUT_WINDOW_DAYS) {
            y.append("opt_out_window_days: ").append(p.optOutWindowDays()).append('\n');
        }
        y.append("products:\n");
        for (Product x : definition.products()) {
            y.append("  - id: ").append(x.id().value()).append('\n');
            y.append("    name: ").append(text(x.name())).append('\n');
            y.append("    green_content: ").append(x.greenContent().describe()).append('\n');
            y.append("    local_share_percent: ").append(number(x.localContent().value())).append('\n');
            y.append("    price_cents_per_kwh: ").append(x.price().centsPerKilowattHour().toPlainString()).append('\n');
            y.append("    term_start: ").append(x.termStart()).append('\n');
            y.append("    term_end: ").append(x.termEnd()).append('\n');
            if (x.isDefault()) {
                y.append("    default: true\n");
            }
            if (x.illustrative()) {
                y.append("    illustrative: true\n");
            }
        }
        return y.toString();
    }

    /**
     * The program file of {@code definition} with its {@code edi:} section when the program has an EDI
     * setup of its own (none: the test defaults, and no section).
     */
    public static String write(ProgramDefinition definition, Optional<EdiSetup> edi) {
        return write(definition) + edi.map(EdiSection::write).orElse("");
    }

    /** {@code s} plain when YAML reads it back as itself, else double-quoted. */
    static String text(String s) {
        boolean plain = PLAIN.matcher(s).matches() && !s.endsWith(" ") && !s.endsWith(":") && !s.contains(": ")
                && !s.contains(" #");
        return plain ? s : quoted(s);
    }

    /** {@code s} in double quotes, escaped as YAML reads it back: backslash, quote, control characters. */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                q.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                q.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
