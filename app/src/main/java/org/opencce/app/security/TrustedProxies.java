package org.opencce.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose word about the client is believed. Only when the TCP peer of a request
 * lies in one of these ranges are {@code X-Forwarded-For} and {@code X-Forwarded-Proto} read; anyone
 * else could write them to pose as another address (and escape the login throttle) or as HTTPS.
 * Immutable and thread-safe.
 */
public final class TrustedProxies {
    /** Believes no proxy: the TCP peer is the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Cidr> ranges;

    public TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public List<Cidr> ranges() {
        return ranges;
    }

    public boolean trusts(String address) {
        Optional<byte[]> bytes = IpAddresses.parse(address);
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /**
     * The client's address: the TCP {@code peer}, or when the peer is a trusted proxy, the right-most
     * address of {@code X-Forwarded-For} that is not itself a trusted proxy (each proxy appends the
     * address it got the request from, so entries left of the first untrusted one may be forged). When
     * every entry is trusted, the left-most one; an entry that is no IP address is taken as it stands,
     * since a client could only have written it through the proxy that then vouches for it.
     *
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        if (hops.isEmpty()) {
            return peer;
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusts(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.get(0);
    }

    /** Whether the client used HTTPS as the trusted proxy tells it ({@code X-Forwarded-Proto}). */
    public boolean forwardedHttps(String peer, String forwardedProto) {
        if (!trusts(peer) || forwardedProto == null) {
            return false;
        }
        // With several proxies the header may be a list; the first entry is the client's side.
        String first = forwardedProto.split(",")[0].strip();
        return first.equalsIgnoreCase("https");
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
