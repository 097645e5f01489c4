package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The public home page and {@code /api/program}, as a resident sees them on March 15, 2025. */
class PublicSiteTest {
    private static final double DELTA_CENTS = 1e-9;

    @TempDir
    static Path folder;
    static TestSite site;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void homePageNamesTheProgramItsTownsAndTheirUtilities() {
        HttpResponse<String> page = site.client().get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(page.body()).contains("<h1>Valley Green Energy</h1>", "Amherst, Northampton and Pelham",
                "Supplying electricity since Jan 1, 2025", "Eversource (Western Massachusetts)",
                "National Grid (Massachusetts Electric Co.)", "39,263", "lead town");
    }

    @Test
    void homePageListsTheFourProductsWithThisYearsRenewableContentAndPrice() {
        String body = site.client().get("/").body();

        assertThat(body).contains("Valley Basic", "Valley Standard", "Valley 100% Green", "Valley Local Green");
        assertThat(body).contains("27 % (state minimum)", "47 % (state minimum 27 % + 20)", "100 %",
                "77 % (state minimum 27 % + 50)");
        assertThat(body).contains("13.950 ¢/kWh", "14.450 ¢/kWh", "15.950 ¢/kWh", "16.450 ¢/kWh");
        assertThat(body).contains("Illustrative prices for the demo", "illustrative");
        assertThat(body).contains("opt out at any time");
    }

    @Test
    void homePageComparesEachPriceWithEachUtilitysBasicService() {
        String body = site.client().get("/").body();

        // Valley Standard 14.450 against Eversource 14.020 and National Grid 14.672.
        assertThat(body).contains("0.430 ¢/kWh more", "(+3.1 %)", "0.222 ¢/kWh less", "(−1.5 %)");
        // Valley Basic 13.950 against Eversource 14.020.
        assertThat(body).contains("0.070 ¢/kWh less", "(−0.5 %)");
        assertThat(body).contains("vs Eversource Basic Service", "vs National Grid Basic Service");
    }

    @Test
    void homePageShowsEachBasicServicePeriodAndSaysWhenItIsOnlyTheLatestPublished() {
        String body = site.client().get("/").body();

        assertThat(body).contains("14.020 ¢/kWh", "Aug 1, 2024 – Jan 31, 2025", "Latest published rate",
                "ended on Jan 31, 2025");
        assertThat(body).contains("14.672 ¢/kWh", "Feb 1, 2025 – Jul 31, 2025", "In force today.");
    }

    @Test
    void programApiGivesProductsAndTheBasicServiceComparisonAsNumbers() throws Exception {
        HttpResponse<String> response = site.client().get("/api/program");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.at("/program/name").asText()).isEqualTo("Valley Green Energy");
        assertThat(json.at("/asOf").asText()).isEqualTo("2025-03-15");
        assertThat(json.at("/classI/minimumPercent").asDouble()).isEqualTo(27.0);
        assertThat(names(json.get("towns"))).containsExactly("Amherst", "Northampton", "Pelham");
        assertThat(names(json.get("products"))).containsExactlyInAnyOrder("Valley Basic", "Valley Standard",
                "Valley 100% Green", "Valley Local Green");

        JsonNode eversource = json.at("/basicService/0");
        assertThat(eversource.get("utility").asText()).isEqualTo("EVERSOURCE_WMA");
        assertThat(eversource.get("centsPerKwh").asDouble()).isCloseTo(14.02, within(DELTA_CENTS));
        assertThat(eversource.get("inForceToday").asBoolean()).isFalse();
        assertThat(json.at("/basicService/1/inForceToday").asBoolean()).isTrue();

        JsonNode standard = product(json, "standard");
        assertThat(standard.get("renewablePercent").asDouble()).isEqualTo(47.0);
        assertThat(standard.get("isDefault").asBoolean()).isTrue();
        assertThat(standard.get("illustrative").asBoolean()).isTrue();
        JsonNode vsEversource = standard.at("/basicServiceComparison/0");
        assertThat(vsEversource.get("differenceCentsPerKwh").asDouble()).isCloseTo(0.43, within(DELTA_CENTS));
        assertThat(vsEversource.get("differencePercent").asDouble()).isCloseTo(3.07, within(1e-9));
        assertThat(standard.at("/basicServiceComparison/1/differenceCentsPerKwh").asDouble())
                .isCloseTo(-0.222, within(DELTA_CENTS));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/api/program", "/login", "/static/css/site.css")) {
            HttpResponse<String> response = site.client().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "script-src 'self'",
                            "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void pagesHaveNoInlineScriptsAndLoadChartJsAndHtmxFromTheWebJars() {
        String home = site.client().get("/").body();
        assertThat(home).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(home).doesNotContain("http://", "style=\"").doesNotContainPattern("src=\"https?:");

        assertThat(site.client().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
        assertThat(site.client().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(site.client().get("/static/js/charts.js").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownPageIsA404WithAWayBack() {
        HttpResponse<String> response = site.client().get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found", "href=\"/\"");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    private static JsonNode product(JsonNode json, String id) {
        for (JsonNode p : json.get("products")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no product " + id + " in " + json);
    }
}
