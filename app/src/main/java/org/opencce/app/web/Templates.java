package org.opencce.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The jte templates of {@code app/src/main/jte}, compiled to classes at build time (nothing is
 * compiled at run time). Each template takes one view record. Thread-safe.
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, view, out);
        return out.toString();
    }

    /** Renders the template as the response's HTML body. */
    void respond(Context ctx, String template, Object view) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, view));
    }
}
