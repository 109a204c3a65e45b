package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.capture.CaptureFiles;

/**
 * {@code scanvas summary} over every file of the public corpus ({@code ../shared/pcaps/},
 * many of them deliberately malformed), whatever it is: it ends within a time limit, throws
 * nothing the command did not expect, and either reads the file or names it with the offset
 * of the damage. Files that are not captures at all (the corpus's README.md and index) get a
 * clear "not a capture file". The counts are held to the index by {@link SummaryCommandTest}.
 */
class PublicCorpusTest {

    /** Far above what the largest corpus file (2 MB) takes, far below a hang. */
    private static final Duration PER_FILE = Duration.ofSeconds(20);

    static Stream<Arguments> everyFileOfThePublicCorpus() throws IOException {
        Path corpus = TestCaptures.publicCorpus();
        if (!Files.isDirectory(corpus)) {
            return Stream.of(Arguments.of(corpus.toString(), null));
        }
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            return sorted.stream().map(file -> Arguments.of(file.getFileName().toString(), file));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFileOfThePublicCorpus")
    void readsOrClearlyRefusesEveryFile(String name, Path file) {
        assumeTrue(file != null, "public corpus not present at " + name);

        CommandRun run = assertTimeoutPreemptively(PER_FILE,
                () -> CommandRun.of("summary", "--json", file.toString()));

        JsonNode summary = TestCaptures.parse(run.out());
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        assertThat(summary.get("packets").asLong()).isNotNegative();
        if (run.exitCode() == 0) {
            assertThat(run.err()).isEmpty();
            return;
        }
        assertThat(run.err().lines()).as("one line naming the file").singleElement()
                .asString().startsWith("scanvas: " + file + ": ")
                .containsAnyOf("at offset ", "not a capture file", "unsupported link type");
        if (!CaptureFiles.looksLikeCapture(file)) {
            assertThat(run.err()).contains("not a capture file");
            assertThat(summary.get("packets").asLong()).isZero();
        }
    }
}
