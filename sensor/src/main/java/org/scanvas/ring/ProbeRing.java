package org.scanvas.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.scanvas.decode.DecodedPacket;

/**
 * The one hand-over between the capture thread and the viewer: a Disruptor ring of
 * preallocated {@link DecodedPacket} slots.
 *
 * <p>Exactly one thread produces: it claims a slot, decodes straight into it and publishes it,
 * so no packet is copied or allocated on the way. Exactly one thread consumes, by polling (the
 * viewer drains the ring once per animation frame on the JavaFX thread). A live source never
 * waits for the viewer: when the ring is full, {@link #tryClaim()} fails and the packet is
 * counted as dropped. A file source may instead wait for room with {@link #claim()}, because a
 * file can be read again but a packet on the wire cannot.
 */
public final class ProbeRing {

    /** Returned by {@link #tryClaim()} when the ring is full. */
    public static final long FULL = -1;

    private static final VarHandle DROPPED;

    static {
        try {
            DROPPED = MethodHandles.lookup().findVarHandle(ProbeRing.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RingBuffer<DecodedPacket> ring;
    private final EventPoller<DecodedPacket> poller;
    private final DrainHandler drainHandler = new DrainHandler();
    private final int frameCapacity;

    /** Written by the producer only, read by any thread; see {@link #dropped()}. */
    @SuppressWarnings("unused")
    private long dropped;

    /**
     * Creates a ring.
     *
     * @param slots number of slots, a power of two; each slot holds one decoded packet
     */
    public ProbeRing(int slots) {
        this(slots, 0);
    }

    /**
     * Creates a ring whose slots also carry the captured bytes: each slot's
     * {@link DecodedPacket#frame} is an array of {@code frameCapacity} bytes, made here once.
     *
     * @param slots number of slots, a power of two
     * @param frameCapacity bytes per slot for the captured frame (the snap length), 0 for none
     */
    public ProbeRing(int slots, int frameCapacity) {
        if (frameCapacity < 0) {
            throw new IllegalArgumentException("frame capacity must be >= 0: " + frameCapacity);
        }
        ring = RingBuffer.createSingleProducer(() -> slotWithFrame(frameCapacity), slots);
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.frameCapacity = frameCapacity;
    }

    private static DecodedPacket slotWithFrame(int frameCapacity) {
        DecodedPacket slot = new DecodedPacket();
        slot.frame = frameCapacity == 0 ? null : new byte[frameCapacity];
        return slot;
    }

    /** Bytes of captured frame each slot carries, 0 when slots carry none. */
    public int frameCapacity() {
        return frameCapacity;
    }

    /** Number of slots. */
    public int capacity() {
        return ring.getBufferSize();
    }

    /**
     * Claims the next slot, waiting while the ring is full. Producer thread only.
     *
     * @return the sequence of the claimed slot, to fill via {@link #slot} and then publish
     */
    public long claim() {
        return ring.next();
    }

    /**
     * Claims the next slot if one is free. Producer thread only. When the ring is full the
     * packet is counted as dropped and {@link #FULL} is returned.
     *
     * @return the sequence of the claimed slot, or {@link #FULL}
     */
    public long tryClaim() {
        if (!ring.hasAvailableCapacity(1)) {
            DROPPED.setRelease(this, (long) DROPPED.getOpaque(this) + 1);
            return FULL;
        }
        return ring.next();
    }

    /** The slot of a claimed sequence, to be overwritten before {@link #publish}. */
    public DecodedPacket slot(long sequence) {
        return ring.get(sequence);
    }

    /** Makes a claimed slot visible to the consumer. Producer thread only. */
    public void publish(long sequence) {
        ring.publish(sequence);
    }

    /** Packets the producer could not hand over because the ring was full. Any thread. */
    public long dropped() {
        return (long) DROPPED.getAcquire(this);
    }

    /** Slots published but not yet consumed. Any thread; a snapshot. */
    public long backlog() {
        return ring.getCursor() - poller.getSequence().get();
    }

    /**
     * Hands up to {@code max} published packets to {@code consumer}, oldest first, and frees
     * their slots. Consumer thread only. The packet passed in is a ring slot: read it during
     * the call, never keep it.
     *
     * @return the number of packets handed over
     */
    public int poll(PacketConsumer consumer, int max) {
        drainHandler.start(consumer, max);
        try {
            poller.poll(drainHandler);
        } catch (Exception e) {
            throw new IllegalStateException("ring consumer failed", e);
        }
        return drainHandler.handed;
    }

    /** The consumer's side of the ring: receives one packet at a time. */
    @FunctionalInterface
    public interface PacketConsumer {
        /** Takes one packet; it is only valid during the call. */
        void accept(DecodedPacket packet);
    }

    /** Adapts a {@link PacketConsumer} to the poller, stopping after a budget of packets. */
    private static final class DrainHandler implements EventPoller.Handler<DecodedPacket> {
        private PacketConsumer consumer;
        private int budget;
        private int handed;

        void start(PacketConsumer target, int max) {
            consumer = target;
            budget = max;
            handed = 0;
        }

        @Override
        public boolean onEvent(DecodedPacket event, long sequence, boolean endOfBatch) {
            consumer.accept(event);
            handed++;
            return handed < budget;
        }
    }

}
