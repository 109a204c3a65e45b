package org.scanvas.live;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;
import org.scanvas.decode.AddressSet;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.IpAddresses;
import org.scanvas.decode.LinkType;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.decode.TrafficClass;
import org.scanvas.live.LiveCaptureException.Reason;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures from a live interface into a {@link ProbeRing}, on the thread that calls
 * {@link #run()} (the capture thread).
 *
 * <p>The handle is opened promiscuous, in immediate mode (each packet is delivered as it
 * arrives, not when a kernel block fills), with the options' snap length and kernel buffer,
 * and the filter {@link LiveCaptureOptions#effectiveFilter(int)}. Each packet is decoded into a
 * scratch packet; one whose source is one of the interface's own addresses or in an excluded
 * range is counted as excluded; any other is counted by class and copied, with its captured
 * bytes when the ring's slots carry them, into a slot claimed with {@link ProbeRing#tryClaim()}.
 * The capture thread never waits for the consumer: a full ring is a counted drop. Nothing on
 * this path allocates (see {@link PcapCaptureLoop} for the one way in that does).
 *
 * <p>The sensor itself never transmits: it only opens the handle for reading and sets a filter.
 *
 * <p>{@link #open()} may be called first, on any thread, to report a failure (no permission,
 * no such interface, bad filter) to the caller at once; {@link #run()} opens otherwise.
 * {@link #stop()} and {@link #counters()} may be called from any thread.
 */
public final class LiveSource implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSource.class);
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final long STATS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final VarHandle COUNTER = MethodHandles.arrayElementVarHandle(long[].class);

    private static final int RECEIVED = 0;
    private static final int EXCLUDED = 1;
    private static final int RING_DROPS = 2;
    private static final int KERNEL_DROPS = 3;
    private static final int FIRST_CLASS = 4;

    private final LiveCaptureOptions options;
    private final ProbeRing ring;
    private final long[] counters = new long[FIRST_CLASS + TrafficClass.count()];
    private final DecodedPacket decoded = new DecodedPacket();
    private final AddressSet ownAddresses = new AddressSet();
    private final FrameHandler publisher = new Publisher();

    private PcapHandle handle;
    private PcapCaptureLoop loop;
    private int linkType;
    private String filter = "";
    private int snapLength;
    private long interfaceDropsAtStart = -1;
    private boolean statsAvailable = true;
    private long statsDueAt;
    private byte[] wrappedFrame;
    private ByteBuffer wrappedBuffer;
    private byte[] scratchFrame;
    private ByteBuffer scratchBuffer;

    private volatile boolean opened;
    private volatile boolean stopRequested;
    private volatile boolean finished;
    private volatile LiveCaptureException failure;

    /**
     * A source; nothing is opened until {@link #open()} or {@link #run()}.
     *
     * @param options interface, snap length, buffer, filters, exclusions
     * @param ring the ring to publish into; this source must be its only producer. Give its
     *     slots a frame capacity of at least the snap length to keep the captured bytes.
     */
    public LiveSource(LiveCaptureOptions options, ProbeRing ring) {
        this.options = options;
        this.ring = ring;
    }

    /**
     * Opens the interface for capture. Idempotent.
     *
     * @throws LiveCaptureException with a message saying what to do, when capture cannot start
     */
    public synchronized void open() {
        if (opened) {
            return;
        }
        String name = options.interfaceName();
        try {
            handle = openHandle();
            linkType = linkTypeOf(handle.getDlt().value());
            filter = applyFilter();
            snapLength = Math.max(handle.getSnapshot(), options.snapLength());
            loop = PcapCaptureLoop.create(handle, snapLength);
        } catch (PcapNativeException | NotOpenException e) {
            closeQuietly();
            throw CaptureInterfaces.failure(name, asNative(e));
        } catch (LinkageError e) {
            closeQuietly();
            throw CaptureInterfaces.noLibpcap(e);
        } catch (LiveCaptureException e) {
            closeQuietly();
            throw e;
        }
        learnOwnAddresses(name);
        interfaceDropsAtStart = InterfaceCounters.receiveDrops(name);
        scratchFrame = new byte[snapLength];
        scratchBuffer = ByteBuffer.wrap(scratchFrame);
        opened = true;
        LOG.info("capturing on {}: link type {}, snap length {}, buffer {} bytes, {} loop,"
                + " filter: {}", name, linkType, snapLength, options.bufferBytes(), loop.name(),
                filter.isEmpty() ? "none" : filter);
    }

    /**
     * Captures until {@link #stop()} or a capture error; then closes the handle. A failure to
     * open or to read is logged and kept in {@link #failure()}.
     */
    @Override
    public void run() {
        try {
            if (!stopRequested) {
                open();
                statsDueAt = System.nanoTime() + STATS_INTERVAL_NANOS;
                loop.run(publisher);
            }
        } catch (LiveCaptureException e) {
            failure = e;
            LOG.error("capture failed: {}", e.getMessage());
        } catch (PcapNativeException e) {
            failure = CaptureInterfaces.failure(options.interfaceName(), e);
            LOG.error("capture on {} lost: {}", options.interfaceName(), e.getMessage());
        } finally {
            if (opened) {
                countUnreadAtClose();
            }
            closeQuietly();
            finished = true;
        }
    }

    /**
     * Asks the capture to stop; returns at once. The capture thread first reads what the
     * kernel's buffer still holds (until a read times out, at most
     * {@link PcapCaptureLoop#DRAIN_LIMIT_NANOS}), so that packets received before the stop
     * are counted rather than thrown away with the handle. Any thread, any number of times.
     */
    public void stop() {
        stopRequested = true;
        synchronized (this) {
            if (loop != null) {
                loop.finish();
            }
        }
    }

    /** A snapshot of the counters. Any thread; reads the interface's drop counter. */
    public LiveCounters counters() {
        long interfaceDrops = -1;
        long now = InterfaceCounters.receiveDrops(options.interfaceName());
        if (now >= 0 && interfaceDropsAtStart >= 0) {
            interfaceDrops = Math.max(0, now - interfaceDropsAtStart);
        }
        return new LiveCounters(read(RECEIVED), classCount(TrafficClass.TCP4),
                classCount(TrafficClass.UDP4), classCount(TrafficClass.TCP6),
                classCount(TrafficClass.UDP6), classCount(TrafficClass.BACKSCATTER),
                classCount(TrafficClass.OTHER), classCount(TrafficClass.MALFORMED),
                read(EXCLUDED), read(RING_DROPS), read(KERNEL_DROPS), interfaceDrops);
    }

    /** The options this source was made with. */
    public LiveCaptureOptions options() {
        return options;
    }

    /** The link type (a LINKTYPE_ value) of the open handle; 0 before {@link #open()}. */
    public int linkType() {
        return linkType;
    }

    /** The snap length the handle reports, at least the requested one; 0 before open. */
    public int snapLength() {
        return snapLength;
    }

    /** The BPF filter in force (empty for none; empty before {@link #open()}). */
    public String filter() {
        return filter;
    }

    /** Which capture loop reads packets, "direct" or "pcap4j"; empty before open. */
    public String loopName() {
        return loop == null ? "" : loop.name();
    }

    /** Whether {@link #run()} has returned. */
    public boolean finished() {
        return finished;
    }

    /** Why capture failed or ended early, or null. */
    public LiveCaptureException failure() {
        return failure;
    }

    private PcapHandle openHandle() throws PcapNativeException {
        try {
            return builder().timestampPrecision(TimestampPrecision.NANO).build();
        } catch (PcapNativeException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase().contains("precision")) {
                throw e;
            }
            LOG.info("nanosecond timestamps not supported on {}, using microseconds",
                    options.interfaceName());
            return builder().build();
        }
    }

    private PcapHandle.Builder builder() {
        return new PcapHandle.Builder(options.interfaceName())
                .snaplen(options.snapLength())
                .promiscuousMode(options.promiscuous()
                        ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(READ_TIMEOUT_MILLIS)
                .bufferSize(options.bufferBytes())
                .immediateMode(true);
    }

    /**
     * Sets the effective filter. Should the default part not compile for this link type, the
     * capture goes on without it (a WARN says so): the decoder classifies everything anyway.
     */
    private String applyFilter() throws NotOpenException {
        String wanted = options.effectiveFilter(linkType);
        if (wanted.isEmpty()) {
            return wanted;
        }
        try {
            handle.setFilter(wanted, BpfCompileMode.OPTIMIZE);
            return wanted;
        } catch (PcapNativeException e) {
            if (!options.defaultFilter()) {
                throw badFilter(e);
            }
            // Blame the default filter only once the user's own filter is known to compile:
            // setFilter throws for a bad --filter, naming it.
            String userOnly = options.withDefaultFilter(false).effectiveFilter(linkType);
            if (!userOnly.isEmpty()) {
                setFilter(userOnly);
            }
            LOG.warn("the default filter does not compile for link type {} on {} ({});"
                    + " capturing without it", linkType, options.interfaceName(), e.getMessage());
            return userOnly;
        }
    }

    private LiveCaptureException badFilter(PcapNativeException e) {
        String what = options.userFilter().map(f -> "--filter '" + f + "'")
                .orElse("the capture filter");
        return new LiveCaptureException(Reason.BAD_FILTER, what + " does not compile on "
                + options.interfaceName() + ": " + e.getMessage(), e);
    }

    private void setFilter(String expression) throws NotOpenException {
        try {
            handle.setFilter(expression, BpfCompileMode.OPTIMIZE);
        } catch (PcapNativeException e) {
            throw badFilter(e);
        }
    }

    private void learnOwnAddresses(String name) {
        try {
            PcapNetworkInterface device = Pcaps.getDevByName(name);
            if (device == null) {
                return;
            }
            for (PcapAddress address : device.getAddresses()) {
                addOwnAddress(address.getAddress());
            }
        } catch (PcapNativeException e) {
            LOG.warn("cannot list the addresses of {}; none is excluded: {}", name,
                    e.getMessage());
        }
    }

    private void addOwnAddress(InetAddress address) {
        if (address == null) {
            return;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            long v4 = ByteBuffer.wrap(bytes).getInt() & 0xFFFF_FFFFL;
            ownAddresses.add(0, IpAddresses.IPV4_MAPPED_PREFIX | v4);
        } else if (bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            ownAddresses.add(buffer.getLong(), buffer.getLong());
        }
    }

    private boolean isExcluded(DecodedPacket packet) {
        if (packet.ipVersion == 0) {
            return false;
        }
        if (ownAddresses.contains(packet.sourceHigh, packet.sourceLow)) {
            return true;
        }
        List<CidrRange> ranges = options.excluded();
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(packet.sourceHigh, packet.sourceLow)) {
                return true;
            }
        }
        return false;
    }

    private void updateKernelDrops() {
        if (!statsAvailable || handle == null) {
            return;
        }
        try {
            PcapStat stats = handle.getStats();
            COUNTER.setRelease(counters, KERNEL_DROPS, stats.getNumPacketsDropped());
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            statsAvailable = false;
            LOG.debug("no capture statistics on {}: {}", options.interfaceName(), e.toString());
        }
    }

    /**
     * libpcap's received count includes every packet that passed the kernel filter, dropped
     * or not; what it counted beyond those dropped and those read is still in the kernel's
     * buffer and goes with the handle. They are counted as kernel drops, so that nothing is
     * lost silently.
     */
    private void countUnreadAtClose() {
        if (!statsAvailable || handle == null) {
            return;
        }
        try {
            PcapStat stats = handle.getStats();
            long unread = stats.getNumPacketsReceived() - stats.getNumPacketsDropped()
                    - read(RECEIVED);
            long drops = stats.getNumPacketsDropped() + Math.max(0, unread);
            COUNTER.setRelease(counters, KERNEL_DROPS, drops);
            if (unread > 0) {
                LOG.warn("{} packets were still in the kernel's buffer on {} when capture"
                        + " stopped; counted as kernel drops", unread, options.interfaceName());
            }
            if (drops > 0) {
                LOG.warn("the kernel dropped {} packets on {} (capture buffer full)", drops,
                        options.interfaceName());
            }
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            LOG.debug("no capture statistics on {}: {}", options.interfaceName(), e.toString());
        }
    }

    private void closeQuietly() {
        synchronized (this) {
            if (handle != null && handle.isOpen()) {
                handle.close();
            }
        }
    }

    private long read(int index) {
        return (long) COUNTER.getAcquire(counters, index);
    }

    private long classCount(TrafficClass trafficClass) {
        return read(FIRST_CLASS + trafficClass.ordinal());
    }

    /** Single writer: the capture thread. A release store lets any reader see the count. */
    private void increment(int index) {
        COUNTER.setRelease(counters, index, (long) COUNTER.get(counters, index) + 1);
    }

    /**
     * The LINKTYPE_ value (what capture files and the decoder use) of a libpcap DLT_ value.
     * They differ only for raw IP, DLT_RAW being 12 on most systems and 14 on OpenBSD.
     */
    static int linkTypeOf(int dlt) {
        return dlt == LinkType.RAW_BSD || dlt == LinkType.RAW_OPENBSD ? LinkType.RAW : dlt;
    }

    private static PcapNativeException asNative(Exception e) {
        return e instanceof PcapNativeException
                ? (PcapNativeException) e : new PcapNativeException(e.getMessage());
    }

    /** The capture thread's handling of each frame. */
    private final class Publisher implements FrameHandler {
        @Override
        public void onFrame(byte[] frame, int capturedLength, int originalLength,
                long timestampNanos) {
            increment(RECEIVED);
            int length = Math.min(capturedLength, scratchFrame.length);
            ByteBuffer buffer = bufferOver(frame, length);
            PacketDecoder.decode(linkType, buffer, 0, length, originalLength, timestampNanos,
                    decoded);
            if (isExcluded(decoded)) {
                increment(EXCLUDED);
            } else {
                increment(FIRST_CLASS + decoded.trafficClass.ordinal());
                handOn(buffer.array(), length);
            }
            statsWhenDue();
        }

        @Override
        public void onIdle() {
            statsWhenDue();
        }

        private void handOn(byte[] bytes, int length) {
            long sequence = ring.tryClaim();
            if (sequence == ProbeRing.FULL) {
                increment(RING_DROPS);
                return;
            }
            DecodedPacket slot = ring.slot(sequence);
            slot.copyFrom(decoded);
            if (slot.frame != null) {
                int kept = Math.min(length, slot.frame.length);
                System.arraycopy(bytes, 0, slot.frame, 0, kept);
                slot.capturedLength = kept;
            }
            ring.publish(sequence);
        }

        /**
         * A buffer over the frame's bytes: the loop's own array is wrapped once and reused;
         * any other array (pcap4j's fresh one per packet) is copied into the scratch array.
         */
        private ByteBuffer bufferOver(byte[] frame, int length) {
            if (frame == wrappedFrame) {
                return wrappedBuffer;
            }
            if (frame.length == snapLength && wrappedFrame == null) {
                wrappedFrame = frame;
                wrappedBuffer = ByteBuffer.wrap(frame);
                return wrappedBuffer;
            }
            System.arraycopy(frame, 0, scratchFrame, 0, length);
            return scratchBuffer;
        }

        private void statsWhenDue() {
            long now = System.nanoTime();
            if (now - statsDueAt >= 0) {
                statsDueAt = now + STATS_INTERVAL_NANOS;
                updateKernelDrops();
            }
        }
    }
}
