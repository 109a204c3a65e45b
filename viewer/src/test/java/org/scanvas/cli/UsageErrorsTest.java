package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each option with a value says what it takes when given a bad one, and exits 2. */
class UsageErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "render x.pcap -o p.png --day 2026-13-40 | --day': not a date (YYYY-MM-DD): 2026-13-40",
        "render x.pcap -o p.png --day yesterday  | --day': not a date (YYYY-MM-DD): yesterday",
        "render x.pcap -o p.png --from 2026-13-40 | --from '2026-13-40' is not a time",
        "render x.pcap -o p.png --to noon        | --to 'noon' is not a time",
        "render x.pcap -o p.png --width wide     | --width': 'wide' is not an int",
        "render x.pcap -o p.png --height 0       | must be between 200x150 and 8192x8192",
        "replay x.pcap --speed fast              | 'fast' is not a speed",
        "replay x.pcap --speed 0                 | '0' is not a speed",
        "sensor -i lo --snaplen 0                | --snaplen must be 64..65535 bytes: 0",
        "sensor -i lo --snaplen 70000            | --snaplen must be 64..65535 bytes: 70000",
        "sensor -i lo --snaplen x                | --snaplen': 'x' is not an int",
        "sensor -i lo --duration 0s              | '0s' is not a duration",
        "sensor -i lo --duration soon            | 'soon' is not a duration",
        "sensor -i lo --buffer 1k                | --buffer must be 64k or more and below 2g",
        "sensor -i lo --buffer 4g                | --buffer must be 64k or more and below 2g",
        "sensor -i lo --buffer lots              | 'lots' is not a size",
        "sensor -i lo --max-file-size 0          | '0' is not a size",
        "sensor -i lo --exclude 300.1.2.3/8      | give a range such as 198.51.100.0/24",
        "live --history forever                  | 'forever' is not a duration",
    })
    void saysWhatTheOptionTakesAndExitsTwo(String arguments, String message) {
        CommandRun run = CommandRun.of(arguments.trim().split(" +"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message.trim())
                .doesNotContain("cannot convert").doesNotContain("Exception");
    }
}
