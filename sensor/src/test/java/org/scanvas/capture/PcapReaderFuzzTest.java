package org.scanvas.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Feeds arbitrary classic pcap files to {@link CaptureFileReader} and checks the properties of
 * {@link CheckedRead}. A plain test run replays the seeds under
 * {@code PcapReaderFuzzTestInputs/readsAnyPcapFileCleanly} (valid files of several link types,
 * byte orders and timestamp precisions, and every input a fuzzing run found);
 * {@code JAZZER_FUZZ=1} fuzzes (see README.md, "Fuzzing").
 *
 * <p>So that the fuzzer spends its time past the magic number, an input that does not start
 * with one of the four pcap magics gets the little-endian microsecond one written over its
 * first four bytes; wrong magics are {@link DamagedCaptureFileTest}'s business.
 */
class PcapReaderFuzzTest {

    private static final int[] MAGICS = {0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1};

    private final CheckedRead read = CheckedRead.inTemporaryFile("pcap-fuzz");

    @FuzzTest(maxDuration = "30s")
    void readsAnyPcapFileCleanly(byte[] input) {
        byte[] file = input.clone();
        if (file.length >= 4 && !startsWithPcapMagic(file)) {
            ByteBuffer.wrap(file).putInt(0, 0xd4c3b2a1);
        }

        read.check(file);
    }

    private static boolean startsWithPcapMagic(byte[] input) {
        int magic = ByteBuffer.wrap(input).getInt(0);
        for (int candidate : MAGICS) {
            if (magic == candidate) {
                return true;
            }
        }
        return false;
    }
}
