package org.opencce.formats.program;

import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.enrollment.EdiSetup;

/**
 * A program file that was read without a problem: the name it was read under, the program it defines,
 * and the EDI setup of its optional {@code edi:} section (empty: the program exchanges
 * {@link EdiSetup#testDefaults()}). See {@code docs/formats/program.md}. Immutable and thread-safe.
 */
public record ProgramFile(String source, ProgramDefinition definition, Optional<EdiSetup> edi) {
    public ProgramFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(edi, "edi");
    }

    /** A file without an {@code edi:} section. */
    public ProgramFile(String source, ProgramDefinition definition) {
        this(source, definition, Optional.empty());
    }
}
