package org.scanvas.channel;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A viewer's end of the probe channel: connects to a sensor's socket, checks its hello and
 * decodes each probe frame straight into a slot of the viewer's {@link ProbeRing}, the same
 * ring a file replay or an in-process capture would fill. Counter frames update the sensor's
 * counters shown in the status line.
 *
 * <p>The client is the ring's one producer and waits for room in it: when the viewer falls
 * behind, the socket backs up and the sensor drops frames for this viewer, so every loss is
 * counted in one place, the sensor, and reported here through {@link #channelDrops()}.
 * {@link #run()} reads on its own thread ({@code scanvas-channel-client}) until the sensor
 * closes the connection or {@link #close()} is called. Nothing is allocated per frame.
 */
public final class ProbeChannelClient implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeChannelClient.class);
    private static final int READ_FRAMES = 1024;

    private final Path socket;
    private final SocketChannel connection;
    private final ProbeRing ring;
    private final ByteBuffer in = ByteBuffer.allocateDirect(READ_FRAMES * ChannelLayout.FRAME_BYTES)
            .order(ChannelLayout.ORDER);
    private final String sourceName;
    private final long sensorStartNanos;

    private volatile SensorCounters sensorCounters = SensorCounters.NONE;
    private volatile long offered;
    private volatile long channelDrops;
    private volatile long framesReceived;
    private volatile long badFrames;
    private volatile boolean ended;
    private volatile boolean closed;
    private volatile String endReason;
    private volatile boolean broken;

    private ProbeChannelClient(Path socket, SocketChannel connection, ProbeRing ring) {
        this.socket = socket;
        this.connection = connection;
        this.ring = ring;
        readFully(ChannelLayout.FRAME_BYTES);
        checkHello();
        this.sourceName = ChannelLayout.helloSourceName(in, 0);
        this.sensorStartNanos = ChannelLayout.helloStartNanos(in, 0);
        in.clear();
    }

    /**
     * Connects to the sensor at {@code socket} and reads its hello.
     *
     * @param ring the viewer's ring; this client becomes its only producer
     * @throws ChannelException with a message saying what to do: no sensor there, permission
     *     denied, a stale socket, or a sensor of another version
     */
    public static ProbeChannelClient connect(Path socket, ProbeRing ring) {
        SocketChannel connection = null;
        try {
            connection = SocketChannel.open(StandardProtocolFamily.UNIX);
            connection.connect(UnixDomainSocketAddress.of(socket));
            ProbeChannelClient client = new ProbeChannelClient(socket, connection, ring);
            LOG.info("attached to sensor: socket={} source={}", socket, client.sourceName);
            return client;
        } catch (IOException e) {
            closeQuietly(connection);
            throw new ChannelException(connectFailure(socket, e), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Turns a failed connect into what the user should do about it. */
    static String connectFailure(Path socket, IOException e) {
        String reason = ChannelSocket.describe(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            return "permission denied: " + socket + " (or its directory) is only open to the"
                    + " sensor's user" + groupHint(socket) + ". Run the viewer as that user,"
                    + " or start the sensor with --serve-group GROUP and join that group"
                    + " (log in again after joining).";
        }
        if (lower.contains("no such file") || Files.notExists(socket)) {
            return "no sensor at " + socket + ": start one with `scanvas sensor -i IFACE"
                    + " --serve " + socket + "`, or name its socket with --sensor PATH.";
        }
        if (lower.contains("connection refused")) {
            return "no sensor answers at " + socket + ": the socket is left over from a"
                    + " sensor that stopped. Start the sensor again (it replaces the socket).";
        }
        return "cannot attach to the sensor at " + socket + ": " + reason;
    }

    private static String groupHint(Path socket) {
        try {
            Path shown = Files.exists(socket) ? socket : socket.getParent();
            Object group = Files.getAttribute(shown, "posix:group");
            Object owner = Files.getOwner(shown);
            return " (owner " + owner + ", group " + group + ")";
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    private void checkHello() {
        if (ChannelLayout.type(in, 0) != ChannelLayout.TYPE_HELLO
                || ChannelLayout.helloMagic(in, 0) != ChannelLayout.MAGIC) {
            throw new ChannelException(socket + " is not a Scanvas sensor channel"
                    + " (its first frame is no Scanvas hello)");
        }
        int version = ChannelLayout.helloVersion(in, 0);
        int frameBytes = ChannelLayout.helloFrameBytes(in, 0);
        if (version != ChannelLayout.VERSION || frameBytes != ChannelLayout.FRAME_BYTES) {
            throw new ChannelException("the sensor at " + socket + " speaks channel version "
                    + version + " (" + frameBytes + "-byte frames); this viewer speaks version "
                    + ChannelLayout.VERSION + " (" + ChannelLayout.FRAME_BYTES
                    + "-byte frames): run the same Scanvas release on both sides");
        }
    }

    private void readFully(int bytes) {
        in.clear().limit(bytes);
        try {
            while (in.hasRemaining()) {
                if (connection.read(in) < 0) {
                    throw new ChannelException("the sensor at " + socket
                            + " closed the connection before its hello"
                            + " (it may serve too many viewers already)");
                }
            }
        } catch (IOException e) {
            throw new ChannelException("reading the sensor's hello failed: "
                    + ChannelSocket.describe(e), e);
        }
    }

    /** Reads frames until the sensor stops or {@link #close()}; on its own thread. */
    @Override
    public void run() {
        try {
            while (!closed) {
                if (connection.read(in) < 0) {
                    endReason = "the sensor stopped serving";
                    break;
                }
                in.flip();
                int whole = in.remaining() / ChannelLayout.FRAME_BYTES;
                for (int frame = 0; frame < whole; frame++) {
                    handle(in.position() + frame * ChannelLayout.FRAME_BYTES);
                }
                in.position(in.position() + whole * ChannelLayout.FRAME_BYTES);
                in.compact();
            }
        } catch (IOException e) {
            if (!closed) {
                endReason = "the connection to the sensor broke: " + ChannelSocket.describe(e);
                broken = true;
            }
        } finally {
            ended = true;
            closeQuietly(connection);
            if (broken) {
                LOG.warn("sensor channel ended: socket={} reason={}", socket, endReason);
            } else {
                LOG.info("sensor channel ended: socket={} reason={}", socket, endReason);
            }
        }
    }

    private void handle(int at) {
        switch (ChannelLayout.type(in, at)) {
            case ChannelLayout.TYPE_PROBE -> {
                long sequence = ring.claim();
                DecodedPacket slot = ring.slot(sequence);
                ChannelLayout.readProbe(in, at, slot);
                ring.publish(sequence);
                framesReceived++;
            }
            case ChannelLayout.TYPE_COUNTERS -> readCounters(at);
            default -> badFrames++;
        }
    }

    private void readCounters(int at) {
        sensorCounters = new SensorCounters(
                ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_RECEIVED),
                ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_KERNEL_DROPS),
                ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_INTERFACE_DROPS),
                ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_RING_DROPS),
                ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_EXCLUDED));
        offered = ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_OFFERED);
        channelDrops = ChannelLayout.counter(in, at, ChannelLayout.COUNTERS_DROPPED);
    }

    /** Stops reading and closes the connection; returns at once. Any thread. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(connection);
    }

    private static void closeQuietly(SocketChannel connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("closing the channel failed", e);
        }
    }

    /** The socket this client is attached to. */
    public Path socket() {
        return socket;
    }

    /** The sensor's source, as its hello named it (an interface name, say). */
    public String sourceName() {
        return sourceName;
    }

    /** When the sensor started, ns since the epoch. */
    public long sensorStartNanos() {
        return sensorStartNanos;
    }

    /** The sensor's counters as of the last counter frame; all zero before the first. */
    public SensorCounters sensorCounters() {
        return sensorCounters;
    }

    /** Packets the sensor offered this viewer, as of the last counter frame. */
    public long offered() {
        return offered;
    }

    /** Frames the sensor dropped for this viewer (it read too slowly), as last reported. */
    public long channelDrops() {
        return channelDrops;
    }

    /** Probe frames received and handed to the ring. */
    public long framesReceived() {
        return framesReceived;
    }

    /** Frames of an unknown type, skipped. */
    public long badFrames() {
        return badFrames;
    }

    /** Whether reading has ended: the sensor stopped, the connection broke, or closed. */
    public boolean ended() {
        return ended;
    }

    /** Why reading ended, for the user; null while running or after {@link #close()}. */
    public String endReason() {
        return endReason;
    }
}
