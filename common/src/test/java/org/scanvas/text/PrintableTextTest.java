package org.scanvas.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrintableTextTest {

    static Stream<Arguments> controlledNames() {
        return Stream.of(
                Arguments.of("\u001b[31mred.pcap", "\\x1b[31mred.pcap"),
                Arguments.of("title\u001b]0;owned\u0007", "title\\x1b]0;owned\\x07"),
                Arguments.of("line\nbreak\r.pcap", "line\\x0abreak\\x0d.pcap"),
                Arguments.of("nul\u0000tab\t", "nul\\x00tab\\x09"),
                Arguments.of("del\u007f c1\u009b", "del\\x7f c1\\x9b"),
                Arguments.of("evil\u202egnp.exe", "evil<U+202E>gnp.exe"),
                Arguments.of("isolate\u2066x\u2069", "isolate<U+2066>x<U+2069>"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("controlledNames")
    void escapesWhatATerminalWouldActOn(String raw, String shown) {
        assertThat(PrintableText.escape(raw)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan-2011-08-18.pcap", "/tmp/dir with spaces/a\\b.pcapng",
        "café ünïcode 端口 \uD83D\uDE00.pcap", ""})
    void keepsPrintableTextAsItIs(String printable) {
        assertThat(PrintableText.escape(printable)).isSameAs(printable);
    }

    @Test
    void leavesNoControlCharacterOfAnyKind() {
        String every = IntStream.range(0, 0x2100).mapToObj(c -> String.valueOf((char) c))
                .reduce("", String::concat);

        String escaped = PrintableText.escape(every);

        assertThat(escaped.chars()).noneMatch(c -> Character.isISOControl(c));
        assertThat(PrintableText.escape(escaped)).isEqualTo(escaped);
    }

    @Test
    void escapesALoneSurrogateButKeepsAPair() {
        String text = "a\uD83Db \uD83D\uDE00 \uDE00";

        assertThat(PrintableText.escape(text)).isEqualTo("a<U+D83D>b \uD83D\uDE00 <U+DE00>");
    }
}
