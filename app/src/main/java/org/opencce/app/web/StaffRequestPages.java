package org.opencce.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.app.enrollment.PortalOutcome;
import org.opencce.app.enrollment.PortalRequest;
import org.opencce.app.enrollment.PortalRequest.Channel;
import org.opencce.app.enrollment.PortalRequest.Kind;
import org.opencce.app.web.ProgramOffer.ProductOffer;
import org.opencce.app.web.view.AccountSearchView.Option;
import org.opencce.app.web.view.StaffRequestForm;
import org.opencce.app.web.view.StaffRequestView;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.ProductId;
import org.opencce.store.UserStore.Role;

/**
 * Customer requests that staff take by phone, mail or reply card (issue 6, section 3.6: "staff record
 * phone and reply-card opt-outs in the console"): the form on an account's page and
 * {@code POST /console/accounts/{id}/requests}, which applies the request through
 * {@link org.opencce.app.enrollment.EnrollmentRequests} with the signed-in user as the actor (the
 * implementation records it in the account's history). Only the staff and admin roles may record
 * requests; viewers see no form and get 403. The console's CSRF check covers the form. Thread-safe.
 */
final class StaffRequestPages {
    /** The channels staff take requests on; the web channel is the portal's own. */
    private static final List<Channel> STAFF_CHANNELS = List.of(Channel.PHONE, Channel.MAIL, Channel.REPLY_CARD);

    private final WebApp.Dependencies deps;
    private final AccountPages accounts;
    private final Frames frames;
    private final Templates templates;

    StaffRequestPages(WebApp.Dependencies deps, AccountPages accounts, Frames frames, Templates templates) {
        this.deps = deps;
        this.accounts = accounts;
        this.frames = frames;
        this.templates = templates;
    }

    /** Whether the user may record customer requests: staff and admins, not viewers. */
    static boolean mayRecord(ConsoleUser user) {
        return user.role() == Role.STAFF || user.role() == Role.ADMIN;
    }

    /** The form for the account page, or empty when the user may not record requests. */
    static Optional<StaffRequestForm> formFor(ConsoleUser user, Account account, WebApp.Dependencies deps) {
        if (!mayRecord(user)) {
            return Optional.empty();
        }
        ProgramOffer offer = offer(deps);
        List<Option> kinds = List.of(new Option("opt-out", "Opt out (return to Basic Service)", true),
                new Option("change", "Change product", false), new Option("join", "Opt in (join the program)", false));
        List<Option> channels = List.of(new Option("phone", "Phone call", true), new Option("mail", "Letter", false),
                new Option("reply_card", "Reply card", false));
        List<Option> products = new ArrayList<>();
        products.add(new Option("", "— (not needed for an opt-out)", true));
        for (ProductOffer p : offer.products()) {
            products.add(new Option(p.product().id().value(), p.product().name() + " · " + Display.price(
                    p.product().price()) + (p.product().isDefault() ? " · default" : ""), false));
        }
        return Optional.of(new StaffRequestForm(path(account), kinds, channels, products));
    }

    /** {@code POST /console/accounts/{id}/requests}: applies the request and shows what became of it. */
    void submit(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        if (!mayRecord(user)) {
            throw WebProblem.forbidden("Recording customer requests needs the staff or admin role; you are signed in"
                    + " as " + user.username() + " with the viewer role.");
        }
        Account account = accounts.account(ctx);
        ProgramOffer offer = offer(deps);
        Optional<Kind> kind = PortalPages.kindOf(PortalPages.field(ctx, "kind"));
        Optional<Channel> channel = Channel.ofCode(PortalPages.field(ctx, "channel"))
                .filter(STAFF_CHANNELS::contains);
        String productValue = PortalPages.field(ctx, "product");
        Optional<ProductId> product = PortalPages.productOf(offer, productValue);

        List<String> problems = new ArrayList<>();
        if (kind.isEmpty()) {
            problems.add("Choose the request: opt out, change product or opt in.");
        }
        if (channel.isEmpty()) {
            problems.add("Choose how the request came in: phone, letter or reply card.");
        }
        if (kind.isPresent() && kind.get() != Kind.OPT_OUT && product.isEmpty()) {
            problems.add(productValue.isEmpty() ? "Choose the product the customer wants."
                    : "The product '" + productValue + "' is not offered; choose one from the list.");
        }
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, account, false, "The request was not recorded", Optional.empty(),
                    String.join(" ", problems), Optional.empty());
            return;
        }
        PortalRequest request = new PortalRequest(kind.get(), account.number().value(),
                account.serviceAddress().zip(), kind.get() == Kind.OPT_OUT ? Optional.empty() : product,
                channel.get(), Requests.clientAddress(ctx));
        PortalOutcome outcome = deps.enrollment().submitForStaff(deps.program(), account.id(), request,
                user.username());
        if (outcome instanceof PortalOutcome.Confirmed) {
            PortalOutcome.Confirmed confirmed = (PortalOutcome.Confirmed) outcome;
            render(ctx, account, true, PortalPages.heading(kind.get()), Optional.of(confirmed.confirmationNumber()),
                    confirmed.whatHappens(), confirmed.effectiveOn().map(Display::longDate));
            return;
        }
        ctx.status(422);
        String reason = outcome instanceof PortalOutcome.Refused ? ((PortalOutcome.Refused) outcome).reason()
                : "Enrollment has no record of this account any more. Reload the account page and try again.";
        render(ctx, account, false, "The request was not applied", Optional.empty(), reason, Optional.empty());
    }

    private void render(Context ctx, Account account, boolean confirmed, String heading,
            Optional<String> confirmationNumber, String message, Optional<String> effectiveOn) {
        StaffRequestView view = new StaffRequestView(
                frames.consolePage(ctx, "Request for account " + account.id(), "accounts", List.of()),
                account.id().toString(), "/console/accounts/" + account.id(), confirmed, heading,
                confirmationNumber, message, effectiveOn);
        templates.respond(ctx, "console/request.jte", view);
    }

    private static ProgramOffer offer(WebApp.Dependencies deps) {
        return ProgramOffer.today(deps.program(), deps.programs(), deps.basicService(), deps.classI(), deps.clock());
    }

    static String path(Account account) {
        return "/console/accounts/" + account.id() + "/requests";
    }
}
