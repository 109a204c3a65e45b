package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Where the test captures are and what tshark says they hold: the bundled ones in test-pcaps/
 * (expected counts made by test-pcaps/expected.sh with tshark) and the public corpus in the
 * shared folder beside the repository (counts in its expected.json, also from tshark).
 */
final class TestCaptures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCaptures() {
    }

    static Path repository() {
        return Path.of(System.getProperty("scanvas.repo", "..")).toAbsolutePath().normalize();
    }

    static Path bundled() {
        return repository().resolve("test-pcaps");
    }

    static Path publicCorpus() {
        return repository().resolve("../shared/pcaps").normalize();
    }

    /**
     * One argument set per file listed in {@code directory/expected.json}: file, expectation.
     * Without an index, one set whose expectation is null, so that the test can say so.
     */
    static List<Arguments> expectations(Path directory) {
        Path index = directory.resolve("expected.json");
        if (!Files.isRegularFile(index)) {
            return List.of(Arguments.of(index.toString(), null));
        }
        List<Arguments> cases = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = read(index).fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            cases.add(Arguments.of(entry.getKey(), entry.getValue()));
        }
        return cases;
    }

    static JsonNode read(Path json) {
        try {
            return JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that a {@code summary --json} object gives every count of an expected.json entry
     * (fields the entry leaves out are not checked) and the same first and last instants.
     */
    static void assertSummaryEquals(JsonNode actual, JsonNode expected) {
        for (String field : List.of("packets", "backscatter", "other", "malformed", "sources")) {
            if (expected.has(field)) {
                assertThat(actual.get(field).asLong()).as(field)
                        .isEqualTo(expected.get(field).asLong());
            }
        }
        assertThat(actual.get("probes")).isEqualTo(expected.get("probes"));
        assertThat(instant(actual, "first")).as("first").isEqualTo(instant(expected, "first"));
        assertThat(instant(actual, "last")).as("last").isEqualTo(instant(expected, "last"));
    }

    private static Instant instant(JsonNode summary, String field) {
        JsonNode value = summary.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
