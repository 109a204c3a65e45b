package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlotAxesTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final long START = 1_700_000_000_000_000_000L;
    private static final long END = START + 60_000_000_000L;

    private final PlotAxes axes = PlotAxes.of(WIDTH, HEIGHT, START, END);
    private final int plotHeight = HEIGHT - PlotAxes.INSET_TOP - PlotAxes.INSET_BOTTOM;
    private final int plotWidth = WIDTH - PlotAxes.INSET_LEFT - PlotAxes.INSET_RIGHT;

    @Test
    void putsPortOneOnTheBottomRowAndTheHighestPortOnTheTopRow() {
        assertThat(axes.row(1)).isEqualTo(plotHeight - 1);
        assertThat(axes.row(65535)).isZero();
    }

    @Test
    void clampsPortZeroToTheBottomRow() {
        assertThat(axes.row(0)).isEqualTo(plotHeight - 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 7, 22, 53, 80, 443, 1024, 6881, 32768, 50000})
    void placesPortsOnALogarithmicScale(int port) {
        double fraction = Math.log10(port) / Math.log10(65535);
        int expected = (int) Math.round((plotHeight - 1) * (1 - fraction));

        assertThat(axes.row(port)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 59_999_999_999L, 30_000_000_000L, 12_345_678_901L})
    void placesTimesLinearlyAcrossThePlotArea(long sinceStart) {
        int expected = (int) Math.floor(sinceStart / 60e9 * plotWidth);

        assertThat(axes.column(START + sinceStart)).isEqualTo(expected);
    }

    @Test
    void putsTheEndTimeInTheLastColumn() {
        assertThat(axes.column(END)).isEqualTo(plotWidth - 1);
    }

    @Test
    void rejectsTimesOutsideTheRange() {
        assertThat(axes.column(START - 1)).isEqualTo(-1);
        assertThat(axes.column(END + 1)).isEqualTo(-1);
    }
}
