package org.scanvas.channel;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the sensor's packets to viewers over a Unix domain socket (see {@link ChannelSocket}
 * for where, and who may connect). Nothing listens on a network port.
 *
 * <p>It is one of the sensor's {@link ProbeRing.PacketConsumer}s: the sensor's consumer
 * thread calls {@link #accept} for every packet, and the server copies it as a
 * {@link ChannelLayout} frame into each connected viewer's {@link ViewerQueue}, which never
 * blocks; a viewer that reads too slowly loses frames, counted for that viewer and reported
 * to it. Each viewer has a sender thread ({@code scanvas-channel-send-N}) that writes its
 * queue to the socket and a counter frame every {@link #COUNTER_PERIOD_MILLIS} ms; one
 * thread ({@code scanvas-channel-accept}) accepts connections.
 *
 * <p>Life cycle: {@link #start()} once, {@link #accept} from one thread, {@link #close()} after
 * the last {@code accept}: it sends each viewer what is queued and a final counter frame, so a
 * viewer's count of frames received plus the dropped count equals the packets offered to it.
 */
public final class ProbeChannelServer implements ProbeRing.PacketConsumer, Closeable {

    /** How often each viewer gets a counter frame, ms. */
    public static final int COUNTER_PERIOD_MILLIS = 250;
    /** Frames queued per viewer by default: about a quarter of a second at 250 k probes/s. */
    public static final int DEFAULT_QUEUE_FRAMES = 1 << 16;
    /** Viewers served at once; further connections are refused. */
    public static final int MAX_VIEWERS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ProbeChannelServer.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long COUNTER_PERIOD_NANOS =
            TimeUnit.MILLISECONDS.toNanos(COUNTER_PERIOD_MILLIS);
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final Path socket;
    private final String group;
    private final String sourceName;
    private final SensorCounters.Source counters;
    private final int queueFrames;
    private final long startNanos = System.currentTimeMillis() * 1_000_000L;
    private final AtomicInteger viewerNumbers = new AtomicInteger();

    /** Connected viewers, copied on change; read once per packet by the producer. */
    private volatile Viewer[] viewers = new Viewer[0];
    private volatile boolean closing;
    private ServerSocketChannel listener;
    private Thread acceptor;

    /**
     * A server; nothing is created until {@link #start()}.
     *
     * @param socket the socket's path; its directory is created private (see ChannelSocket)
     * @param group a group whose members may also connect, or null for this user only
     * @param sourceName what the viewers show as the source, an interface name say
     * @param counters the sensor's counters, read by the sender threads
     * @param queueFrames frames queued per viewer before it loses frames, a power of two
     */
    public ProbeChannelServer(Path socket, String group, String sourceName,
            SensorCounters.Source counters, int queueFrames) {
        this.socket = socket.toAbsolutePath();
        this.group = group;
        this.sourceName = sourceName;
        this.counters = counters;
        this.queueFrames = ViewerQueue.checkSlots(queueFrames);
    }

    /** A server for this user only, with the default queue. */
    public ProbeChannelServer(Path socket, String sourceName, SensorCounters.Source counters) {
        this(socket, null, sourceName, counters, DEFAULT_QUEUE_FRAMES);
    }

    /**
     * Creates the directory and the socket, and starts accepting viewers.
     *
     * @throws ChannelException when the socket cannot be created or made private
     */
    public void start() {
        ChannelSocket.prepareDirectory(socket, group);
        ChannelSocket.removeStale(socket);
        try {
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new ChannelException("cannot serve at " + socket + " ("
                    + ChannelSocket.describe(e) + ")", e);
        }
        ChannelSocket.restrictSocket(socket, group);
        acceptor = new Thread(this::acceptViewers, "scanvas-channel-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("serving probes: socket={} group={} queueFrames={}", socket,
                group == null ? "none" : group, queueFrames);
    }

    /** The socket's path. */
    public Path socket() {
        return socket;
    }

    /** Viewers connected now. Any thread. */
    public int viewerCount() {
        return viewers.length;
    }

    /**
     * Queues a packet for every viewer. Allocates nothing, never blocks. One thread only
     * (the sensor's ring consumer).
     */
    @Override
    public void accept(DecodedPacket packet) {
        Viewer[] current = viewers;
        for (Viewer viewer : current) {
            viewer.queue.offer(packet);
        }
    }

    /**
     * Stops accepting, sends each viewer what is queued and a final counter frame, closes every
     * connection and removes the socket. Call after the last {@link #accept}.
     */
    @Override
    public void close() {
        if (listener == null || closing) {
            return;
        }
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.warn("closing the channel socket failed: {}", ChannelSocket.describe(e));
        }
        for (Viewer viewer : viewers) {
            viewer.finish();
        }
        ChannelSocket.delete(socket);
        LOG.info("stopped serving probes: socket={}", socket);
    }

    private void acceptViewers() {
        while (!closing) {
            try {
                SocketChannel connection = listener.accept();
                admit(connection);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("accepting a viewer failed: {}", ChannelSocket.describe(e));
                }
            }
        }
    }

    private void admit(SocketChannel connection) throws IOException {
        String peer = peerName(connection);
        synchronized (this) {
            if (closing || viewers.length >= MAX_VIEWERS) {
                LOG.warn("viewer refused: peer={} viewers={} max={}", peer, viewers.length,
                        MAX_VIEWERS);
                connection.close();
                return;
            }
            Viewer viewer = new Viewer(connection, peer, viewerNumbers.incrementAndGet());
            Viewer[] grown = Arrays.copyOf(viewers, viewers.length + 1);
            grown[grown.length - 1] = viewer;
            viewers = grown;
            viewer.sender.start();
        }
        LOG.info("viewer attached: peer={} viewers={}", peer, viewers.length);
    }

    private synchronized void remove(Viewer gone) {
        Viewer[] current = viewers;
        Viewer[] kept = new Viewer[current.length];
        int count = 0;
        for (Viewer viewer : current) {
            if (viewer != gone) {
                kept[count++] = viewer;
            }
        }
        viewers = Arrays.copyOf(kept, count);
    }

    private static String peerName(SocketChannel connection) {
        try {
            UnixDomainPrincipal principal =
                    connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return principal.user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    /** One connected viewer: its queue, its socket and the thread that writes one to other. */
    private final class Viewer {
        final ViewerQueue queue = new ViewerQueue(queueFrames);
        final SocketChannel connection;
        final String peer;
        final Thread sender;
        final ByteBuffer control = ByteBuffer.allocateDirect(ChannelLayout.FRAME_BYTES)
                .order(ChannelLayout.ORDER);
        volatile boolean finishing;

        Viewer(SocketChannel connection, String peer, int number) {
            this.connection = connection;
            this.peer = peer;
            this.sender = new Thread(this::send, "scanvas-channel-send-" + number);
            sender.setDaemon(true);
        }

        private void send() {
            try {
                ChannelLayout.writeHello(control, 0, COUNTER_PERIOD_MILLIS, startNanos,
                        sourceName);
                writeControl();
                long countersDue = 0;
                boolean last = false;
                while (!last) {
                    last = finishing;
                    int sent = queue.sendQueued(connection);
                    long now = System.nanoTime();
                    if (last || now - countersDue >= 0) {
                        sendCounters();
                        countersDue = now + COUNTER_PERIOD_NANOS;
                    }
                    if (sent == 0 && !last) {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                    }
                }
            } catch (IOException e) {
                if (!finishing) {
                    LOG.info("viewer detached: peer={} reason={}", peer,
                            ChannelSocket.describe(e));
                }
            } finally {
                remove(this);
                closeQuietly();
                if (queue.dropped() > 0) {
                    LOG.warn("viewer lost frames: peer={} offered={} dropped={}", peer,
                            queue.offered(), queue.dropped());
                }
            }
        }

        private void sendCounters() throws IOException {
            long dropped = queue.dropped();
            long offered = queue.offered();
            ChannelLayout.writeCounters(control, 0, counters.snapshot(), offered, dropped);
            writeControl();
        }

        private void writeControl() throws IOException {
            control.clear();
            while (control.hasRemaining()) {
                connection.write(control);
            }
        }

        /** Lets the sender send what is queued and a last counter frame, then ends it. */
        void finish() {
            finishing = true;
            try {
                sender.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (sender.isAlive()) {
                LOG.warn("viewer did not take its last frames in time: peer={}", peer);
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("closing a viewer connection failed: peer={}", peer, e);
            }
        }
    }
}
