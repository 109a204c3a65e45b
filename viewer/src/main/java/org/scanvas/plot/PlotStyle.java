package org.scanvas.plot;

import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.scanvas.decode.TrafficClass;

/**
 * The house look, as users know it from the classic daily gnuplot plots: black background,
 * grey axes, one colour per probe class, and the fixed set of labelled destination ports.
 */
public final class PlotStyle {

    /** Ports with a labelled tick on the y axis, bottom to top. */
    public static final int[] PORT_TICKS = {
        1, 7, 22, 53, 80, 123, 161, 443, 587, 1024, 1433, 3306, 5000, 6881, 10000, 20000, 50000,
        65535,
    };

    /** Background of the picture and of the plot area. */
    public static final Color BACKGROUND = Color.BLACK;
    /** Axis lines, tick marks and labels. */
    public static final Color AXIS = Color.rgb(0xa0, 0xa0, 0xa0);
    /** Faint grid lines across the plot area at each tick. */
    public static final Color GRID = Color.rgb(0x28, 0x28, 0x28);
    /** Fainter grid lines at the finer port ticks of a zoomed axis. */
    public static final Color FINE_GRID = Color.rgb(0x1a, 0x1a, 0x1a);
    /** Text of counts that are not plotted (backscatter while hidden). */
    public static final Color MUTED = Color.rgb(0x70, 0x70, 0x70);
    /** Font of all text. */
    public static final Font FONT = Font.font("DejaVu Sans", 12);
    /** Font of the title line. */
    public static final Font TITLE_FONT = Font.font("DejaVu Sans", 14);
    /** Font of all text in presentation mode, readable across a meeting room. */
    public static final Font PRESENTATION_FONT = Font.font("DejaVu Sans", 16);
    /** Font of the title line in presentation mode. */
    public static final Font PRESENTATION_TITLE_FONT = Font.font("DejaVu Sans", 20);

    /** Dot colour of each class (ARGB, indexed by ordinal); 0 for classes never drawn. */
    private static final int[] DOT_ARGB = new int[TrafficClass.count()];

    static {
        DOT_ARGB[TrafficClass.TCP4.ordinal()] = 0xff00ff00;
        DOT_ARGB[TrafficClass.UDP4.ordinal()] = 0xffb0b0ff;
        DOT_ARGB[TrafficClass.TCP6.ordinal()] = 0xffff0000;
        DOT_ARGB[TrafficClass.UDP6.ordinal()] = 0xffffffff;
        DOT_ARGB[TrafficClass.BACKSCATTER.ordinal()] = 0xff808080;
    }

    private PlotStyle() {
    }

    /** Opaque ARGB colour of a class's dots, or 0 for OTHER and MALFORMED. */
    public static int dotArgb(TrafficClass trafficClass) {
        return DOT_ARGB[trafficClass.ordinal()];
    }

    static int dotArgb(int classOrdinal) {
        return DOT_ARGB[classOrdinal];
    }

    /** The same colour as {@link #dotArgb}, for legends. */
    public static Color dotColor(TrafficClass trafficClass) {
        int argb = dotArgb(trafficClass);
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /** Short lowercase name used in legends: tcp4, udp4, tcp6, udp6, backscatter. */
    public static String legendName(TrafficClass trafficClass) {
        return trafficClass.name().toLowerCase(Locale.ROOT);
    }
}
