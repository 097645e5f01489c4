package org.opencce.app.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencce.app.enrollment.PortalOutcome;
import org.opencce.app.enrollment.PortalRequest;
import org.opencce.app.enrollment.PortalRequest.Channel;
import org.opencce.app.enrollment.PortalRequest.Kind;
import org.opencce.app.security.PortalThrottle;
import org.opencce.app.security.Session;
import org.opencce.app.security.SessionStore;
import org.opencce.app.web.ProgramOffer.ProductOffer;
import org.opencce.app.web.view.PortalConfirmationView;
import org.opencce.app.web.view.PortalFormView;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.time.LocalCalendar;

/**
 * The customer portal on the public site (issue 6, section 3.6): {@code GET /choose} shows the form
 * where a customer opts out, changes product or joins with the utility account number and the
 * service ZIP code; {@code POST /choose} applies it through
 * {@link org.opencce.app.enrollment.EnrollmentRequests} and shows the confirmation number.
 *
 * <p>Privacy: a visitor who has not matched an account sees no account data, and a failed match
 * gets the same page, status and work whether the number exists with another ZIP code or not at
 * all; the typed number and ZIP code are not echoed then, so the two answers are byte for byte the
 * same. Rate limits per client and per account number: see {@link PortalThrottle}.
 *
 * <p>CSRF: the form carries the token of an anonymous session, the same mechanism as the sign-in
 * form (a public form needs it too: without it, any web page could make its visitors' browsers
 * submit guesses from thousands of addresses, escaping the per-client limit, or submit an opt-out the
 * visitor never meant). Thread-safe.
 */
final class PortalPages {
    static final String PATH = "/choose";
    static final String TITLE = "Opt out, change product or join";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    static final String NOT_MATCHED = "No account matches that account number and service ZIP code. Check both"
            + " against your electric bill: the account number is printed on every bill, and the ZIP code is the"
            + " one of the address where you receive electricity, which may differ from your mailing address."
            + " Type them again below.";

    private final WebApp.Dependencies deps;
    private final PortalThrottle throttle;
    private final SessionStore sessions;
    private final Frames frames;
    private final Templates templates;

    PortalPages(WebApp.Dependencies deps, PortalThrottle throttle, SessionStore sessions, Frames frames,
            Templates templates) {
        this.deps = deps;
        this.throttle = throttle;
        this.sessions = sessions;
        this.frames = frames;
        this.templates = templates;
    }

    /** {@code GET /choose}: the empty form, in a session of its own so that it can carry a CSRF token. */
    void form(Context ctx) {
        if (Requests.session(ctx).isEmpty()) {
            Session anonymous = sessions.startAnonymous();
            SessionCookie.write(ctx, anonymous.id());
            Requests.setSession(ctx, anonymous);
        }
        render(ctx, offer(), "", "", "", Optional.empty(), "", List.of());
    }

