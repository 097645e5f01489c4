package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the server can tell: keeps cookies, does not follow redirects (so tests see
 * them), reads the CSRF token from the last page it got.
 */
final class WebClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> everyRequest = new LinkedHashMap<>();
    private String csrfToken;

    WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Sends {@code header: value} with every request from now on (e.g. a proxy's X-Forwarded-For). */
    WebClient withHeader(String header, String value) {
        everyRequest.put(header, value);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
    }

    /** Posts a form; adds the CSRF token of the last page unless the form has a {@code csrf} field. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.putIfAbsent("csrf", csrfToken);
        }
        return postRaw(path, fields);
    }

    /** Posts exactly these fields, without adding a CSRF token, with extra headers (name, value, …). */
    HttpResponse<String> postRaw(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Signs in through the form and checks that it worked. */
    void logIn(String user, String password) {
        HttpResponse<String> response = attemptLogIn(user, password);
        assertThat(response.statusCode()).as("sign-in of %s", user).isEqualTo(303);
    }

    /** Opens the sign-in form and submits it. */
    HttpResponse<String> attemptLogIn(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The value of our session cookie, or null. */
    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SessionCookie.NAME))
                .map(c -> c.getValue()).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        everyRequest.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF_FIELD.matcher(response.body());
            if (m.find()) {
                csrfToken = m.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
