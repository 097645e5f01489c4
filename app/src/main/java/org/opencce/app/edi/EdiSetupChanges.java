package org.opencce.app.edi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.store.EdiStore;

/**
 * The {@code edi:} section of a program file as {@code opencce program init|update} apply it: what
 * changes, in words for the diff and the audit log, and the setup saved. A program without the section
 * exchanges the test defaults, which the words say. Thread-safe (the store is).
 */
public final class EdiSetupChanges {
    private final EdiStore edi;

    public EdiSetupChanges(EdiStore edi) {
        this.edi = Objects.requireNonNull(edi, "edi");
    }

    /** What saving {@code proposed} for {@code program} would change, one line each; empty when nothing. */
    public List<String> preview(ProgramId program, Optional<EdiSetup> proposed) {
        return lines(edi.setup(program), proposed);
    }

    /** Saves {@code proposed} when it changes something, and returns the changes. */
    public List<String> apply(ProgramId program, Optional<EdiSetup> proposed) {
        List<String> changes = preview(program, proposed);
        if (!changes.isEmpty()) {
            edi.saveSetup(program, proposed);
        }
        return changes;
    }

    /** The changes from {@code before} to {@code after}, one line each. */
    static List<String> lines(Optional<EdiSetup> before, Optional<EdiSetup> after) {
        List<String> lines = new ArrayList<>();
        if (before.equals(after)) {
            return lines;
        }
        EdiSetup from = before.orElse(EdiSetup.testDefaults());
        EdiSetup to = after.orElse(EdiSetup.testDefaults());
        if (before.isPresent() != after.isPresent()) {
            lines.add("edi: " + source(before) + " → " + source(after));
        }
        change(lines, "edi usage", from.usage().name().toLowerCase(java.util.Locale.ROOT),
                to.usage().name().toLowerCase(java.util.Locale.ROOT));
        change(lines, "edi supplier", describe(from.supplier()), describe(to.supplier()));
        Set<Utility> utilities = EnumSet.noneOf(Utility.class);
        utilities.addAll(from.utilities().keySet());
        utilities.addAll(to.utilities().keySet());
        for (Utility u : utilities) {
            change(lines, "edi partner " + u.displayName(), Optional.ofNullable(from.utilities().get(u))
                    .map(EdiSetupChanges::describe).orElse("(none)"), Optional.ofNullable(to.utilities().get(u))
                    .map(EdiSetupChanges::describe).orElse("(none)"));
        }
        change(lines, "edi product codes", codes(from.productCodes()), codes(to.productCodes()));
        return lines;
    }

    private static String source(Optional<EdiSetup> setup) {
        return setup.isPresent() ? "the program file's trading partners" : "the test defaults";
    }

    private static void change(List<String> lines, String what, String from, String to) {
        if (!from.equals(to)) {
            lines.add(what + ": " + from + " → " + to);
        }
    }

    /** "VALLEY GREEN ENERGY (N1 ZZ VALLEYGREEN, ISA ZZ VALLEYGREEN, GS VALLEYGREEN)". */
    static String describe(EdiPartner p) {
        return p.name() + " (N1 " + p.qualifier() + " " + p.id() + ", ISA " + p.interchangeQualifier() + " "
                + p.interchangeId() + ", GS " + p.applicationCode() + ")";
    }

    private static String codes(Map<ProductId, String> codes) {
        if (codes.isEmpty()) {
            return "(the product ids)";
        }
        return codes.entrySet().stream().map(e -> e.getKey().value() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
