package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server answers to requests a browser would not send: methods no route serves, and
 * requests Jetty refuses before the app sees them. Raw sockets, because HTTP clients refuse to send
 * such requests.
 */
class WebHardeningTest {
    @TempDir
    static Path folder;
    static TestSite site;
    static int port;

    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
        port = URI.create(site.base).getPort();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void traceOptionsAndUnknownMethodsGet405WithAllow() throws IOException {
        String trace = exchange("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String options = exchange("OPTIONS /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String delete = exchange("DELETE /console/accounts/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String made = exchange("BREW /api/program HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String staticFile = exchange("OPTIONS /static/css/site.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(statusLine(trace)).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(header(trace, "Allow")).isEqualTo("GET, HEAD");
        assertThat(statusLine(options)).contains(" 405 ");
        assertThat(header(options, "Allow")).isEqualTo("GET, POST, HEAD");
        assertThat(statusLine(delete)).as("not a sign-in redirect or a CSRF refusal").contains(" 405 ");
        assertThat(header(delete, "Allow")).isEqualTo("GET, HEAD");
        assertThat(statusLine(made)).contains(" 405 ");
        assertThat(made).contains("\"status\":405");
        assertThat(statusLine(staticFile)).contains(" 405 ");
        assertThat(trace).as("TRACE must not echo the request").doesNotContain("Host: x");
        assertThat(header(trace, "Content-Security-Policy")).isEqualTo(AccessControl.CONTENT_SECURITY_POLICY);
    }

    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws IOException {
        String longUri = exchange("GET /?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String bigHeader = exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        String malformed = exchange("GET\u0001/ HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(statusLine(longUri)).contains(" 414 ");
        assertThat(statusLine(bigHeader)).contains(" 431 ");
        assertThat(statusLine(malformed)).contains(" 400 ");
        for (String response : new String[] {longUri, bigHeader, malformed}) {
            assertThat(header(response, "Content-Security-Policy")).as(statusLine(response))
                    .isEqualTo(AccessControl.CONTENT_SECURITY_POLICY);
            assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            return new String(all, StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String response) {
        return response.lines().findFirst().orElse("");
    }

    /** The value of a header in the response head, or null. */
    private static String header(String response, String name) {
        String head = response.split("\r\n\r\n", 2)[0];
        return head.lines().skip(1)
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
    }
}
