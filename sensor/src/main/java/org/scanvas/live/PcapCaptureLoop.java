package org.scanvas.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.RawPacketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls packets out of an open pcap4j handle (live or offline) and hands each to a
 * {@link FrameHandler}. Two ways in, because pcap4j 1.8.2 has no way to read a packet without
 * allocating:
 *
 * <ul>
 *   <li>{@link #direct}: calls libpcap's {@code pcap_next_ex} through a JNA direct mapping on
 *       the handle's own {@code pcap_t}, and copies the frame from libpcap's buffer into one
 *       array made here once. The header and data pointers are read through two reused JNA
 *       {@code Pointer}s, so a packet allocates nothing.</li>
 *   <li>{@link #pcap4j}: {@code PcapHandle.loop} with a {@code RawPacketListener}. For every
 *       packet pcap4j makes a {@code byte[]}, a {@code java.sql.Timestamp}, a boxed length and a
 *       {@code Runnable}, and JNA's callback adds its argument array and pointers.</li>
 * </ul>
 *
 * <p>{@link #create} picks the direct loop where it works (a 64-bit JVM on which pcap4j's
 * handle field can be read) and falls back to pcap4j's otherwise. Run on one thread; only
 * {@link #breakLoop()} may be called from another.
 */
public abstract class PcapCaptureLoop {

    private static final Logger LOG = LoggerFactory.getLogger(PcapCaptureLoop.class);

    /** The handle read from. */
    protected final PcapHandle handle;

    /** Set by {@link #breakLoop()}; checked between packets. */
    protected volatile boolean stopRequested;

    PcapCaptureLoop(PcapHandle handle) {
        this.handle = handle;
    }

    /** The direct loop where it works, else pcap4j's. */
    public static PcapCaptureLoop create(PcapHandle handle, int snapLength) {
        if (DirectLoop.supported()) {
            try {
                return direct(handle, snapLength);
            } catch (IllegalStateException e) {
                LOG.warn("direct capture unavailable, using pcap4j's loop: {}", e.getMessage());
            }
        }
        return pcap4j(handle);
    }

    /**
     * The allocation-free loop through {@code pcap_next_ex}.
     *
     * @param snapLength the handle's snap length: the size of the one frame array
     * @throws IllegalStateException when the handle's native pointer cannot be reached
     */
    public static PcapCaptureLoop direct(PcapHandle handle, int snapLength) {
        return new DirectLoop(handle, snapLength);
    }

    /** The loop through pcap4j's {@code PcapHandle.loop} with a raw packet listener. */
    public static PcapCaptureLoop pcap4j(PcapHandle handle) {
        return new Pcap4jLoop(handle);
    }

    /**
     * Reads until {@link #breakLoop()}, the end of an offline file or an error.
     *
     * @throws PcapNativeException when libpcap reports an error while reading
     */
    public abstract void run(FrameHandler handler) throws PcapNativeException;

    /** Short name of the way in, for logs and reports: "direct" or "pcap4j". */
    public abstract String name();

    /** Asks the loop to return soon. Any thread. */
    public void breakLoop() {
        stopRequested = true;
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            LOG.debug("break on a closed handle: nothing to stop");
        }
    }

    /** {@code pcap_next_ex} through JNA direct mapping, reading into a reused array. */
    private static final class DirectLoop extends PcapCaptureLoop {
        private static final int PACKET = 1;
        private static final int TIMEOUT = 0;
        private static final int END_OF_FILE = -2;

        private final Pointer pcap;
        private final byte[] frame;
        private final Memory pointers = new Memory(2L * Native.POINTER_SIZE);
        private final Pointer headerOut = pointers;
        private final Pointer dataOut = pointers.share(Native.POINTER_SIZE);
        private final long[] addresses = new long[2];
        private final Pointer header = new Pointer(0);
        private final Pointer data = new Pointer(0);
        private final PacketHeaderLayout layout = PacketHeaderLayout.forThisPlatform();
        private final byte[] headerBytes = new byte[layout.size];
        private final ByteBuffer headerBuffer =
                ByteBuffer.wrap(headerBytes).order(ByteOrder.nativeOrder());
        private final long fractionToNanos;

        DirectLoop(PcapHandle handle, int snapLength) {
            super(handle);
            this.pcap = handlePointer(handle);
            this.frame = new byte[snapLength];
            this.fractionToNanos = handle.getTimestampPrecision()
                    == PcapHandle.TimestampPrecision.NANO ? 1 : 1000;
        }

        static boolean supported() {
            return Native.POINTER_SIZE == 8 && Libpcap.LOADED;
        }

        @Override
        public String name() {
            return "direct";
        }

        @Override
        public void run(FrameHandler handler) throws PcapNativeException {
            while (!stopRequested) {
                int result = Libpcap.pcap_next_ex(pcap, headerOut, dataOut);
                if (result == PACKET) {
                    deliver(handler);
                } else if (result == TIMEOUT) {
                    handler.onIdle();
                } else if (result == END_OF_FILE) {
                    return;
                } else {
                    throw new PcapNativeException("pcap_next_ex failed: " + lastError());
                }
            }
        }

        /**
         * Four JNI crossings per packet: the two pointers libpcap wrote, the header, the
         * frame. Each crossing costs about as much as decoding the packet does.
         */
        private void deliver(FrameHandler handler) {
            pointers.read(0, addresses, 0, 2);
            Pointer.nativeValue(header, addresses[0]);
            Pointer.nativeValue(data, addresses[1]);
            header.read(0, headerBytes, 0, headerBytes.length);
            int capturedLength = headerBuffer.getInt(layout.capturedLengthOffset);
            int originalLength = headerBuffer.getInt(layout.originalLengthOffset);
            long seconds = layout.readSeconds(headerBuffer);
            long fraction = layout.readFraction(headerBuffer);
            int copied = Math.min(Math.max(capturedLength, 0), frame.length);
            data.read(0, frame, 0, copied);
            handler.onFrame(frame, copied, originalLength,
                    seconds * 1_000_000_000L + fraction * fractionToNanos);
        }

        private String lastError() {
            try {
                return handle.getError();
            } catch (NotOpenException e) {
                return "handle closed";
            }
        }

        private static Pointer handlePointer(PcapHandle handle) {
            try {
                Field field = PcapHandle.class.getDeclaredField("handle");
                field.setAccessible(true);
                Pointer pointer = (Pointer) field.get(handle);
                if (pointer == null) {
                    throw new IllegalStateException("pcap4j handle has no native pointer");
                }
                return pointer;
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot reach pcap4j's native handle: " + e, e);
            }
        }
    }

    /**
     * Where {@code struct pcap_pkthdr} keeps its fields: a {@code struct timeval} (two C longs,
     * except on macOS, whose microseconds are a 32-bit int padded to 8), then caplen and len
     * as 32-bit unsigned ints.
     */
    private static final class PacketHeaderLayout {
        final int secondsSize;
        final int fractionSize;
        final int capturedLengthOffset;
        final int originalLengthOffset;
        final int size;

        private PacketHeaderLayout(int secondsSize, int fractionSize) {
            this.secondsSize = secondsSize;
            this.fractionSize = fractionSize;
            int timevalSize = (secondsSize + fractionSize + secondsSize - 1) / secondsSize
                    * secondsSize;
            this.capturedLengthOffset = timevalSize;
            this.originalLengthOffset = timevalSize + 4;
            this.size = timevalSize + 8;
        }

        static PacketHeaderLayout forThisPlatform() {
            int longSize = Native.LONG_SIZE;
            return new PacketHeaderLayout(longSize, Platform.isMac() ? 4 : longSize);
        }

        long readSeconds(ByteBuffer header) {
            return secondsSize == 8 ? header.getLong(0) : header.getInt(0) & 0xFFFF_FFFFL;
        }

        /**
         * The fraction as the unsigned 32 bits a capture file holds: libpcap sign-extends the
         * file's field into {@code tv_usec}, so a bogus fraction of 2^31 or more would
         * otherwise come out negative (a live capture's is always below 10^9).
         */
        long readFraction(ByteBuffer header) {
            long raw = fractionSize == 8 ? header.getLong(secondsSize) : header.getInt(secondsSize);
            return raw & 0xFFFF_FFFFL;
        }
    }

    /** The one libpcap function the direct loop calls, bound with JNA direct mapping. */
    private static final class Libpcap {
        static final boolean LOADED = register();

        private Libpcap() {
        }

        static native int pcap_next_ex(Pointer pcap, Pointer header, Pointer data);

        private static boolean register() {
            String name = System.getProperty("org.pcap4j.core.pcapLibName",
                    Platform.isWindows() ? "wpcap" : "pcap");
            try {
                Native.register(Libpcap.class, NativeLibrary.getInstance(name));
                return true;
            } catch (LinkageError | RuntimeException e) {
                LOG.warn("cannot bind pcap_next_ex in {}: {}", name, e.toString());
                return false;
            }
        }
    }

    /** pcap4j's own loop: allocates per packet, works wherever pcap4j does. */
    private static final class Pcap4jLoop extends PcapCaptureLoop {
        private final byte[] empty = new byte[0];

        Pcap4jLoop(PcapHandle handle) {
            super(handle);
        }

        @Override
        public String name() {
            return "pcap4j";
        }

        @Override
        public void run(FrameHandler handler) throws PcapNativeException {
            RawPacketListener listener = packet -> {
                byte[] bytes = packet == null ? empty : packet;
                java.sql.Timestamp stamp = handle.getTimestamp();
                long seconds = Math.floorDiv(stamp.getTime(), 1000L);
                Integer original = handle.getOriginalLength();
                handler.onFrame(bytes, bytes.length, original == null ? bytes.length : original,
                        seconds * 1_000_000_000L + stamp.getNanos());
            };
            try {
                handle.loop(-1, listener);
            } catch (InterruptedException e) {
                // pcap4j reports breakLoop() as an interruption: the normal way out.
                LOG.debug("pcap4j loop broken");
            } catch (NotOpenException e) {
                LOG.debug("pcap4j loop ended: handle closed");
            }
        }
    }
}
