package org.opencce.app.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Parses IP address literals (IPv4 dotted quads and IPv6 text forms) into their bytes without ever
 * asking DNS, which {@link java.net.InetAddress#getByName} would do for anything that is not a
 * literal. IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are returned as the 4-byte IPv4
 * address, so that a proxy reported either way matches the same trusted range. Stateless.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The 4 or 16 bytes of {@code text}, or empty when it is not an IP address literal. */
    static Optional<byte[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = t.indexOf(':') >= 0 ? parseIpv6(t) : parseIpv4(t);
        return bytes.map(IpAddresses::unmapIpv4);
    }

    /** Dotted quad, four decimal numbers 0 to 255 without leading zeros (RFC 6943, section 3.1.1). */
    private static Optional<byte[]> parseIpv4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /**
     * The text forms of RFC 4291, section 2.2: eight groups of up to four hex digits, one {@code ::}
     * standing for one or more zero groups, and an optional dotted-quad IPv4 tail. Zone ids
     * ({@code %eth0}) are refused: a proxy address is never link-local in practice.
     */
    private static Optional<byte[]> parseIpv6(String t) {
        if (t.indexOf('%') >= 0) {
            return Optional.empty();
        }
        int doubleColon = t.indexOf("::");
        if (doubleColon >= 0 && t.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? t.substring(0, doubleColon) : t;
        String tail = doubleColon >= 0 ? t.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        // An IPv4 tail is only allowed at the very end.
        if (doubleColon >= 0 && containsIpv4(head)) {
            return Optional.empty();
        }
        int count = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        int offset = 8 - tailGroups.length;
        for (int i = 0; i < tailGroups.length; i++) {
            bytes[2 * (offset + i)] = (byte) (tailGroups[i] >> 8);
            bytes[2 * (offset + i) + 1] = (byte) tailGroups[i];
        }
        return Optional.of(bytes);
    }

    private static boolean containsIpv4(String s) {
        return s.indexOf('.') >= 0;
    }

    /** The 16-bit groups of a colon-separated run; a dotted quad at its end counts as two. */
    private static int[] groups(String run) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int[] groups = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                Optional<byte[]> v4 = parseIpv4(p);
                if (v4.isEmpty()) {
                    return null;
                }
                byte[] b = v4.get();
                groups[n++] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
                groups[n++] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < p.length(); k++) {
                int digit = Character.digit(p.charAt(k), 16);
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups[n++] = value;
        }
        return Arrays.copyOf(groups, n);
    }

    /** {@code ::ffff:a.b.c.d} (RFC 4291, section 2.5.5.2) as the IPv4 address {@code a.b.c.d}. */
    private static byte[] unmapIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
            return bytes;
        }
        return Arrays.copyOfRange(bytes, 12, 16);
    }
}
