package org.opencce.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which HTTP methods each path of the site serves, so that any other method (TRACE, OPTIONS, PUT,
 * an unknown one) gets 405 with an {@code Allow} header (RFC 9110, section 15.5.6) before any other
 * filter runs, instead of a 404 or a sign-in redirect. GET implies HEAD. Static files and WebJars
 * serve GET and HEAD. Fill it while routes are added, then only read it. Thread-safe once filled.
 */
final class AllowedMethods {
    private static final List<String> STATIC_PREFIXES = List.of("/static/", "/webjars/");
    private final List<Route> routes = new ArrayList<>();

    void add(HandlerType method, String path) {
        // Javalin's path parameters ({id}) match one whole path segment; the rest matches literally.
        String regex = Arrays.stream(path.split("/", -1))
                .map(segment -> segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        routes.add(new Route(method.name(), Pattern.compile(regex)));
    }

    /** The methods served at {@code path}, in the order added; empty when no route matches it. */
    Set<String> at(String path) {
        Set<String> methods = new LinkedHashSet<>();
        if (STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            methods.add("GET");
        }
        for (Route r : routes) {
            if (r.path().matcher(path).matches()) {
                methods.add(r.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }

    /** A before-filter: refuses a method the path does not serve with 405 and {@code Allow}. */
    void check(Context ctx) {
        Set<String> allowed = at(ctx.path());
        String method = ctx.req().getMethod();
        if (allowed.isEmpty() || allowed.contains(method)) {
            return;
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        throw new WebProblem(405, "Method not allowed", method + " is not supported at " + ctx.path()
                + "; this address accepts " + allow + ".");
    }

    private record Route(String method, Pattern path) {
    }
}
