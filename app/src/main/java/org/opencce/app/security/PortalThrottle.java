package org.opencce.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rate limits of the customer portal (issue 6, section 3.6: "requests are rate-limited per client
 * and per account"), so that nobody can try account numbers and ZIP codes at speed:
 * <ul>
 * <li>per client: at most {@value #REQUESTS_PER_CLIENT} requests in any {@link #CLIENT_WINDOW}, counted
 * whatever their outcome. A client is its IP address as {@code AccessControl} identifies it (through
 * trusted proxies only); an IPv6 client counts by its /64 network, the block one subscriber usually
 * gets (RFC 6177), so that hopping between its own addresses does not help;</li>
 * <li>per account number: at most {@value #FAILED_MATCHES_PER_ACCOUNT} failed matches in any
 * {@link #ACCOUNT_WINDOW}, from all clients together. Failures count whether the number exists or not,
 * so the limit reveals nothing about which numbers exist.</li>
 * </ul>
 * Account numbers are held only as a keyed hash (HMAC-SHA-256 under a random key made when the
 * throttle is, never written anywhere): the numbers are short enough that a plain hash could be
 * reversed by trying them all. Counts live in memory, bounded by {@value #MAX_KEYS} keys per limit,
 * and a restart forgets them. Thread-safe.
 */
public final class PortalThrottle {
    /** Requests one client may send in any {@link #CLIENT_WINDOW}: plenty for a household fixing typos. */
    public static final int REQUESTS_PER_CLIENT = 20;
    public static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);
    /** Failed matches one account number may have in any {@link #ACCOUNT_WINDOW}. */
    public static final int FAILED_MATCHES_PER_ACCOUNT = 5;
    public static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);
    static final int MAX_KEYS = 50_000;
    /** Longer client addresses are cut: no IP address literal is longer. */
    private static final int MAX_ADDRESS = 100;

    private final Clock clock;
    private final SlidingWindowLimit perClient;
    private final SlidingWindowLimit perAccount;
    private final SecretKeySpec hashKey;

    public PortalThrottle(Clock clock) {
        this(clock, MAX_KEYS);
    }

    PortalThrottle(Clock clock, int maxKeys) {
        this.clock = clock;
        this.perClient = new SlidingWindowLimit(REQUESTS_PER_CLIENT, CLIENT_WINDOW, maxKeys);
        this.perAccount = new SlidingWindowLimit(FAILED_MATCHES_PER_ACCOUNT, ACCOUNT_WINDOW, maxKeys);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.hashKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * Counts a request from {@code clientAddress}. Empty when it may go ahead; otherwise the request
     * is not counted and the answer is when the client may send the next one.
     */
    public Optional<Instant> admitClient(String clientAddress) {
        return perClient.tryAcquire(clientKey(clientAddress), clock.instant());
    }

    /**
     * When the next attempt for this account number may be made, if its failed matches have used up
     * the limit; empty when it may be tried now. {@code accountNumberKey} is the number as compared
     * (spaces and dashes removed, see {@code PortalRequest.keyOf}).
     */
    public Optional<Instant> accountRetryAt(String accountNumberKey) {
        return perAccount.blockedUntil(accountKey(accountNumberKey), clock.instant());
    }

    /** Counts an attempt whose account number and ZIP code did not match an account. */
    public void recordFailedMatch(String accountNumberKey) {
        perAccount.record(accountKey(accountNumberKey), clock.instant());
    }

    /** Whole seconds from now until {@code until}, at least 1: the value of a {@code Retry-After} header. */
    public long secondsUntil(Instant until) {
        long millis = Duration.between(clock.instant(), until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** How many clients and account numbers are held (for tests of the memory bound). */
    int keyCount() {
        return perClient.keyCount() + perAccount.keyCount();
    }

    /** The address, or for IPv6 its /64 network ("2001:db8:1:2::/64"). */
    static String clientKey(String address) {
        String text = address == null ? "" : address;
        Optional<byte[]> bytes = IpAddresses.parse(text);
        if (bytes.isPresent() && bytes.get().length == 16) {
            byte[] b = bytes.get();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        }
        return text.length() > MAX_ADDRESS ? text.substring(0, MAX_ADDRESS) : text;
    }

    private String accountKey(String accountNumberKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            byte[] digest = mac.doFinal((accountNumberKey == null ? "" : accountNumberKey)
                    .getBytes(StandardCharsets.UTF_8));
            // 128 bits tell account numbers apart as well as 256 do here, in half the memory.
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