    /** {@code POST /choose}: checks the limits and the form, applies the request, shows the outcome. */
    void submit(Context ctx) {
        String client = Requests.clientAddress(ctx);
        throttle.admitClient(client).ifPresent(until -> {
            throw tooMany(until, "This connection has sent many requests in a short time.");
        });
        ProgramOffer offer = offer();
        String typedNumber = field(ctx, "account_number");
        String typedZip = field(ctx, "zip");
        String kindValue = field(ctx, "kind");
        String productValue = field(ctx, "product");
        Optional<Kind> kind = kindOf(kindValue);
        Optional<ProductId> product = productOf(offer, productValue);

        List<String> problems = new ArrayList<>();
        if (!PortalRequest.isAccountNumber(typedNumber)) {
            problems.add("Account number: type the utility account number as printed on your electric bill"
                    + " (4 to 30 letters and digits; spaces and dashes do not matter).");
        }
        if (!PortalRequest.isZip(typedZip)) {
            problems.add("Service ZIP code: type the 5-digit ZIP code of the address where you receive"
                    + " electricity.");
        }
        if (kind.isEmpty()) {
            problems.add("What would you like to do: choose one of the three options.");
        } else if (kind.get() != Kind.OPT_OUT && product.isEmpty()) {
            problems.add(productValue.isEmpty() ? "Product: choose the product you want."
                    : "Product: that product is not offered; choose one of the products listed.");
        }
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, offer, typedNumber, typedZip, kindValue, product, "Please check the form", problems);
            return;
        }
        String numberKey = PortalRequest.keyOf(typedNumber);
        throttle.accountRetryAt(numberKey).ifPresent(until -> {
            throw tooMany(until, "There have been many unsuccessful attempts with this account number.");
        });
        PortalRequest request = new PortalRequest(kind.get(), typedNumber, typedZip,
                kind.get() == Kind.OPT_OUT ? Optional.empty() : product, Channel.WEB, client);
        PortalOutcome outcome = deps.enrollment().submitFromPortal(deps.program(), request);

        if (outcome instanceof PortalOutcome.Confirmed) {
            PortalOutcome.Confirmed confirmed = (PortalOutcome.Confirmed) outcome;
            PortalConfirmationView view = new PortalConfirmationView(
                    frames.publicPage(ctx, "Confirmation", "choose", List.of()), heading(kind.get()),
                    confirmed.confirmationNumber(), confirmed.whatHappens(),
                    confirmed.effectiveOn().map(Display::longDate));
            templates.respond(ctx, "chosen.jte", view);
            return;
        }
        ctx.status(422);
        if (outcome instanceof PortalOutcome.Refused) {
            render(ctx, offer, typedNumber, typedZip, kindValue, product, "Your request was not applied",
                    List.of(((PortalOutcome.Refused) outcome).reason()));
            return;
        }
        throttle.recordFailedMatch(numberKey);
        render(ctx, offer, "", "", kindValue, product, "We could not match your account", List.of(NOT_MATCHED));
    }

    private void render(Context ctx, ProgramOffer offer, String accountNumber, String zip, String kind,
            Optional<ProductId> product, String problemTitle, List<String> problems) {
        ProductId checked = product.orElseGet(() -> offer.products().stream().map(ProductOffer::product)
                .filter(Product::isDefault).map(Product::id).findFirst().orElse(null));
        List<PortalFormView.ProductChoice> products = new ArrayList<>();
        for (ProductOffer p : offer.products()) {
            Product pr = p.product();
            products.add(new PortalFormView.ProductChoice(pr.id().value(), pr.name(),
                    PublicSite.renewable(pr.greenContent(), p.renewable(), offer.classIMinimum()),
                    Display.price(pr.price()), Display.month(pr.termStart()) + " – " + Display.month(pr.termEnd()),
                    pr.isDefault(), pr.illustrative(), pr.id().equals(checked)));
        }
        List<PortalFormView.Choice> kinds = List.of(
                new PortalFormView.Choice("opt-out", "Leave the program (opt out)",
                        "Return to your utility's Basic Service. Free of charge, at any time.",
                        kind.equals("opt-out")),
                new PortalFormView.Choice("change", "Change my product",
                        "Stay in the program with more or less renewable energy (opt up or down).",
                        kind.equals("change")),
                new PortalFormView.Choice("join", "Join the program (opt in)",
                        "For customers on Basic Service or with a competitive supplier.", kind.equals("join")));
        PortalFormView view = new PortalFormView(frames.publicPage(ctx, TITLE, "choose", List.of()),
                offer.program().name(), accountNumber, zip, kinds, products, problemTitle, problems);
        templates.respond(ctx, "choose.jte", view);
    }

    private ProgramOffer offer() {
        return ProgramOffer.today(deps.program(), deps.programs(), deps.basicService(), deps.classI(), deps.clock());
    }

    private WebProblem tooMany(Instant until, String why) {
        long seconds = throttle.secondsUntil(until);
        long minutes = (seconds + 59) / 60;
        return WebProblem.tooManyRequests(why + " To protect customers' accounts, please wait and try again after "
                + TIME.format(LocalCalendar.local(until)) + " (in " + (minutes <= 1 ? "about a minute" : minutes
                        + " minutes") + "). You can also call the program's customer line.", seconds);
    }

    static String heading(Kind kind) {
        if (kind == Kind.OPT_OUT) {
            return "Your opt-out is confirmed";
        }
        return kind == Kind.CHANGE_PRODUCT ? "Your product change is confirmed" : "Your enrollment request is confirmed";
    }

    /** "opt-out", "change", "join" as the forms send them. */
    static Optional<Kind> kindOf(String value) {
        if (value.equals("opt-out")) {
            return Optional.of(Kind.OPT_OUT);
        }
        if (value.equals("change")) {
            return Optional.of(Kind.CHANGE_PRODUCT);
        }
        return value.equals("join") ? Optional.of(Kind.OPT_IN) : Optional.empty();
    }

    /** The product on offer whose id is {@code value}, if any. */
    static Optional<ProductId> productOf(ProgramOffer offer, String value) {
        return offer.products().stream().map(p -> p.product().id()).filter(id -> id.value().equals(value))
                .findFirst();
    }

    /** A form field with surrounding blanks removed; empty when absent; cut at 100 characters. */
    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null) {
            return "";
        }
        String t = value.strip();
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
