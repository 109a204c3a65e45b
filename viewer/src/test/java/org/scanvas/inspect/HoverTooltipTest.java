package org.scanvas.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scanvas.inspect.InspectCapture.Packet;
import org.scanvas.plot.FxPlatform;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hovering a dot of a replayed capture says who sent it. The capture is written here, so
 * where each dot lands follows from its time and port; what the tooltip must say comes from
 * tshark's reading of that very packet.
 */
@ExtendWith(ApplicationExtension.class)
class HoverTooltipTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = 1_714_557_600L * SECOND;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DAY_AND_CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    /** Service names by the IANA registry, for the ports this capture uses. */
    private static final Map<String, String> SERVICES = Map.of("tcp/22", "ssh", "udp/53",
            "domain", "tcp/443", "https", "tcp/80", "http");
    private static final List<Packet> PACKETS = List.of(
            new Packet(T0 + 5 * SECOND + 250_000_000L, "192.0.2.7", true, 40001, 22, 51,
                    InspectCapture.FIN | InspectCapture.PSH | InspectCapture.URG),
            new Packet(T0 + 20 * SECOND + 500_000_000L, "2001:db8::7:1", false, 5353, 53, 33, 0),
            new Packet(T0 + 35 * SECOND + 123, "2001:db8:0:0:1:0:0:9", true, 50123, 443, 60,
                    InspectCapture.SYN | InspectCapture.ECE | InspectCapture.CWR),
            new Packet(T0 + 50 * SECOND + 1_000, "198.51.100.1", true, 1001, 80, 240,
                    InspectCapture.SYN),
            new Packet(T0 + 50 * SECOND + 2_000, "198.51.100.2", true, 1002, 80, 241,
                    InspectCapture.SYN),
            new Packet(T0 + 50 * SECOND + 3_000, "198.51.100.3", true, 1003, 80, 242,
                    InspectCapture.SYN),
            new Packet(T0 + 59 * SECOND, "203.0.113.5", false, 123, 123, 64, 0));

    private static Path capture;

    private ReplayedPlot plot;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void writeCapture() throws IOException {
        capture = InspectCapture.write(
                Files.createTempDirectory("scanvas-hover").resolve("hover.pcap"), PACKETS);
    }

    @AfterAll
    static void deleteCapture() throws IOException {
        Files.deleteIfExists(capture);
        Files.deleteIfExists(capture.getParent());
    }

    @Start
    void start(Stage stage) {
        plot = ReplayedPlot.open(stage, capture, T0, T0 + 60 * SECOND, LOCAL);
    }

    @BeforeEach
    void awaitReplay() throws TimeoutException {
        Tshark.assumeInstalled();
        plot.awaitReplayed();
    }

    /** Frame numbers (1-based) of the three probes that each have a dot to themselves. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void saysWhoSentAProbeWithItsTimeTtlAndFlags(int frame) throws TimeoutException {
        Packet packet = PACKETS.get(frame - 1);
        String[] fields = tsharkFields(frame);

        String tooltip = hover(packet);

        String source = fields[1].isEmpty() ? fields[2] : fields[1];
        boolean tcp = !fields[5].isEmpty();
        String protocolPort = (tcp ? "tcp/" : "udp/") + (tcp ? fields[5] : fields[6]);
        String ttl = fields[1].isEmpty() ? "hop limit " + fields[8] : "TTL " + fields[7];
        String flags = tcp ? ", " + flagNames(fields) : "";
        assertThat(tooltip).isEqualTo(source + " \u2192 " + protocolPort + " ("
                + SERVICES.get(protocolPort) + ")\n"
                + localDateTime(fields[0]) + "\n"
                + "source port " + (tcp ? fields[3] : fields[4]) + ", " + ttl + flags);
    }

    @Test
    void countsProbesThatShareADotAndListsTheFirstInTimeOrder() throws TimeoutException {
        String tooltip = hover(PACKETS.get(3));

        List<String> lines = new ArrayList<>(List.of("3 probes on this dot, the first 3:"));
        for (int frame = 4; frame <= 6; frame++) {
            String[] fields = tsharkFields(frame);
            Instant time = instant(fields[0]);
            lines.add(CLOCK.format(time.atZone(LOCAL)) + fraction(fields[0]) + "  " + fields[1]
                    + " \u2192 tcp/" + fields[5] + " (http)  TTL " + fields[7] + ", "
                    + flagNames(fields));
        }
        lines.add("2024-05-01, times in CEST");
        assertThat(tooltip).isEqualTo(String.join("\n", lines));
    }

    @Test
    void showsTimesInUtcAfterTheUKey() throws TimeoutException {
        robot.press(KeyCode.U).release(KeyCode.U);

        String tooltip = hover(PACKETS.get(0));

        String epoch = tsharkFields(1)[0];
        assertThat(tooltip.split("\n")[1]).isEqualTo(
                DAY_AND_CLOCK.format(instant(epoch).atZone(ZoneId.of("UTC"))) + fraction(epoch)
                        + " UTC");
    }

    @Test
    void saysNothingWhereNoDotIs() throws TimeoutException {
        hover(PACKETS.get(0));

        robot.moveTo(plot.view, Pos.TOP_LEFT, new Point2D(plot.x(T0 + 12 * SECOND) + 0.5,
                ReplayedPlot.y(3000) + 0.5), Motion.DIRECT);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> FxPlatform.call(() -> plot.inspector.tooltipText().isEmpty()));
    }

    private String hover(Packet packet) throws TimeoutException {
        robot.moveTo(plot.view, Pos.TOP_LEFT, new Point2D(plot.x(packet.timeNanos()) + 0.5,
                ReplayedPlot.y(packet.destinationPort()) + 0.5), Motion.DIRECT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxPlatform.call(
                () -> !plot.inspector.tooltipText().isEmpty()
                        && !plot.inspector.tooltipText().startsWith("indexing")));
        return FxPlatform.call(() -> plot.inspector.tooltipText());
    }

    private static String[] tsharkFields(int frame) {
        return Tshark.fields(capture, "frame.number == " + frame, "frame.time_epoch", "ip.src",
                "ipv6.src", "tcp.srcport", "udp.srcport", "tcp.dstport", "udp.dstport", "ip.ttl",
                "ipv6.hlim", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg", "tcp.flags.ack",
                "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin").get(0);
    }

    /** Names of the flags tshark reports set, in header order (RFC 9293, RFC 3168). */
    private static String flagNames(String[] fields) {
        String[] names = {"CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};
        List<String> set = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String value = fields[9 + i];
            if (value.equals("1") || value.equalsIgnoreCase("true")) {
                set.add(names[i]);
            }
        }
        return String.join(" ", set);
    }

    private static Instant instant(String epoch) {
        BigDecimal nanos = new BigDecimal(epoch).movePointRight(9);
        long value = nanos.longValueExact();
        return Instant.ofEpochSecond(value / SECOND, value % SECOND);
    }

    /** ".250000", or nine digits when the time has nanoseconds. */
    private static String fraction(String epoch) {
        String digits = epoch.substring(epoch.indexOf('.') + 1);
        return digits.endsWith("000") ? "." + digits.substring(0, 6) : "." + digits;
    }

    private static String localDateTime(String epoch) {
        Instant time = instant(epoch);
        String zone = time.atZone(LOCAL).getZone().getRules().isDaylightSavings(time)
                ? "CEST" : "CET";
        return DAY_AND_CLOCK.format(time.atZone(LOCAL)) + fraction(epoch) + " " + zone;
    }
}
