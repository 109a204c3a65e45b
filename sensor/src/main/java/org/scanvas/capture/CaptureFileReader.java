package org.scanvas.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.scanvas.decode.LinkType;
import org.scanvas.text.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads classic pcap and pcapng capture files by mapping them into memory and handing each
 * record to a {@link RecordHandler} in file order, without copying or allocating per record.
 *
 * <p>Formats: pcap with microsecond or nanosecond timestamps in either byte order (the FCS
 * bits above the link type are ignored); pcapng with any number of sections, each in its own
 * byte order, and any number of interfaces per section, each with its own link type and
 * timestamp resolution (if_tsresol, decimal or binary, default microseconds) and offset
 * (if_tsoffset). Enhanced, simple and obsolete packet blocks are records; other blocks are
 * skipped by their length. A simple packet block has no timestamp: it gets the previous
 * record's, or 0 when it is the first.
 *
 * <p>Link types: a pcap file whose link type {@link LinkType#isSupported} rejects fails at
 * {@link #open}. A pcapng file may mix link types, so records of an interface with an
 * unsupported link type are delivered all the same (the decoder classifies them as other
 * traffic); only a file whose interfaces described before its first packet all have
 * unsupported link types fails at {@link #open}, with the first one's value.
 *
 * <p>Damage: every problem is a {@link CaptureFileException} naming the file, the 1-based
 * number of the record at fault (for pcapng, the number the next packet record would have) and
 * the byte offset of the record or block. It is thrown by {@link #read} after all records
 * before the damage have been delivered. No record may claim more than {@value #RECORD_LIMIT}
 * bytes, so no length read from the file decides how much memory is used.
 *
 * <p>Threading: {@link #read} and {@link #close} belong to one thread; {@link #stop} may be
 * called from any thread.
 */
public final class CaptureFileReader implements Closeable {

    /** Largest captured length a record may have: libpcap's largest snap length. */
    public static final int RECORD_LIMIT = RecordWalker.RECORD_LIMIT;

    private static final Logger LOG = LoggerFactory.getLogger(CaptureFileReader.class);
    private static final int MAGIC_LENGTH = 4;

    private final Path file;
    private final FileChannel channel;
    private final RecordWalker walker;
    private boolean closed;

    private CaptureFileReader(Path file, FileChannel channel, RecordWalker walker) {
        this.file = file;
        this.channel = channel;
        this.walker = walker;
    }

    /**
     * Opens a capture file and reads its file or first section header.
     *
     * @param file a pcap or pcapng file
     * @return a reader positioned before the first record; close it when done
     * @throws CaptureFileException when the file is missing, not a capture file, of an
     *     unsupported link type, or its header is damaged
     */
    public static CaptureFileReader open(Path file) {
        return open(file, FileWindow.BY_FILE_SIZE);
    }

    /**
     * Opens with windows of at most {@code maxWindow} bytes (or {@link FileWindow#BY_FILE_SIZE}),
     * so that tests can make records cross windows in small files.
     */
    static CaptureFileReader open(Path file, int maxWindow) {
        FileChannel channel = openChannel(file);
        try {
            RecordWalker walker = walkerFor(file, channel, maxWindow);
            LOG.info("reading {} as {} ({} bytes)", PrintableText.escape(file.toString()),
                    walker.format(), channel.size());
            return new CaptureFileReader(file, channel, walker);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CaptureFileException(file, CaptureFileException.UNKNOWN,
                    CaptureFileException.UNKNOWN, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Delivers the records from where the last read stopped (at first: the first record) until
     * the end of the file, a handler that returns false, or {@link #stop}.
     *
     * @param handler called once per record on this thread; the buffer it gets is big-endian
     *     and valid only during the call
     * @return records delivered by this call
     * @throws CaptureFileException at damage, after delivering every record before it
     * @throws IllegalStateException when the reader is closed
     */
    public long read(RecordHandler handler) {
        if (closed) {
            throw new IllegalStateException("reader closed: " + file);
        }
        return walker.walk(handler);
    }

    /**
     * Makes the running {@link #read} return before its next record, or the next one return
     * at once when none runs. Safe to call from any thread.
     */
    public void stop() {
        walker.requestStop();
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The file's format: "pcap" or "pcapng". */
    public String format() {
        return walker.format();
    }

    /** Records delivered so far by all reads; read it on the reading thread or after it. */
    public long recordsDelivered() {
        return walker.delivered;
    }

    /** Releases the file; records already delivered stay valid only during their call. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(channel);
        }
    }

    private static FileChannel openChannel(Path file) {
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                throw new CaptureFileException(file, CaptureFileException.UNKNOWN,
                        CaptureFileException.UNKNOWN, "not a regular file");
            }
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CaptureFileException(file, CaptureFileException.UNKNOWN,
                    CaptureFileException.UNKNOWN, "no such file");
        } catch (IOException e) {
            throw new CaptureFileException(file, CaptureFileException.UNKNOWN,
                    CaptureFileException.UNKNOWN, "cannot open: " + e.getMessage());
        }
    }

    private static RecordWalker walkerFor(Path file, FileChannel channel, int maxWindow)
            throws IOException {
        long size = channel.size();
        if (size == 0) {
            throw notCapture(file, "the file is empty");
        }
        if (size < MAGIC_LENGTH) {
            throw notCapture(file, "only " + size + " bytes");
        }
        FileWindow window = new FileWindow(file, channel, size, maxWindow);
        int magic = window.data().getInt(0);
        if (magic == PcapngLayout.SECTION_HEADER) {
            return pcapngWalker(file, window);
        }
        ByteOrder order = pcapOrder(magic);
        if (order == null) {
            throw notCapture(file, String.format("magic 0x%08x", magic));
        }
        return pcapWalker(file, window, order);
    }

    private static ByteOrder pcapOrder(int bigEndianMagic) {
        if (bigEndianMagic == PcapLayout.MAGIC_MICROSECONDS
                || bigEndianMagic == PcapLayout.MAGIC_NANOSECONDS) {
            return ByteOrder.BIG_ENDIAN;
        }
        int swapped = Integer.reverseBytes(bigEndianMagic);
        if (swapped == PcapLayout.MAGIC_MICROSECONDS || swapped == PcapLayout.MAGIC_NANOSECONDS) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        return null;
    }

    private static RecordWalker pcapWalker(Path file, FileWindow window, ByteOrder order) {
        if (window.size() < PcapLayout.FILE_HEADER_LENGTH) {
            throw notCapture(file, window.size() + " bytes, shorter than the "
                    + PcapLayout.FILE_HEADER_LENGTH + "-byte pcap file header");
        }
        window.order(order);
        ByteBuffer header = window.headers();
        int major = header.getShort(PcapLayout.VERSION_MAJOR) & 0xffff;
        if (major != PcapLayout.SUPPORTED_MAJOR_VERSION) {
            int minor = header.getShort(PcapLayout.VERSION_MINOR) & 0xffff;
            throw new CaptureFileException(file, CaptureFileException.UNKNOWN,
                    PcapLayout.VERSION_MAJOR, "unsupported pcap version " + major + "." + minor);
        }
        int linkType = header.getInt(PcapLayout.LINK_TYPE) & PcapLayout.LINK_TYPE_MASK;
        if (!LinkType.isSupported(linkType)) {
            throw unsupported(file, PcapLayout.LINK_TYPE, linkType);
        }
        boolean nanosecond = header.getInt(0) == PcapLayout.MAGIC_NANOSECONDS;
        return new PcapWalker(file, window, linkType, nanosecond);
    }

    private static RecordWalker pcapngWalker(Path file, FileWindow window) {
        if (window.size() < PcapngLayout.SECTION_MINIMUM_LENGTH) {
            throw notCapture(file, window.size() + " bytes, shorter than the "
                    + PcapngLayout.SECTION_MINIMUM_LENGTH + "-byte pcapng section header");
        }
        PcapngWalker walker = new PcapngWalker(file, window);
        int linkType = walker.unsupportedLinkTypeOnly();
        if (linkType >= 0) {
            throw unsupported(file, CaptureFileException.UNKNOWN, linkType);
        }
        return walker;
    }

    private static CaptureFileException notCapture(Path file, String detail) {
        return new CaptureFileException(file, CaptureFileException.UNKNOWN, 0,
                "not a capture file: " + detail);
    }

    private static CaptureFileException unsupported(Path file, long offset, int linkType) {
        return new CaptureFileException(file, CaptureFileException.UNKNOWN, offset,
                "unsupported link type " + linkType);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing a capture file failed: {}", e.toString());
        }
    }
}
