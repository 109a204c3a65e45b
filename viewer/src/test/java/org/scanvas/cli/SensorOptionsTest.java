package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** The sensor's and the interface list's command line: what they accept and refuse. */
class SensorOptionsTest {

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"500ms, 500", "30s, 30000", "5m, 300000", "2h, 7200000", "1d, 86400000",
        "' 10S ', 10000"})
    void readsDurationsWithUnits(String text, long millis) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "0s", "-5s", "1w", "s", "1.5h"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("30s");
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"65536, 65536", "512k, 524288", "32m, 33554432", "1g, 1073741824",
        "64MiB, 67108864", "2 KB, 2048"})
    void readsSizesInBinaryUnits(String text, long bytes) {
        assertThat(new ByteSizeConverter().convert(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "1t", "lots", "99999999999999g"})
    void refusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> new ByteSizeConverter().convert(text))
                .isInstanceOf(TypeConversionException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "--exclude=example.org, 2, not an IPv4 or IPv6 address: example.org",
        "--duration=0s, 2, is not a duration",
        "--buffer=lots, 2, is not a size",
        "--snaplen=10, 2, --snaplen must be 64..65535 bytes: 10",
    })
    void refusesBadOptionsBeforeTouchingAnInterface(String option, int exitCode, String says) {
        CommandRun run = CommandRun.of("sensor", "-i", "lo", "--no-serve", option);

        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.err()).contains(says).doesNotContain("\tat ");
    }

    @Test
    void refusesAnInterfaceThatDoesNotExistSayingWhereTheListIs() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "without the capture privilege libpcap refuses before it looks for the device");
        CommandRun run = CommandRun.of("sensor", "-i", "nosuch-sn0", "--no-serve",
                "--duration", "1s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nosuch-sn0").contains("scanvas interfaces");
    }

    @Test
    void listsTheLoopbackInterfaceAsJson() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"),
                "the loopback interface is named lo on Linux");
        CommandRun run = CommandRun.of("interfaces", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode lo = null;
        for (JsonNode each : new ObjectMapper().readTree(run.out())) {
            lo = "lo".equals(each.get("name").asText()) ? each : lo;
        }
        assertThat(lo).isNotNull();
        assertThat(lo.get("loopback").asBoolean()).isTrue();
        assertThat(lo.get("addresses").toString()).contains("127.0.0.1");
        assertThat(lo.get("capturable").asBoolean())
                .isEqualTo(lo.get("problem").asText().isEmpty());
    }
}
