package org.opencce.app.enrollment;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencce.domain.community.ProductId;

/**
 * A customer's request as the portal or a staff member took it: what the customer wants
 * ({@code kind}), the utility account number and service ZIP code as typed (the portal matches
 * them; for staff requests they are the account's own), the product wanted, how the request arrived
 * ({@code channel}) and the client's IP address (for the event history). Immutable and thread-safe.
 *
 * <p>Invariants: the account number has 1 to 30 letters or digits once spaces and dashes are
 * removed (the portal asks for at least 4, see {@link #isAccountNumber}); the ZIP code is 5 digits or ZIP+4; an opt-out names no product, a product change names
 * one, an opt-in may (none means the program's default product).
 */
public record PortalRequest(Kind kind, String accountNumber, String serviceZip, Optional<ProductId> product,
        Channel channel, String clientAddress) {

    /** Letters and digits only, as the key compares them; utilities print the same number with or without dashes. */
    private static final Pattern ACCOUNT_NUMBER_KEY = Pattern.compile("[0-9A-Z]{1,30}");
    /** What the portal accepts as typed: at least 4 characters, like {@code UtilityAccountNumber}. */
    private static final Pattern TYPED_ACCOUNT_NUMBER_KEY = Pattern.compile("[0-9A-Z]{4,30}");
    private static final int MAX_TYPED = 60;
    /** USPS: five digits, optionally the ZIP+4 extension with or without its dash. */
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");
    private static final int MAX_CLIENT_ADDRESS = 100;

    /** What the customer asks for (issue 6, section 2: opt out at any time; opt up, opt down or opt in). */
    public enum Kind {
        /** Leave the program and return to the utility's Basic Service, at no cost. */
        OPT_OUT,
        /** Stay in the program with another of its products (opt up or opt down). */
        CHANGE_PRODUCT,
        /** Join the program (a competitive-supply or opted-out customer). */
        OPT_IN
    }

    /** How the request reached the program. */
    public enum Channel {
        /** The public portal. */
        WEB("web"),
        /** A phone call to the program's customer line. */
        PHONE("phone"),
        /** A letter. */
        MAIL("mail"),
        /** The reply card sent with the opt-out notice. */
        REPLY_CARD("reply_card");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        /** "web", "phone", "mail", "reply_card": the name used in forms, files and the event history. */
        public String code() {
            return code;
        }

        /** The channel with this {@link #code()}, if any. */
        public static Optional<Channel> ofCode(String code) {
            for (Channel c : values()) {
                if (c.code.equals(code)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    public PortalRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(channel, "channel");
        if (accountNumber == null || accountNumber.length() > MAX_TYPED
                || !ACCOUNT_NUMBER_KEY.matcher(keyOf(accountNumber)).matches()) {
            throw new IllegalArgumentException("accountNumber must have 1 to 30 letters or digits besides spaces and"
                    + " dashes, was '" + accountNumber + "'");
        }
        if (!isZip(serviceZip)) {
            throw new IllegalArgumentException("serviceZip must be 5 digits or ZIP+4, was '" + serviceZip + "'");
        }
        if (kind == Kind.OPT_OUT && product.isPresent()) {
            throw new IllegalArgumentException("an opt-out names no product, was " + product.get());
        }
        if (kind == Kind.CHANGE_PRODUCT && product.isEmpty()) {
            throw new IllegalArgumentException("a product change must name the product wanted");
        }
        if (clientAddress == null || clientAddress.isEmpty() || clientAddress.length() > MAX_CLIENT_ADDRESS) {
            throw new IllegalArgumentException("clientAddress must have 1 to " + MAX_CLIENT_ADDRESS
                    + " characters, was '" + clientAddress + "'");
        }
    }

    /**
     * The account number as compared with the utility's: spaces and dashes removed, letters in
     * upper case ("5401-234 5678" and "54012345678" are the same account).
     */
    public String accountNumberKey() {
        return keyOf(accountNumber);
    }

    /** The five-digit ZIP code, without a ZIP+4 extension. */
    public String serviceZip5() {
        return serviceZip.substring(0, 5);
    }

    /** {@code typed} with spaces and dashes removed and letters in upper case; null reads as empty. */
    public static String keyOf(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) {
                key.append(c);
            }
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a visitor typed a plausible account number: at most {@value #MAX_TYPED} characters, of
     * which 4 to 30 letters or digits besides spaces and dashes.
     */
    public static boolean isAccountNumber(String typed) {
        return typed != null && typed.length() <= MAX_TYPED && TYPED_ACCOUNT_NUMBER_KEY.matcher(keyOf(typed)).matches();
    }

    /** Whether {@code typed} is a well-formed ZIP code: 5 digits, or ZIP+4 with or without the dash. */
    public static boolean isZip(String typed) {
        return typed != null && ZIP.matcher(typed).matches();
    }
}
