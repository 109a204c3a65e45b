package org.scanvas.capture;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every packet it is handed, as captured, to rotating pcap files in a directory: a new
 * file when the next record would pass the size limit and when a packet falls into a new UTC
 * hour. Files are named by {@link RecordingFileNames} and never overwritten. Timestamps keep
 * nanoseconds (the nanosecond pcap magic), the records keep the captured bytes that the ring
 * slot carried ({@link DecodedPacket#frame}) and the original length.
 *
 * <p>Records gather in one buffer made once; it is written out when full, at every
 * {@link #flush()} (the sensor pump calls it at least once a second), at rotation and at
 * {@link #close()}; rotation and close also force the file to disk. A crash thus loses at most
 * the last second. When a write fails (a full disk, a removed directory), recording stops for
 * good with an ERROR log and {@link #failure()} says why; packets after that are counted in
 * {@link #notRecorded()}. The capture is never affected.
 *
 * <p>One thread only (the sensor pump); the counters may be read from any thread.
 */
public final class PcapRecorder implements ProbeRing.PacketConsumer, Flushable, Closeable {

    /** Default size limit of one file: 64 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(PcapRecorder.class);
    private static final int BUFFER_BYTES = 1 << 20;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_HOUR = 3600 * NANOS_PER_SECOND;
    private static final int MAX_NAME_TRIES = 100_000;
    private static final Set<StandardOpenOption> NEW_FILE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    /**
     * Recordings hold whatever reached the dark interface, so, like the channel's socket, they
     * are not for every user: the directory (when the recorder makes it) is 0750 and each file
     * 0640, before the umask, which may only take more away.
     */
    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_PERMISSIONS =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE_PERMISSIONS =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));

    private final Path directory;
    private final int linkType;
    private final int snapLength;
    private final long maxFileBytes;
    private final ByteBuffer buffer =
            ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    private FileChannel channel;
    private Path currentFile;
    private long currentFileBytes;
    private long pending;
    private long currentHour = Long.MIN_VALUE;
    private long lastNameSecond = Long.MIN_VALUE;

    private volatile long recorded;
    private volatile long notRecorded;
    private volatile long bytesWritten;
    private volatile int filesStarted;
    private volatile String failure;

    /**
     * A recorder into {@code directory}, which is created if missing.
     *
     * @param linkType LINKTYPE_ value of every packet it will be handed
     * @param snapLength snap length to state in each file header
     * @param maxFileBytes size at which a file is closed and the next begun, at least 64 KiB
     * @throws IOException when the directory cannot be created or is not writable
     */
    public PcapRecorder(Path directory, int linkType, int snapLength, long maxFileBytes)
            throws IOException {
        if (maxFileBytes < 65536) {
            throw new IllegalArgumentException("file size limit must be >= 65536: "
                    + maxFileBytes);
        }
        if (posix(directory)) {
            Files.createDirectories(directory, DIRECTORY_PERMISSIONS);
        } else {
            Files.createDirectories(directory);
        }
        if (!Files.isWritable(directory)) {
            throw new AccessDeniedException(directory.toString(), null, "not writable");
        }
        this.directory = directory;
        this.linkType = linkType;
        this.snapLength = snapLength;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public void accept(DecodedPacket packet) {
        if (failure != null || packet.frame == null) {
            notRecorded++;
            return;
        }
        int length = Math.max(0, Math.min(packet.capturedLength, packet.frame.length));
        int recordBytes = PcapLayout.RECORD_HEADER_LENGTH + length;
        try {
            rotateIfDue(packet.timestampNanos, recordBytes);
            if (buffer.remaining() < recordBytes) {
                drain();
            }
            long seconds = Math.floorDiv(packet.timestampNanos, NANOS_PER_SECOND);
            buffer.putInt((int) seconds)
                    .putInt((int) Math.floorMod(packet.timestampNanos, NANOS_PER_SECOND))
                    .putInt(length)
                    .putInt(Math.max(packet.originalLength, length))
                    .put(packet.frame, 0, length);
            currentFileBytes += recordBytes;
            pending++;
        } catch (IOException e) {
            stopRecording(e);
            notRecorded++;
        }
    }

    /** Writes buffered records to the current file. */
    @Override
    public void flush() {
        if (failure != null || channel == null) {
            return;
        }
        try {
            drain();
        } catch (IOException e) {
            stopRecording(e);
        }
    }

    /** Writes what is buffered, forces it to disk and closes the file. */
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            if (failure == null) {
                drain();
                channel.force(true);
            }
        } catch (IOException e) {
            stopRecording(e);
        } finally {
            closeChannel();
        }
    }

    /** Packets written to files; after {@link #close()}, every packet recorded. Any thread. */
    public long recorded() {
        return recorded;
    }

    /** Packets not recorded: lost in the buffer when a write failed, or after. Any thread. */
    public long notRecorded() {
        return notRecorded;
    }

    /** Bytes written to files so far, headers included. Any thread. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Files begun so far. Any thread. */
    public int filesStarted() {
        return filesStarted;
    }

    /** Why recording stopped, or null while it goes on. Any thread. */
    public String failure() {
        return failure;
    }

    /** The directory recorded into. */
    public Path directory() {
        return directory;
    }

    @Override
    public String toString() {
        return "recorder(" + directory + ")";
    }

    private void rotateIfDue(long timestampNanos, int recordBytes) throws IOException {
        long hour = Math.floorDiv(timestampNanos, NANOS_PER_HOUR);
        boolean full = currentFileBytes + recordBytes > maxFileBytes
                && currentFileBytes > PcapLayout.FILE_HEADER_LENGTH;
        if (channel != null && hour == currentHour && !full) {
            return;
        }
        if (channel != null) {
            drain();
            channel.force(true);
            closeChannel();
        }
        startFile(timestampNanos, hour);
    }

    private void startFile(long timestampNanos, long hour) throws IOException {
        long second = Math.max(Math.floorDiv(timestampNanos, NANOS_PER_SECOND),
                lastNameSecond + 1);
        for (int tries = 0; tries < MAX_NAME_TRIES; tries++, second++) {
            String name = RecordingFileNames.nameFor(Instant.ofEpochSecond(second));
            Path file = directory.resolve(name);
            try {
                channel = posix(file)
                        ? FileChannel.open(file, NEW_FILE, FILE_PERMISSIONS)
                        : FileChannel.open(file, NEW_FILE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            currentFile = file;
            lastNameSecond = second;
            currentHour = hour;
            currentFileBytes = PcapLayout.FILE_HEADER_LENGTH;
            filesStarted++;
            writeFileHeader();
            LOG.info("recording into {}", file);
            return;
        }
        throw new IOException("no free file name in " + directory + " near second " + second);
    }

    private void writeFileHeader() {
        buffer.putInt(PcapLayout.MAGIC_NANOSECONDS)
                .putShort((short) PcapLayout.SUPPORTED_MAJOR_VERSION)
                .putShort((short) PcapLayout.WRITTEN_MINOR_VERSION)
                .putInt(0)
                .putInt(0)
                .putInt(snapLength)
                .putInt(linkType);
    }

    /**
     * Writes the buffer, which holds whole records only. Should the write fail half way, the
     * file is cut back to where it stood, so that it ends on a whole record and reads back
     * cleanly.
     */
    private void drain() throws IOException {
        buffer.flip();
        long before = channel.position();
        try {
            while (buffer.hasRemaining()) {
                bytesWritten += channel.write(buffer);
            }
            recorded += pending;
            pending = 0;
        } catch (IOException e) {
            cutBack(before);
            throw e;
        } finally {
            buffer.clear();
        }
    }

    private void cutBack(long size) {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            LOG.warn("cannot cut {} back to {} bytes: {}", currentFile, size, e.toString());
        }
    }

    private void stopRecording(IOException e) {
        if (failure == null) {
            failure = "recording to " + directory + " stopped after " + recorded
                    + " packets: " + describe(e) + " (file " + currentFile + ")";
            LOG.error("{}; capture goes on without recording", failure);
        }
        notRecorded += pending;
        pending = 0;
        buffer.clear();
        closeChannel();
        if (currentFile != null) {
            deleteIfHeaderless(currentFile);
        }
    }

    /** A file cut back to less than its header would read as damaged: it holds nothing. */
    private static void deleteIfHeaderless(Path file) {
        try {
            if (Files.exists(file) && Files.size(file) < PcapLayout.FILE_HEADER_LENGTH) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the empty {}: {}", file, e.toString());
        }
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", currentFile, e.toString());
        }
        channel = null;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
