package org.scanvas.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.scanvas.capture.PcapRecorder;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.LinkType;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.live.FrameHandler;
import org.scanvas.live.PcapCaptureLoop;

/**
 * The capture thread's way into libpcap, per packet: {@code pcap_next_ex} through the direct
 * JNA mapping against pcap4j's {@code loop} with a raw packet listener, each decoding every
 * packet as the live source does. libpcap reads a capture file here (an offline handle runs
 * the same {@code pcap_next_ex} and callback code as a live one, without the kernel), so the
 * figure is the Java side's cost. One operation reads {@link #packets} packets: divide the
 * time and {@code gc.alloc.rate.norm} (run with {@code -prof gc}) by it for per-packet values.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CaptureLoopBenchmark {

    private static final int SNAP_LENGTH = 256;
    private static final long START_NANOS = 1_796_338_800L * 1_000_000_000L;

    /** The way in. */
    @Param({"direct", "pcap4j"})
    public String loop;

    /** Packets in the capture file, read once per operation. */
    @Param({"100000"})
    public int packets;

    private Path directory;
    private Path file;
    private final Decoding decoding = new Decoding();

    @Setup(Level.Trial)
    public void writeCapture() throws IOException {
        directory = Files.createTempDirectory("scanvas-bench");
        PcapRecorder recorder = new PcapRecorder(directory, LinkType.ETHERNET, SNAP_LENGTH,
                1L << 34);
        DecodedPacket packet = new DecodedPacket();
        packet.frame = new byte[SNAP_LENGTH];
        for (int i = 0; i < packets; i++) {
            int length = SyntheticFrames.scanFrame(i, ByteBuffer.wrap(packet.frame));
            packet.capturedLength = length;
            packet.originalLength = length;
            packet.timestampNanos = START_NANOS + i * 100_000L;
            recorder.accept(packet);
        }
        recorder.close();
        try (Stream<Path> files = Files.list(directory)) {
            file = files.findFirst().orElseThrow();
        }
    }

    @TearDown(Level.Trial)
    public void deleteCapture() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public long readAll() throws PcapNativeException, org.pcap4j.core.NotOpenException {
        PcapHandle handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
        try {
            PcapCaptureLoop capture = "direct".equals(loop)
                    ? PcapCaptureLoop.direct(handle, handle.getSnapshot())
                    : PcapCaptureLoop.pcap4j(handle);
            decoding.probes = 0;
            capture.run(decoding);
            return decoding.probes;
        } finally {
            handle.close();
        }
    }

    /** What the live source does with each frame, short of the ring: decode and count. */
    private static final class Decoding implements FrameHandler {
        private final DecodedPacket packet = new DecodedPacket();
        private final byte[] scratch = new byte[65536];
        private final ByteBuffer scratchBuffer = ByteBuffer.wrap(scratch);
        private byte[] wrapped;
        private ByteBuffer wrappedBuffer;
        long probes;

        @Override
        public void onFrame(byte[] frame, int capturedLength, int originalLength,
                long timestampNanos) {
            ByteBuffer buffer;
            if (frame == wrapped) {
                buffer = wrappedBuffer;
            } else if (wrapped == null && frame.length == SNAP_LENGTH) {
                wrapped = frame;
                wrappedBuffer = ByteBuffer.wrap(frame);
                buffer = wrappedBuffer;
            } else {
                System.arraycopy(frame, 0, scratch, 0, capturedLength);
                buffer = scratchBuffer;
            }
            PacketDecoder.decode(LinkType.ETHERNET, buffer, 0, capturedLength, originalLength,
                    timestampNanos, packet);
            probes += packet.isProbe() ? 1 : 0;
        }
    }
}
