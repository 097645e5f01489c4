package org.opencce.app.program;

import java.util.Objects;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramDiff;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.ProgramUpdate;
import org.opencce.store.ProgramStore;
import org.opencce.store.ProgramStore.AuditNote;

/**
 * Creates a program from its definition, changes it, and shows it: the use cases of the program file
 * ({@code opencce program init|update|show}) and of the demo, which defines its program the same way.
 * The rules of a change are {@link ProgramUpdate}'s; a change is stored all or nothing, with the words
 * of its {@link ProgramDiff} in the program's audit log. Thread-safe (the store is).
 */
public final class ProgramSetup {
    /** The audit log action of a program created from a definition. */
    public static final String INIT = "program.init";
    /** The audit log action of a program's definition replaced. */
    public static final String UPDATE = "program.update";

    private final ProgramStore programs;

    public ProgramSetup(ProgramStore programs) {
        this.programs = Objects.requireNonNull(programs, "programs");
    }

    /**
     * Creates the program {@code definition} defines; {@code source} (a file name, "demo") and
     * {@code actor} go to the audit log.
     *
     * @return what the new program holds, as changes from nothing
     * @throws OpenCceException if a program with its id exists (use {@link #update}) or it breaks a
     *     rule of {@link ProgramUpdate#decideNew}; nothing is stored then
     */
    public ProgramDiff init(ProgramDefinition definition, String actor, String source) {
        ProgramId id = definition.id();
        if (programs.find(id).isPresent()) {
            throw new OpenCceException("program " + id + " exists already; change it with 'opencce program update "
                    + source + "'");
        }
        ProgramUpdate.Decision decision = ProgramUpdate.decideNew(definition);
        if (decision instanceof ProgramUpdate.Refused) {
            throw new OpenCceException("program " + id + " cannot be created from " + source + ": "
                    + String.join("; ", ((ProgramUpdate.Refused) decision).reasons()));
        }
        programs.createDefinition(definition, new AuditNote(actor, INIT, detail(source, decision.diff())));
        return decision.diff();
    }

    /**
     * What changing program {@code target} to {@code proposed} would do, changing nothing: the diff,
     * and whether the rules allow it with the program's accounts as they are now.
     *
     * @throws OpenCceException if there is no program {@code target}
     */
    public ProgramUpdate.Decision preview(ProgramDefinition proposed, ProgramId target) {
        ProgramDefinition current = programs.definition(target).orElseThrow(() -> new OpenCceException("program "
                + target + " does not exist; create it with 'opencce program init FILE'"));
        return ProgramUpdate.decide(current, proposed, programs.accountCounts(target));
    }

    /**
     * Changes program {@code target} to {@code proposed} when the rules allow it, in one transaction
     * with its audit entry; a definition that changes nothing stores nothing (and is not audited).
     *
     * @return the decision: {@link ProgramUpdate.Allowed} when applied, {@link ProgramUpdate.Refused}
     *     (with every reason) when nothing was changed
     * @throws OpenCceException if there is no program {@code target}, or the store refuses the change
     *     because accounts arrived since the check
     */
    public ProgramUpdate.Decision update(ProgramDefinition proposed, ProgramId target, String actor, String source) {
        ProgramUpdate.Decision decision = preview(proposed, target);
        if (decision instanceof ProgramUpdate.Allowed && !decision.diff().isEmpty()) {
            programs.saveDefinition(proposed, new AuditNote(actor, UPDATE, detail(source, decision.diff())));
        }
        return decision;
    }

    /**
     * The definition of program {@code id} as stored.
     *
     * @throws OpenCceException if there is none
     */
    public ProgramDefinition show(ProgramId id) {
        return programs.definition(id).orElseThrow(() -> new OpenCceException("program " + id + " does not exist"));
    }

    /** The audit log's words for a change: where it came from, then each change. */
    static String detail(String source, ProgramDiff diff) {
        return "from " + source + ": " + String.join("; ", diff.lines());
    }
}
