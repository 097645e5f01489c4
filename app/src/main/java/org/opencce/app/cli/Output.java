package org.opencce.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import org.opencce.domain.OpenCceException;

/**
 * How a command prints its result: exactly one JSON object on standard output with {@code --json},
 * human text otherwise.
 */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Output() {
    }

    static String json(Object result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OpenCceException("could not write the result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void printJson(PrintWriter out, Object result) {
        out.println(json(result));
        out.flush();
    }
}
