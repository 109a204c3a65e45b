package org.scanvas.capture;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A handler that keeps a copy of every record, and reads whole files for tests. */
final class Recorder implements RecordHandler {

    final List<RecordedPacket> packets = new ArrayList<>();
    CaptureFileException failure;

    @Override
    public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
            int originalLength, long timestampNanos) {
        packets.add(RecordedPacket.copy(linkType, data, offset, capturedLength, originalLength,
                timestampNanos));
        return true;
    }

    /** Reads the whole file; a damage exception from open or read is kept, not thrown. */
    static Recorder readAll(Path file) {
        return readAll(file, FileWindow.BY_FILE_SIZE);
    }

    static Recorder readAll(Path file, int maxWindow) {
        Recorder recorder = new Recorder();
        try (CaptureFileReader reader = CaptureFileReader.open(file, maxWindow)) {
            reader.read(recorder);
        } catch (CaptureFileException e) {
            recorder.failure = e;
        }
        return recorder;
    }
}
