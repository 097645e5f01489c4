package org.opencce.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.opencce.app.security.Cidr;
import org.opencce.app.security.TrustedProxies;
import org.opencce.app.web.WebApp;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the web app listens and which reverse proxies it believes: {@code --host} and
 * {@code --trusted-proxy}, shared by {@code serve} and {@code demo}.
 */
final class NetworkOptions {
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = WebApp.DEFAULT_HOST,
            description = {"Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
                "Use 0.0.0.0 (or ::) to accept connections from the network, e.g. from a reverse proxy on"
                        + " another machine."})
    String host;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR", converter = CidrConverter.class,
            description = {"A reverse proxy (address or range, e.g. 10.0.0.5 or 10.0.0.0/8 or fd00::/8) whose"
                    + " X-Forwarded-For and X-Forwarded-Proto headers are believed. Repeat for several.",
                "Without it the TCP peer is the client, and the headers are ignored."})
    List<Cidr> trustedProxies = new ArrayList<>();

    TrustedProxies proxies() {
        return new TrustedProxies(trustedProxies);
    }

    /**
     * The site's address for people: the host in brackets when it is IPv6, and {@code localhost} when
     * the server listens on every interface (0.0.0.0 or ::), which is no address to browse to.
     */
    String urlFor(int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "localhost" : host;
        if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        return "http://" + shown + ":" + port + "/";
    }

    /** Whether the server accepts connections from other machines. */
    boolean listensOnNetwork() {
        return !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]"));
    }

    /** Parses a range when the command line is read, so that a bad one is a usage error (exit code 2). */
    static final class CidrConverter implements ITypeConverter<Cidr> {
        @Override
        public Cidr convert(String value) {
            try {
                return Cidr.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
