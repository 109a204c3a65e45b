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
 *       {@code Pointer}s, so a packet allocates nothing. The handle is non-blocking; when it
 *       has nothing, the loop waits in {@code poll(2)} on libpcap's selectable descriptor for
 *       at most {@link #IDLE_WAIT_MILLIS}, so that it notices a stop without libpcap's
 *       breakloop (which can swallow the packet being read).</li>
 *   <li>{@link #pcap4j}: {@code PcapHandle.loop} with a {@code RawPacketListener}. For every
 *       packet pcap4j makes a {@code byte[]}, a {@code java.sql.Timestamp}, a boxed length and a
 *       {@code Runnable}, and JNA's callback adds its argument array and pointers.</li>
 * </ul>
 *
 * <p>{@link #create} picks the direct loop where it works (a 64-bit JVM on which pcap4j's
 * handle field can be read) and falls back to pcap4j's otherwise. Run on one thread; only
 * {@link #breakLoop()} and {@link #finish()} may be called from another.
 */
public abstract class PcapCaptureLoop {

    private static final Logger LOG = LoggerFactory.getLogger(PcapCaptureLoop.class);

    /** The handle read from. */
    protected final PcapHandle handle;

    /** Longest wait in {@code poll(2)} when the handle has nothing: bounds stop latency. */
    public static final int IDLE_WAIT_MILLIS = 100;

    /** How long {@link #finish()} may keep reading what the kernel still holds. */
    static final long DRAIN_LIMIT_NANOS = 2_000_000_000L;

    /** Set by {@link #breakLoop()}; checked between packets. */
    protected volatile boolean stopRequested;

    /** Set by {@link #finish()}: stop at the first read timeout, or after the drain limit. */
    protected volatile long finishBy = Long.MAX_VALUE;

    /** Whether {@link #finish()} was called. */
    protected volatile boolean finishing;

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

    /**
     * Asks the loop to return once it has read what the kernel already holds: until a read
     * finds nothing, or for at most {@link #DRAIN_LIMIT_NANOS} if packets keep coming. A loop
     * that cannot drain (pcap4j's) breaks at once. Any thread.
     */
    public void finish() {
        finishBy = System.nanoTime() + DRAIN_LIMIT_NANOS;
        finishing = true;
    }

    /**
     * Wakes a read blocked in libpcap (in immediate mode a Linux read has no timeout) with
     * libpcap's breakloop, which makes the read return "broken" once.
     */
    protected void wake() {
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            LOG.debug("wake on a closed handle: nothing to stop");
        }
    }

    /** Asks the loop to return at once, leaving what the kernel holds unread. Any thread. */
    public void breakLoop() {
        stopRequested = true;
        wake();
    }

    /** {@code pcap_next_ex} through JNA direct mapping, reading into a reused array. */
    private static final class DirectLoop extends PcapCaptureLoop {
        private static final int PACKET = 1;
        private static final int TIMEOUT = 0;
        /** End of an offline file, or a read broken by breakloop. */
        private static final int END_OR_BROKEN = -2;
        private static final short POLLIN = 1;

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
        private final Memory pollFd = new Memory(8);
        private final boolean pollable;

        DirectLoop(PcapHandle handle, int snapLength) {
            super(handle);
            this.pcap = handlePointer(handle);
            int fd = Libpcap.pcap_get_selectable_fd(pcap);
            if (fd < 0) {
                throw new IllegalStateException("libpcap has no selectable descriptor here");
            }
            pollFd.setInt(0, fd);
            pollFd.setShort(4, POLLIN);
            this.pollable = nonBlocking(handle);
            this.frame = new byte[snapLength];
            this.fractionToNanos = handle.getTimestampPrecision()
                    == PcapHandle.TimestampPrecision.NANO ? 1 : 1000;
        }

        static boolean supported() {
            return Native.POINTER_SIZE == 8 && !Platform.isWindows() && Libpcap.LOADED;
        }

        @Override
        public String name() {
            return "direct";
        }

        /**
         * Reads until stopped. An empty read waits in {@code poll(2)}; after
         * {@link #finish()} an empty read ends the loop, so that everything the kernel held
         * when the stop came is delivered first.
         */
        @Override
        public void run(FrameHandler handler) throws PcapNativeException {
            while (!stopRequested) {
                int result = Libpcap.pcap_next_ex(pcap, headerOut, dataOut);
                if (result == PACKET) {
                    deliver(handler);
                    if (finishing && System.nanoTime() - finishBy > 0) {
                        return;
                    }
                } else if (result == TIMEOUT) {
                    if (finishing) {
                        return;
                    }
                    awaitPackets(handler);
                } else if (result == END_OR_BROKEN) {
                    return;
                } else {
                    throw new PcapNativeException("pcap_next_ex failed: " + lastError());
                }
            }
        }

        private void awaitPackets(FrameHandler handler) {
            int ready = Libc.poll(pollFd, 1, IDLE_WAIT_MILLIS);
            if (ready == 0) {
                handler.onIdle();
            }
        }

        /**
         * Makes the handle non-blocking; false where libpcap refuses (a capture file, whose
         * reads never wait anyway): then a stop wakes the read with breakloop instead.
         */
        private static boolean nonBlocking(PcapHandle handle) {
            try {
                handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
                return true;
            } catch (PcapNativeException | NotOpenException e) {
                LOG.debug("handle stays blocking: {}", e.getMessage());
                return false;
            }
        }

        @Override
        public void finish() {
            super.finish();
            if (!pollable) {
                wake();
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

        static native int pcap_get_selectable_fd(Pointer pcap);

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

    /** The C library's {@code poll(2)}, bound with JNA direct mapping. */
    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        private Libc() {
        }

        /** {@code struct pollfd} is {int fd; short events; short revents}: 8 bytes. */
        static native int poll(Pointer fds, int count, int timeoutMillis);
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
        public void finish() {
            super.finish();
            breakLoop();
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
                if (!stopRequested) {
                    handle.loop(-1, listener);
                }
            } catch (InterruptedException e) {
                // pcap4j reports breakLoop() as an interruption: the normal way out.
                LOG.debug("pcap4j loop broken");
            } catch (NotOpenException e) {
                LOG.debug("pcap4j loop ended: handle closed");
            }
        }
    }
}
