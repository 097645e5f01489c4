package org.opencce.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR ranges for IPv4 and IPv6, and which address a request comes from behind trusted proxies. */
class TrustedProxiesTest {

    @Test
    void anIpv4RangeContainsExactlyTheAddressesOfItsPrefix() {
        Cidr range = Cidr.parse("10.1.0.0/16");

        assertThat(range.contains("10.1.0.0")).isTrue();
        assertThat(range.contains("10.1.255.255")).isTrue();
        assertThat(range.contains("10.2.0.0")).isFalse();
        assertThat(range.contains("10.0.255.255")).isFalse();
        assertThat(range.contains("::ffff:10.1.2.3")).as("IPv4-mapped IPv6").isTrue();
        assertThat(range.contains("2001:db8::1")).isFalse();
        assertThat(range.contains("not-an-address")).isFalse();
        assertThat(Cidr.parse("192.0.2.7").contains("192.0.2.7")).isTrue();
        assertThat(Cidr.parse("192.0.2.7").contains("192.0.2.8")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        // A prefix that does not fall on a byte boundary: 172.16.0.0/12 is 172.16.0.0 to 172.31.255.255.
        assertThat(Cidr.parse("172.16.0.0/12").contains("172.31.255.255")).isTrue();
        assertThat(Cidr.parse("172.16.0.0/12").contains("172.32.0.0")).isFalse();
    }

    @Test
    void anIpv6RangeAcceptsEveryTextFormOfItsAddresses() {
        Cidr range = Cidr.parse("2001:db8:abcd::/48");

        assertThat(range.contains("2001:db8:abcd::1")).isTrue();
        assertThat(range.contains("2001:0DB8:ABCD:0000:0000:0000:0000:0001")).isTrue();
        assertThat(range.contains("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(range.contains("2001:db8:abce::")).isFalse();
        assertThat(range.contains("[2001:db8:abcd::5]")).as("in brackets, as in a URL").isTrue();
        assertThat(Cidr.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.parse("64:ff9b::/96").contains("64:ff9b::192.0.2.33")).as("IPv4 tail").isTrue();
        assertThat(Cidr.parse("fe80::/10").contains("febf::1")).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains("fec0::1")).isFalse();
    }

    @Test
    void malformedRangesAreRefusedWithTheTextAndTheRule() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'")
                .hasMessageContaining("at most 32");
        assertThatThrownBy(() -> Cidr.parse("2001:db8::/129")).hasMessageContaining("at most 128");
        assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).hasMessageContaining("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> Cidr.parse("256.0.0.1")).hasMessageContaining("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> Cidr.parse("proxy.example.org")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> Cidr.parse("1::2::3")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> Cidr.parse("1:2:3:4:5:6:7:8:9")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessageContaining("no valid prefix length");
        assertThatThrownBy(() -> Cidr.parse("010.0.0.1")).as("leading zeros are ambiguous (octal)")
                .hasMessageContaining("not an IPv4 or IPv6");
    }

    @Test
    void withoutATrustedProxyTheForwardedHeadersAreIgnored() {
        TrustedProxies none = TrustedProxies.NONE;

        assertThat(none.clientAddress("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
        assertThat(none.forwardedHttps("198.51.100.4", "https")).isFalse();
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() {
        TrustedProxies proxies = new TrustedProxies(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

        // The client forged the first entry; the proxy appended the address it really saw.
        assertThat(proxies.clientAddress("10.0.0.2", List.of("1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // Two proxies: the inner one appended the outer one's address.
        assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.9", "fd00::3"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("10.0.0.9"))).as("all trusted: the left-most")
                .isEqualTo("10.0.0.9");
        assertThat(proxies.clientAddress("198.51.100.4", List.of("203.0.113.9"))).as("peer not trusted")
                .isEqualTo("198.51.100.4");
        assertThat(proxies.forwardedHttps("10.0.0.2", "https")).isTrue();
        assertThat(proxies.forwardedHttps("10.0.0.2", "http")).isFalse();
        assertThat(proxies.forwardedHttps("198.51.100.4", "https")).isFalse();
    }
}
