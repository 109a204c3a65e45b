package org.scanvas.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.TrafficClass;
import org.scanvas.inspect.SelectionSummary.PortRow;
import org.scanvas.inspect.SelectionSummary.SourceRow;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotAxes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Shift-drag over a replay of the bundled demo capture (real nmap scans recorded by
 * test-pcaps/make-scans.sh: an IPv4 SYN scan, then an IPv4 UDP scan six seconds later) selects
 * a time and port range; what the panel tallies and what the exports hold must be what tshark
 * finds in the capture for that range.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /**
     * The capture starts at 2026-12-04 00:14:25.77 UTC (capinfos); the plot shows its first ten
     * seconds: the SYN scan and the start of the UDP scan.
     */
    private static final long FROM = 1_796_343_265L * SECOND;
    private static final long TO = FROM + 10 * SECOND;
    private static final Path CAPTURE = Path.of(System.getProperty("scanvas.repo", ".."))
            .resolve("test-pcaps/demo-scans.pcap").toAbsolutePath().normalize();
    /** tshark's reading of a probe: TCP with neither ACK nor RST, or UDP; none quoted in ICMP. */
    private static final String PROBE = "!icmp && !icmpv6 && ((tcp && tcp.flags.ack == 0"
            + " && tcp.flags.reset == 0) || udp)";

    @TempDir
    Path temp;

    private ReplayedPlot plot;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        plot = ReplayedPlot.open(stage, CAPTURE, FROM, TO, ZoneId.of("UTC"));
    }

    @BeforeEach
    void awaitReplay() throws TimeoutException {
        Tshark.assumeInstalled();
        plot.awaitReplayed();
    }

    @Test
    void talliesWhatTsharkFindsInTheSelectedTimeAndPortRange() throws TimeoutException {
        SelectionArea area = dragFromOneSecondInToTheTopRight();

        List<String[]> packets = tsharkProbesIn(area);
        SelectionSummary summary = FxPlatform.call(() -> plot.inspector.selection());
        assertThat(packets).hasSizeGreaterThan(10);
        assertThat(summary.total()).isEqualTo(packets.size());
        assertThat(summary.count(TrafficClass.TCP4)).isEqualTo(
                packets.stream().filter(fields -> !fields[2].isEmpty()).count());
        assertThat(summary.count(TrafficClass.UDP4)).isEqualTo(
                packets.stream().filter(fields -> !fields[3].isEmpty()).count());
        assertThat(summary.sources()).containsExactlyInAnyOrderElementsOf(sourceRows(packets));
        assertThat(summary.ports()).containsExactlyInAnyOrderElementsOf(portRows(packets));
    }

    @Test
    void showsTheTopSourcesAndPortsAndTheRangeInThePanel() throws TimeoutException {
        SelectionArea area = dragFromOneSecondInToTheTopRight();

        List<String[]> packets = tsharkProbesIn(area);
        SelectionPanel panel = plot.inspector.panel();
        List<SourceRow> shownSources = FxPlatform.call(() -> List.copyOf(
                panel.sourcesTable().getItems()));
        List<PortRow> shownPorts = FxPlatform.call(() -> List.copyOf(
                panel.portsTable().getItems()));
        assertTopRows(shownSources, sourceRows(packets), SourceRow::probes);
        assertTopRows(shownPorts, portRows(packets), PortRow::probes);
        assertThat(FxPlatform.call(panel::rangeText))
                .contains("ports " + area.lowPort() + "\u2013" + area.highPort());
        assertThat(FxPlatform.call(panel::splitText))
                .startsWith(String.format(Locale.ROOT, "%,d probes:", packets.size()));
    }

    @Test
    void exportsExactlyTheSelectedPacketsAsCaptured() throws TimeoutException {
        SelectionArea area = dragFromOneSecondInToTheTopRight();
        Path out = temp.resolve("selection.pcap");

        export(plot.inspector.panel().pcapButton(), out);

        String[] fields = {"frame.time_epoch", "frame.len", "frame.cap_len", "eth.src",
            "ip.src", "ip.dst", "ip.id", "tcp.srcport", "tcp.dstport", "udp.srcport",
            "udp.dstport", "tcp.seq_raw"};
        assertThat(lines(Tshark.fields(out, "", fields)))
                .isEqualTo(lines(Tshark.fields(CAPTURE, filter(area), fields)));
    }

    @Test
    void exportsOneCsvRowPerSelectedProbe() throws TimeoutException, IOException {
        SelectionArea area = dragFromOneSecondInToTheTopRight();
        Path out = temp.resolve("selection.csv");

        export(plot.inspector.panel().csvButton(), out);

        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(rows.get(0)).isEqualTo(CsvExport.HEADER);
        List<String> expected = new ArrayList<>();
        for (String[] packet : tsharkProbesIn(area)) {
            String port = packet[2].isEmpty() ? packet[3] : packet[2];
            expected.add(nanos(packet[4]) + "," + packet[0] + "," + port);
        }
        List<String> actual = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            actual.add(cells[1] + "," + cells[3] + "," + cells[6]);
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void zoomsThePlotToTheSelectedTimeAndPorts() throws TimeoutException {
        SelectionArea area = dragFromOneSecondInToTheTopRight();

        robot.clickOn(plot.inspector.panel().zoomButton());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxPlatform.call(
                () -> plot.view.axes().startNanos() == area.fromNanos()));
        PlotAxes zoomed = FxPlatform.call(() -> plot.view.axes());
        assertThat(zoomed.endNanos()).isEqualTo(area.toNanos());
        assertThat(zoomed.lowPort()).isCloseTo(area.lowPort(), within(1e-9));
        assertThat(zoomed.highPort()).isCloseTo(area.highPort(), within(1e-9));
    }

    /**
     * Drags from 18:07:21.0 at port 30 past the plot's top right corner: the DNS answers at
     * the end, the UDP probes to port 53 and the later SYNs to 80 and 443.
     */
    private SelectionArea dragFromOneSecondInToTheTopRight() throws TimeoutException {
        robot.moveTo(plot.view, Pos.TOP_LEFT,
                new Point2D(plot.x(FROM + SECOND) + 0.5, ReplayedPlot.y(30) + 0.5),
                Motion.DIRECT);
        robot.press(KeyCode.SHIFT).press(MouseButton.PRIMARY);
        robot.moveTo(plot.view, Pos.TOP_LEFT, new Point2D(ReplayedPlot.WIDTH - 20,
                PlotAxes.INSET_TOP - 10), Motion.DIRECT);
        robot.release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> FxPlatform.call(() -> plot.inspector.selection() != null));
        return FxPlatform.call(() -> plot.inspector.selection().area());
    }

    private void export(javafx.scene.control.Button button, Path out) throws TimeoutException {
        FxPlatform.call(() -> {
            plot.inspector.setSaveDialog((title, suggested, owner) -> out);
            return null;
        });
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> FxPlatform.call(
                () -> plot.inspector.panel().message().startsWith("Wrote")));
    }

    private static String filter(SelectionArea area) {
        return String.format(Locale.ROOT, "frame.time_epoch >= %s && frame.time_epoch < %s"
                + " && ((tcp.dstport >= %d && tcp.dstport <= %d) || (udp.dstport >= %d"
                + " && udp.dstport <= %d)) && %s", seconds(area.fromNanos()),
                seconds(area.toNanos()), area.lowPort(), area.highPort(), area.lowPort(),
                area.highPort(), PROBE);
    }

    /** Source, address version, TCP port, UDP port, time of each probe tshark selects. */
    private static List<String[]> tsharkProbesIn(SelectionArea area) {
        return Tshark.fields(CAPTURE, filter(area), "ip.src", "ip.version", "tcp.dstport",
                "udp.dstport", "frame.time_epoch");
    }

    /**
     * The panel shows the {@link SelectionPanel#TOP} rows with the most probes: each shown row
     * is one of tshark's, and no row left out has more probes than the fewest shown.
     */
    private static <T> void assertTopRows(List<T> shown, List<T> all,
            java.util.function.ToLongFunction<T> probes) {
        assertThat(shown).hasSize(Math.min(SelectionPanel.TOP, all.size()));
        assertThat(all).containsAll(shown);
        long fewestShown = shown.stream().mapToLong(probes).min().orElse(0);
        assertThat(all.stream().filter(row -> !shown.contains(row)).mapToLong(probes))
                .allMatch(count -> count <= fewestShown);
    }

    private static List<SourceRow> sourceRows(List<String[]> packets) {
        Map<String, SourceRow> rows = new HashMap<>();
        for (String[] packet : packets) {
            int port = Integer.parseInt(packet[2].isEmpty() ? packet[3] : packet[2]);
            long time = nanos(packet[4]);
            rows.merge(packet[0], new SourceRow(packet[0], 1, port, port, time, time),
                    (a, b) -> new SourceRow(a.address(), a.probes() + 1,
                            Math.min(a.lowPort(), port), Math.max(a.highPort(), port),
                            Math.min(a.firstNanos(), time), Math.max(a.lastNanos(), time)));
        }
        return List.copyOf(rows.values());
    }

    private static List<PortRow> portRows(List<String[]> packets) {
        Map<String, PortRow> rows = new HashMap<>();
        for (String[] packet : packets) {
            boolean tcp = !packet[2].isEmpty();
            int port = Integer.parseInt(tcp ? packet[2] : packet[3]);
            rows.merge((tcp ? "tcp/" : "udp/") + port, new PortRow(tcp, port, 1),
                    (a, b) -> new PortRow(tcp, port, a.probes() + 1));
        }
        return List.copyOf(rows.values());
    }

    private static List<String> lines(List<String[]> rows) {
        List<String> lines = new ArrayList<>();
        rows.forEach(row -> lines.add(String.join("\t", row)));
        return lines;
    }

    private static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos).movePointLeft(9).toPlainString();
    }

    private static long nanos(String epoch) {
        return new BigDecimal(epoch).movePointRight(9).longValueExact();
    }
}
