package org.opencce.app.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.ProgramStore;
import picocli.CommandLine.Option;

/** The {@code --program} option: which program a command works on; optional when there is only one. */
final class ProgramChoice {

    @Option(names = "--program", paramLabel = "ID",
            description = "The program's id, e.g. valley-green-energy (default: the only program).")
    String program;

    Program resolve(ProgramStore programs) {
        if (program != null) {
            ProgramId id = new ProgramId(program);
            return programs.find(id).orElseThrow(() -> new OpenCceException("program '" + program
                    + "' does not exist; known programs: " + names(programs.list())));
        }
        List<Program> all = programs.list();
        if (all.isEmpty()) {
            throw new OpenCceException("there is no program yet; create one from its program file with 'opencce"
                    + " program init FILE', or run 'opencce demo' to create the demo program");
        }
        if (all.size() > 1) {
            throw new OpenCceException("there are several programs; choose one with --program (" + names(all) + ")");
        }
        return all.get(0);
    }

    private static String names(List<Program> programs) {
        return programs.isEmpty() ? "none" : programs.stream().map(p -> p.id().value()).collect(Collectors.joining(", "));
    }
}
