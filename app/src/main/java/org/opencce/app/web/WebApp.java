package org.opencce.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencce.app.load.LoadProfiles;
import org.opencce.app.security.LoginThrottle;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.app.web.view.ErrorView;
import org.opencce.app.web.view.Frame;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.store.AccountStore;
import org.opencce.store.AuditLog;
import org.opencce.store.IntervalStore;
import org.opencce.store.ProgramStore;
import org.opencce.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server of one program: the public site at {@code /} and {@code /api/program}, and the
 * staff console at {@code /console} with its JSON under {@code /api/console} (sign-in required,
 * roles from {@link UserStore}). Pages are jte templates compiled at build time, enhanced with htmx;
 * charts are drawn by Chart.js from the JSON API. Scripts and styles come only from this server
 * ({@code /static}, {@code /webjars}).
 *
 * <p>Routes: {@code GET /}, {@code GET /api/program}, {@code GET|POST /login}, {@code POST /logout},
 * {@code GET /console}, {@code GET /console/week}, {@code GET /console/accounts},
 * {@code GET /console/accounts/{id}}, {@code GET /api/console/load},
 * {@code GET /api/console/load/monthly}, {@code GET /api/console/accounts},
 * {@code GET /api/console/accounts/{id}}, {@code GET /api/console/accounts/{id}/usage}; static files
 * under {@code /static} (including {@code /static/openapi.json}) and {@code /webjars}.
 *
 * <p>Sessions live in memory, so a restart signs everybody out. {@link #start} and {@link #stop}
 * may be called from any thread; the server handles requests concurrently.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    /**
     * What the web app reads: the program it serves, the stores, the load service, the reference
     * data for the public comparison, and the clock that says what "today" is (tests fix it).
     */
    public record Dependencies(ProgramId program, ProgramStore programs, AccountStore accounts, UserStore users,
            AuditLog audit, IntervalStore intervals, LoadProfiles loads, BasicServiceRates basicService,
            ClassIStandard classI, Clock clock) {

        public Dependencies {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(programs, "programs");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(intervals, "intervals");
            Objects.requireNonNull(loads, "loads");
            Objects.requireNonNull(basicService, "basicService");
            Objects.requireNonNull(classI, "classI");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Dependencies deps;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private Javalin server;

    public WebApp(Dependencies deps) {
        this.deps = Objects.requireNonNull(deps, "deps");
        this.sessions = new SessionStore(deps.clock());
        this.throttle = new LoginThrottle(deps.clock());
    }

    /** Starts listening on all interfaces; {@code port} 0 picks a free port. Returns the port in use. */
    public int start(int port) {
        return start("0.0.0.0", port);
    }

    /** Starts listening on {@code host} (e.g. {@code 127.0.0.1}); returns the port in use. */
    public synchronized int start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("the web app is already running on port " + server.port());
        }
        Javalin app = create();
        app.start(host, port);
        server = app;
        LOG.info("{} web app listening on http://{}:{}/", deps.program(), host, app.port());
        return app.port();
    }

    /** Stops the server; does nothing when it is not running. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private Javalin create() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        Templates templates = new Templates();
        Frames frames = new Frames(deps.programs(), deps.program());
        AccessControl access = new AccessControl(deps.program(), sessions, deps.users());
        PublicSite site = new PublicSite(deps, frames, templates);
        LoginPages login = new LoginPages(deps.program(), deps.users(), deps.audit(), sessions, throttle,
                deps.clock(), frames, templates);
        Dashboard dashboard = new Dashboard(deps, frames, templates);
        AccountPages accounts = new AccountPages(deps, frames, templates);
        Errors errors = new Errors(frames, templates);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });

        app.before(access::addSecurityHeaders);
        app.before(access::loadSession);
        app.before(access::checkCsrf);
        app.before(access::requireConsoleUser);

        app.get("/", site::home);
        app.get("/api/program", site::programJson);

        app.get("/login", login::form);
        app.post("/login", login::submit);
        app.post("/logout", login::logout);

        app.get("/console", dashboard::page);
        app.get("/console/week", dashboard::weekFragment);
        app.get("/console/accounts", accounts::search);
        app.get("/console/accounts/{id}", accounts::detail);
        app.get("/api/console/load", dashboard::loadJson);
        app.get("/api/console/load/monthly", dashboard::monthlyJson);
        app.get("/api/console/accounts", accounts::searchJson);
        app.get("/api/console/accounts/{id}", accounts::accountJson);
        app.get("/api/console/accounts/{id}/usage", accounts::usageJson);
        app.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));

        app.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
        app.exception(WebProblem.class, errors::problem);
        app.exception(Exception.class, errors::unexpected);
        app.error(404, errors::notFound);
        app.error(405, errors::methodNotAllowed);
        return app;
    }

    /** Error pages and JSON errors. */
    private static final class Errors {
        private static final String RENDERED = "opencce.error-rendered";
        private final Frames frames;
        private final Templates templates;

        Errors(Frames frames, Templates templates) {
            this.frames = frames;
            this.templates = templates;
        }

        void problem(WebProblem e, Context ctx) {
            if (e.retryAfterSeconds() != null) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            respond(ctx, e.status(), e.title(), e.getMessage());
        }

        void unexpected(Exception e, Context ctx) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong", "The server could not complete this request. The error has been"
                    + " logged; try again, and tell the program administrator if it keeps happening.");
        }

        void notFound(Context ctx) {
            if (ctx.attribute(RENDERED) == null) {
                respond(ctx, 404, "Page not found", "There is no page at " + ctx.path() + ".");
            }
        }

        void methodNotAllowed(Context ctx) {
            if (ctx.attribute(RENDERED) == null) {
                respond(ctx, 405, "Method not allowed", ctx.method() + " is not supported at " + ctx.path() + ".");
            }
        }

        private void respond(Context ctx, int status, String title, String message) {
            ctx.attribute(RENDERED, Boolean.TRUE);
            ctx.status(status);
            if (Requests.isApi(ctx)) {
                ctx.json(new ErrorJson(status, title, message));
                return;
            }
            boolean console = AccessControl.isConsolePath(ctx.path());
            String programName;
            try {
                programName = frames.programName();
            } catch (RuntimeException storeDown) {
                programName = "OpenCCE";
            }
            ErrorView view = new ErrorView(
                    new Frame(programName, title, "error", Optional.empty(), Requests.csrfToken(ctx), List.of()),
                    status, title, message, console && status != 403 ? "/console" : "/",
                    console && status != 403 ? "Back to the console" : "Home page",
                    Requests.session(ctx).map(Session::isLoggedIn).orElse(false));
            templates.respond(ctx, "error.jte", view);
        }
    }

    record ErrorJson(int status, String error, String message) {
    }
}
