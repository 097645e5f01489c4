package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --host} and {@code --trusted-proxy} as {@code serve} and {@code demo} read them. */
class NetworkOptionsTest {

    @Test
    void theServerListensOnThisMachineOnlyUnlessToldOtherwise() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--host", "0.0.0.0");

        assertThat(serve.network.host).isEqualTo("127.0.0.1");
        assertThat(serve.network.listensOnNetwork()).isFalse();
        assertThat(serve.network.urlFor(8080)).isEqualTo("http://127.0.0.1:8080/");
        assertThat(demo.network.listensOnNetwork()).isTrue();
        assertThat(demo.network.urlFor(8080)).as("0.0.0.0 is no address to browse to")
                .isEqualTo("http://localhost:8080/");
    }

    @Test
    void trustedProxiesAreRepeatableRangesAndAnIpv6HostIsBracketed() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--host", "::1", "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy",
                "fd00::/8");

        assertThat(serve.network.urlFor(9000)).isEqualTo("http://[::1]:9000/");
        assertThat(serve.network.proxies().trusts("10.20.30.40")).isTrue();
        assertThat(serve.network.proxies().trusts("fd12::1")).isTrue();
        assertThat(serve.network.proxies().trusts("192.0.2.1")).isFalse();
    }
}
