package org.scanvas.channel;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.scanvas.decode.DecodedPacket;

/**
 * One viewer's frames on their way out: a fixed ring of encoded frames between the sensor's
 * consumer thread (the one producer) and this viewer's sender thread (the one consumer).
 *
 * <p>The producer never waits. When the ring is full, because the viewer reads more slowly
 * than probes arrive, the frame is dropped and counted; the viewer learns the count from the
 * next counter frame. Head and tail are published with release stores and read with acquire
 * loads, which orders a frame's bytes before the head that makes them visible, and a frame's
 * sending before the tail that lets the producer overwrite it.
 */
final class ViewerQueue {

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle OFFERED;
    private static final VarHandle DROPPED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(ViewerQueue.class, "head", long.class);
            TAIL = lookup.findVarHandle(ViewerQueue.class, "tail", long.class);
            OFFERED = lookup.findVarHandle(ViewerQueue.class, "offered", long.class);
            DROPPED = lookup.findVarHandle(ViewerQueue.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int slots;
    private final int mask;
    private final ByteBuffer frames;
    private final ByteBuffer sending;

    /** Next frame the producer writes; written by the producer only. */
    @SuppressWarnings("unused")
    private long head;
    /** Next frame the sender sends; written by the sender only. */
    @SuppressWarnings("unused")
    private long tail;
    @SuppressWarnings("unused")
    private long offered;
    @SuppressWarnings("unused")
    private long dropped;

    /**
     * A queue.
     *
     * @param slots frames it holds, a power of two
     */
    ViewerQueue(int slots) {
        this.slots = checkSlots(slots);
        this.mask = slots - 1;
        this.frames = ByteBuffer.allocateDirect(slots * ChannelLayout.FRAME_BYTES)
                .order(ChannelLayout.ORDER);
        this.sending = frames.duplicate();
    }

    /** Returns {@code slots} if it is a positive power of two, else throws. */
    static int checkSlots(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("queue frames must be a power of two: " + slots);
        }
        return slots;
    }

    /** Encodes a packet into the next free frame, or counts it dropped. Producer only. */
    void offer(DecodedPacket packet) {
        long next = (long) HEAD.getOpaque(this);
        OFFERED.setRelease(this, (long) OFFERED.getOpaque(this) + 1);
        if (next - (long) TAIL.getAcquire(this) >= slots) {
            DROPPED.setRelease(this, (long) DROPPED.getOpaque(this) + 1);
            return;
        }
        ChannelLayout.writeProbe(frames, (int) (next & mask) * ChannelLayout.FRAME_BYTES, packet);
        HEAD.setRelease(this, next + 1);
    }

    /**
     * Writes every frame queued so far to {@code out}, blocking as the socket needs.
     * Sender only.
     *
     * @return frames written, 0 when the queue was empty
     */
    int sendQueued(WritableByteChannel out) throws IOException {
        long from = (long) TAIL.getOpaque(this);
        long to = (long) HEAD.getAcquire(this);
        int sent = 0;
        while (from < to) {
            int first = (int) (from & mask);
            int count = (int) Math.min(to - from, slots - first);
            sending.limit((first + count) * ChannelLayout.FRAME_BYTES);
            sending.position(first * ChannelLayout.FRAME_BYTES);
            while (sending.hasRemaining()) {
                out.write(sending);
            }
            from += count;
            sent += count;
            TAIL.setRelease(this, from);
        }
        return sent;
    }

    /** Packets offered to this viewer since it connected. Any thread. */
    long offered() {
        return (long) OFFERED.getAcquire(this);
    }

    /** Offered packets dropped because the queue was full. Any thread. */
    long dropped() {
        return (long) DROPPED.getAcquire(this);
    }
}
