package org.opencce.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencce.app.enrollment.EnrollmentRequests;
import org.opencce.app.load.LoadProfiles;
import org.opencce.app.security.LoginThrottle;
import org.opencce.app.security.PortalThrottle;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.app.security.TrustedProxies;
import org.opencce.app.web.view.ErrorView;
import org.opencce.app.web.view.Frame;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.store.AccountStore;
import org.opencce.store.AuditLog;
import org.opencce.store.ConsoleSessionStore;
import org.opencce.store.EnrollmentStore;
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
 * <p>Routes: {@code GET /}, {@code GET /api/program}, {@code GET|POST /choose} (the customer portal),
 * {@code GET|POST /login}, {@code POST /logout}, {@code GET|POST /console/password},
 * {@code GET /console}, {@code GET /console/week}, {@code GET /console/campaign},
 * {@code GET /console/campaign.csv}, {@code GET /api/console/campaign}, {@code GET /console/exceptions},
 * {@code GET /console/accounts},
 * {@code GET /console/accounts/{id}}, {@code POST /console/accounts/{id}/requests}, {@code GET /api/console/load},
 * {@code GET /api/console/load/monthly}, {@code GET /api/console/accounts},
 * {@code GET /api/console/accounts/{id}}, {@code GET /api/console/accounts/{id}/usage}; static files
 * under {@code /static} (including {@code /static/openapi.json}) and {@code /webjars}.
 *
 * <p>Signed-in sessions are kept in PostgreSQL by the SHA-256 of their id, so a restart keeps staff
 * signed in. Every response, Jetty's own answers to malformed requests included, carries the
 * security headers of {@link AccessControl}; a method a path does not serve (TRACE, OPTIONS, …)
 * gets 405 with an {@code Allow} header. {@link #start} and {@link #stop} may be called from any
 * thread; the server handles requests concurrently.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Where the server listens unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * What the web app reads: the program it serves, the stores (console sessions included; the enrollment
     * histories for the campaign pages, the exception queues and the account timeline), the load
     * service, the reference data for the public comparison, enrollment (which applies the portal's and
     * the staff's requests), the reverse proxies whose {@code X-Forwarded-For} and
     * {@code X-Forwarded-Proto} are believed, and the clock that says what "today" is and drives the
     * rate limits (tests fix it).
     */
    public record Dependencies(ProgramId program, ProgramStore programs, AccountStore accounts,
            EnrollmentStore enrollments, UserStore users,
            ConsoleSessionStore sessions, AuditLog audit, IntervalStore intervals, LoadProfiles loads,
            BasicServiceRates basicService, ClassIStandard classI, EnrollmentRequests enrollment,
            TrustedProxies trustedProxies, Clock clock) {

        public Dependencies {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(programs, "programs");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(enrollments, "enrollments");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(intervals, "intervals");
            Objects.requireNonNull(loads, "loads");
            Objects.requireNonNull(basicService, "basicService");
            Objects.requireNonNull(classI, "classI");
            Objects.requireNonNull(enrollment, "enrollment");
            Objects.requireNonNull(trustedProxies, "trustedProxies");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Dependencies deps;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final PortalThrottle portalThrottle;
    private Javalin server;

    public WebApp(Dependencies deps) {
        Objects.requireNonNull(deps, "deps");
        // Pages read the program and its products on every request: from memory, a few seconds old at most.
        this.deps = new Dependencies(deps.program(), new ProgramReadCache(deps.programs()), deps.accounts(),
                deps.enrollments(), deps.users(), deps.sessions(), deps.audit(), deps.intervals(), deps.loads(), deps.basicService(),
                deps.classI(), deps.enrollment(), deps.trustedProxies(), deps.clock());
        this.sessions = new SessionStore(deps.clock(), deps.sessions());
        this.throttle = new LoginThrottle(deps.clock());
        this.portalThrottle = new PortalThrottle(deps.clock());
    }

    /**
     * Starts listening on the loopback interface only ({@code 127.0.0.1}), so that nobody else on the
     * network reaches the console unless asked for with {@link #start(String, int)}; {@code port} 0
     * picks a free port. Returns the port in use.
     */
    public int start(int port) {
        return start(DEFAULT_HOST, port);
    }

    /** Starts listening on {@code host} (e.g. {@code 127.0.0.1}, {@code 0.0.0.0}); returns the port in use. */
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
        AccessControl access = new AccessControl(deps.program(), sessions, deps.users(), deps.trustedProxies());
        PublicSite site = new PublicSite(deps, frames, templates);
        LoginPages login = new LoginPages(deps.program(), deps.users(), deps.audit(), sessions, throttle,
                deps.clock(), frames, templates);
        PasswordPages password = new PasswordPages(deps.program(), deps.users(), deps.audit(), sessions, throttle,
                frames, templates);
        Dashboard dashboard = new Dashboard(deps, frames, templates);
        AccountPages accounts = new AccountPages(deps, frames, templates);
        PortalPages portal = new PortalPages(deps, portalThrottle, sessions, frames, templates);
        StaffRequestPages staffRequests = new StaffRequestPages(deps, accounts, frames, templates);
        CampaignPages campaign = new CampaignPages(deps, frames, templates);
        ExceptionPages exceptions = new ExceptionPages(deps, frames, templates);
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
            config.http.prefer405over404 = true;
            // Requests Jetty refuses before Javalin sees them (a malformed request line, 414 URI too
            // long, 431 headers too large) get their error page from this handler.
            config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrorHandler()));
        });

        AllowedMethods allowed = new AllowedMethods();
        app.before(access::identifyClient);
        app.before(access::addSecurityHeaders);
        app.before(allowed::check);
        app.before(access::loadSession);
        app.before(access::checkCsrf);
        app.before(access::requireConsoleUser);

        route(app, allowed, HandlerType.GET, "/", site::home);
        route(app, allowed, HandlerType.GET, "/api/program", site::programJson);
        route(app, allowed, HandlerType.GET, PortalPages.PATH, portal::form);
        route(app, allowed, HandlerType.POST, PortalPages.PATH, portal::submit);

        route(app, allowed, HandlerType.GET, "/login", login::form);
        route(app, allowed, HandlerType.POST, "/login", login::submit);
        route(app, allowed, HandlerType.POST, "/logout", login::logout);

        route(app, allowed, HandlerType.GET, AccessControl.CHANGE_PASSWORD_PATH, password::form);
        route(app, allowed, HandlerType.POST, AccessControl.CHANGE_PASSWORD_PATH, password::submit);
        route(app, allowed, HandlerType.GET, "/console", dashboard::page);
        route(app, allowed, HandlerType.GET, "/console/week", dashboard::weekFragment);
        route(app, allowed, HandlerType.GET, "/console/campaign", campaign::page);
        route(app, allowed, HandlerType.GET, "/console/campaign.csv", campaign::csv);
        route(app, allowed, HandlerType.GET, "/api/console/campaign", campaign::json);
        route(app, allowed, HandlerType.GET, "/console/exceptions", exceptions::page);
        route(app, allowed, HandlerType.GET, "/console/accounts", accounts::search);
        route(app, allowed, HandlerType.GET, "/console/accounts/{id}", accounts::detail);
        route(app, allowed, HandlerType.POST, "/console/accounts/{id}/requests", staffRequests::submit);
        route(app, allowed, HandlerType.GET, "/api/console/load", dashboard::loadJson);
        route(app, allowed, HandlerType.GET, "/api/console/load/monthly", dashboard::monthlyJson);
        route(app, allowed, HandlerType.GET, "/api/console/accounts", accounts::searchJson);
        route(app, allowed, HandlerType.GET, "/api/console/accounts/{id}", accounts::accountJson);
        route(app, allowed, HandlerType.GET, "/api/console/accounts/{id}/usage", accounts::usageJson);
        route(app, allowed, HandlerType.GET, "/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));

        app.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
        app.exception(WebProblem.class, errors::problem);
        app.exception(Exception.class, errors::unexpected);
        app.error(404, errors::notFound);
        app.error(405, errors::methodNotAllowed);
        return app;
    }

    private static void route(Javalin app, AllowedMethods allowed, HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
        allowed.add(method, path);
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
