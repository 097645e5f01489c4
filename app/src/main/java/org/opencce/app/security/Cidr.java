package org.opencce.app.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block of IP addresses in CIDR notation (RFC 4632 for IPv4, RFC 4291 section 2.3 for IPv6):
 * {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address without a prefix length. An IPv4 block
 * also matches the IPv4-mapped IPv6 form of its addresses. Immutable and thread-safe.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code 192.168.0.0/16}, {@code fd00::/8} or a single address.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = IpAddresses.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IP address range: '" + address + "' is not an IPv4 or IPv6 address"
                        + " (write e.g. 10.0.0.0/8, 192.168.1.10 or fd00::/8)"));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length after '/';"
                        + " write a number from 0 to " + bits);
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has prefix length " + prefix + ", but an "
                        + (bits == 32 ? "IPv4" : "IPv6") + " range allows at most " + bits);
            }
        }
        return new Cidr(mask(bytes, prefix), prefix, t);
    }

    /** Whether the address literal {@code address} lies in this block; false when it is no IP address. */
    public boolean contains(String address) {
        return IpAddresses.parse(address).map(this::contains).orElse(false);
    }

    boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefixLength), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
        }
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr && ((Cidr) o).prefixLength == prefixLength
                && Arrays.equals(((Cidr) o).network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** The text it was parsed from. */
    @Override
    public String toString() {
        return text;
    }
}
