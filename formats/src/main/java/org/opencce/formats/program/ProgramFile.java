package org.opencce.formats.program;

import java.util.Objects;
import org.opencce.domain.community.ProgramDefinition;

/**
 * A program file that was read without a problem: the name it was read under and the program it
 * defines. See {@code docs/formats/program.md}. Immutable and thread-safe.
 */
public record ProgramFile(String source, ProgramDefinition definition) {
    public ProgramFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(definition, "definition");
    }
}
