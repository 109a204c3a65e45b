package org.scanvas.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cells that a spreadsheet would run as a formula (OWASP's list: a leading =, +, -, @, tab or
 * carriage return) get a leading apostrophe; cells that would break a row are quoted as
 * RFC 4180 says; ordinary text is left as it is.
 */
class CsvExportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "192.0.2.1|192.0.2.1",
        "2001:db8::1|2001:db8::1",
        "SYN ECE CWR|SYN ECE CWR",
        "=1+1|'=1+1",
        "+cmd|'+cmd",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "=HYPERLINK(\"http://x\",\"y\")|\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
    })
    void guardsCellsAgainstFormulasAndBrokenRows(String text, String expected) {
        assertThat(CsvExport.cell(text)).isEqualTo(expected);
    }

    @Test
    void guardsCellsThatStartWithATabOrCarriageReturn() {
        assertThat(CsvExport.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvExport.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }
}
