package org.scanvas.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Feeds arbitrary pcapng files to {@link CaptureFileReader} and checks the properties of
 * {@link CheckedRead}. A plain test run replays the seeds under
 * {@code PcapngReaderFuzzTestInputs/readsAnyPcapngFileCleanly} (valid files with several
 * sections, interfaces, link types and block kinds, and every input a fuzzing run found);
 * {@code JAZZER_FUZZ=1} fuzzes (see README.md, "Fuzzing").
 *
 * <p>An input that does not start with the section header block type gets it written over its
 * first four bytes, so that every input is read as pcapng.
 */
class PcapngReaderFuzzTest {

    private final CheckedRead read = CheckedRead.inTemporaryFile("pcapng-fuzz");

    @FuzzTest(maxDuration = "30s")
    void readsAnyPcapngFileCleanly(byte[] input) {
        byte[] file = input.clone();
        if (file.length >= 4) {
            ByteBuffer.wrap(file).putInt(0, PcapngLayout.SECTION_HEADER);
        }

        read.check(file);
    }
}
