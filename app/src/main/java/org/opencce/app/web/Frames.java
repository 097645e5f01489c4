package org.opencce.app.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.opencce.app.web.view.Frame;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.ProgramStore;

/** Builds the {@link Frame} of a page: program name, title, user and CSRF token. Thread-safe. */
final class Frames {
    private final ProgramStore programs;
    private final ProgramId program;

    Frames(ProgramStore programs, ProgramId program) {
        this.programs = programs;
        this.program = program;
    }

    /** The program's name, or its id while the program is not in the database yet. */
    String programName() {
        return programs.find(program).map(Program::name).orElse(program.value());
    }

    Frame publicPage(Context ctx, String title, List<String> scripts) {
        return publicPage(ctx, title, "public", scripts);
    }

    /** A public page in {@code section} of the site's navigation ("public" for the home page, "choose", …). */
    Frame publicPage(Context ctx, String title, String section, List<String> scripts) {
        return new Frame(programName(), title, section, Optional.empty(), Requests.csrfToken(ctx), scripts);
    }

    Frame consolePage(Context ctx, String title, String section, List<String> scripts) {
        ConsoleUser user = Requests.user(ctx);
        return new Frame(programName(), title, section,
                Optional.of(new Frame.SignedInUser(user.username(), user.roleLabel())), Requests.csrfToken(ctx),
                scripts);
    }
}
