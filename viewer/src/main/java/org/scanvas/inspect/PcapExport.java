package org.scanvas.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.RecordHandler;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.PacketDecoder;

/**
 * Writes the packets of a selection as they were captured: reads the source capture files
 * again, decodes each record as the replay did, and copies the bytes of every record whose
 * decoded entry lies in the {@link SelectionArea} into a new pcap file (nanosecond
 * timestamps, the records' own link type, captured and original lengths kept).
 *
 * <p>Timestamps are the files' own: a looping replay shifts later passes forward in time, so
 * only a selection within the first pass matches records. A classic pcap file has one link
 * type; a selection whose records have several fails with a message saying so. Runs on any
 * thread (it reads only the files); the output appears whole or not at all.
 */
public final class PcapExport {

    /** Magic number of a pcap file with nanosecond timestamps, as written (big-endian). */
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final short VERSION_MAJOR = 2;
    private static final short VERSION_MINOR = 4;
    private static final int SNAP_LENGTH = CaptureFileReader.RECORD_LIMIT;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final int BUFFER_BYTES = 1 << 20;

    /** What an export did: packets written and the files that could not be read whole. */
    public record Result(long packets, List<String> problems) {
    }

    private PcapExport() {
    }

    /**
     * Exports the records of {@code files} that fall in {@code area} to {@code out}.
     *
     * @throws IllegalStateException when the selected records have more than one link type
     * @throws UncheckedIOException when the output cannot be written
     */
    public static Result write(List<Path> files, SelectionArea area, Path out) {
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        List<String> problems = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Copier copier = new Copier(area, channel);
            for (Path file : files) {
                try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                    reader.read(copier);
                } catch (CaptureFileException e) {
                    problems.add(e.getMessage());
                }
                copier.rethrow();
            }
            copier.finish();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new Result(copier.written, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            partial.toFile().deleteOnExit();
        }
    }

    /** Decodes each record and copies the selected ones, buffered. */
    private static final class Copier implements RecordHandler {
        private final SelectionArea area;
        private final FileChannel channel;
        private final DecodedPacket packet = new DecodedPacket();
        private final ByteBuffer buffer =
                ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.BIG_ENDIAN);
        private int linkType = -1;
        private long written;
        private IOException failure;

        Copier(SelectionArea area, FileChannel channel) {
            this.area = area;
            this.channel = channel;
        }

        @Override
        public boolean onRecord(int recordLinkType, ByteBuffer data, int offset,
                int capturedLength, int originalLength, long timestampNanos) {
            PacketDecoder.decode(recordLinkType, data, offset, capturedLength, originalLength,
                    timestampNanos, packet);
            if (!area.contains(timestampNanos, packet.destinationPort,
                    packet.trafficClass.ordinal())) {
                return true;
            }
            try {
                writeRecord(recordLinkType, data, offset, capturedLength, originalLength,
                        timestampNanos);
            } catch (IOException e) {
                failure = e;
                return false;
            }
            return true;
        }

        private void writeRecord(int recordLinkType, ByteBuffer data, int offset,
                int capturedLength, int originalLength, long timestampNanos) throws IOException {
            if (linkType < 0) {
                linkType = recordLinkType;
                writeFileHeader();
            } else if (linkType != recordLinkType) {
                throw new IllegalStateException("the selection holds packets of link types "
                        + linkType + " and " + recordLinkType
                        + "; a pcap file holds one: select fewer files' packets");
            }
            if (buffer.remaining() < RECORD_HEADER_LENGTH + capturedLength) {
                drain();
            }
            buffer.putInt((int) Math.floorDiv(timestampNanos, 1_000_000_000L))
                    .putInt((int) Math.floorMod(timestampNanos, 1_000_000_000L))
                    .putInt(capturedLength).putInt(originalLength)
                    .put(buffer.position(), data, offset, capturedLength)
                    .position(buffer.position() + capturedLength);
            written++;
        }

        private void writeFileHeader() {
            buffer.putInt(MAGIC_NANOSECONDS).putShort(VERSION_MAJOR).putShort(VERSION_MINOR)
                    .putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(linkType);
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        void finish() throws IOException {
            if (linkType < 0) {
                linkType = 1;
                writeFileHeader();
            }
            drain();
            channel.force(false);
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
