package org.scanvas.plot;

import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.scanvas.decode.TrafficClass;

/**
 * Zoom and pan by mouse on a {@link PlotView}, leaving Shift with the left drag free for
 * selecting (the inspector takes it before these handlers see it):
 * <ul>
 *   <li>wheel over the plot area: zoom time and ports around the pointer; over the port
 *       axis (left of the plot): ports only; over the time axis (below it): time only;
 *   <li>left drag along an axis: zoom that axis to the stretch dragged over;
 *   <li>a left drag inside the plot area, or a right or middle drag anywhere: pan;
 *   <li>double click: undo zoom and pan;
 *   <li>click on a legend entry: show or hide that class.
 * </ul>
 * JavaFX application thread only.
 */
public final class PlotGestures {

    /** Zoom factor of one wheel notch (40 units of scroll): 0.8 zooms in by a fifth. */
    public static final double ZOOM_PER_NOTCH = 0.8;
    /** Scroll units JavaFX reports for one notch of a mouse wheel. */
    public static final double UNITS_PER_NOTCH = 40;
    /** Least drag, in pixels, that counts as a zoom or a pan rather than a click. */
    static final int MIN_AXIS_DRAG = 4;

    private enum Drag { NONE, PAN, TIME_AXIS, PORT_AXIS }

    private final PlotView view;
    private final Rectangle band = new Rectangle();
    private Drag drag = Drag.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean moved;

    private PlotGestures(PlotView view) {
        this.view = view;
        band.setFill(Color.rgb(0xa0, 0xa0, 0xa0, 0.18));
        band.setStroke(Color.rgb(0xa0, 0xa0, 0xa0, 0.6));
        band.setVisible(false);
        view.overlay().getChildren().add(band);
    }

    /** Installs the gestures on a view. */
    public static void install(PlotView view) {
        PlotGestures gestures = new PlotGestures(view);
        view.addEventHandler(ScrollEvent.SCROLL, gestures::scrolled);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, gestures::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, gestures::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, gestures::released);
        view.addEventHandler(MouseEvent.MOUSE_CLICKED, gestures::clicked);
    }

    /** The zoom factor for a scroll of {@code deltaY} units: below 1 (in) for a wheel up. */
    public static double zoomFactor(double deltaY) {
        return Math.pow(ZOOM_PER_NOTCH, deltaY / UNITS_PER_NOTCH);
    }

    private void scrolled(ScrollEvent event) {
        PlotAxes axes = view.axes();
        if (axes == null || event.getDeltaY() == 0) {
            return;
        }
        double column = event.getX() - axes.plotLeft();
        double row = event.getY() - axes.plotTop();
        boolean overPortAxis = column < 0;
        boolean overTimeAxis = row >= axes.plotHeight();
        view.zoomAround(zoomFactor(event.getDeltaY()), clamp(column, axes.plotWidth()),
                clamp(row, axes.plotHeight()), !overPortAxis, !overTimeAxis);
        event.consume();
    }

    private void pressed(MouseEvent event) {
        PlotAxes axes = view.axes();
        drag = Drag.NONE;
        if (axes == null) {
            return;
        }
        pressX = event.getX();
        pressY = event.getY();
        moved = false;
        lastX = pressX;
        lastY = pressY;
        boolean left = event.getButton() == MouseButton.PRIMARY;
        if (left && event.isShiftDown()) {
            return;
        }
        if (!left || inside(pressX, axes.plotLeft(), axes.plotWidth())
                && inside(pressY, axes.plotTop(), axes.plotHeight())) {
            drag = Drag.PAN;
            view.setCursor(Cursor.MOVE);
        } else if (pressX < axes.plotLeft() && inside(pressY, axes.plotTop(), axes.plotHeight())) {
            drag = Drag.PORT_AXIS;
        } else if (pressY >= axes.plotTop() + axes.plotHeight()
                && pressY < axes.height() - 24
                && inside(pressX, axes.plotLeft(), axes.plotWidth())) {
            drag = Drag.TIME_AXIS;
        }
        if (drag != Drag.NONE) {
            event.consume();
        }
    }

    private void dragged(MouseEvent event) {
        if (drag == Drag.NONE) {
            return;
        }
        PlotAxes axes = view.axes();
        moved |= Math.abs(event.getX() - pressX) >= MIN_AXIS_DRAG
                || Math.abs(event.getY() - pressY) >= MIN_AXIS_DRAG;
        if (!moved) {
            return;
        }
        if (drag == Drag.PAN) {
            view.panBy(event.getX() - lastX, event.getY() - lastY);
        } else if (drag == Drag.TIME_AXIS) {
            double from = Math.min(pressX, event.getX());
            double to = Math.max(pressX, event.getX());
            showBand(from, axes.plotTop(), to - from, axes.plotHeight());
        } else {
            double from = Math.min(pressY, event.getY());
            double to = Math.max(pressY, event.getY());
            showBand(axes.plotLeft(), from, axes.plotWidth(), to - from);
        }
        lastX = event.getX();
        lastY = event.getY();
        event.consume();
    }

    private void released(MouseEvent event) {
        if (drag == Drag.NONE) {
            return;
        }
        PlotAxes axes = view.axes();
        band.setVisible(false);
        view.setCursor(Cursor.DEFAULT);
        if (drag == Drag.TIME_AXIS && Math.abs(event.getX() - pressX) >= MIN_AXIS_DRAG) {
            double from = Math.min(pressX, event.getX()) - axes.plotLeft();
            double to = Math.max(pressX, event.getX()) - axes.plotLeft();
            view.zoomTo(axes.timeAt(from), axes.timeAt(to), axes.lowPort(), axes.highPort());
        } else if (drag == Drag.PORT_AXIS && Math.abs(event.getY() - pressY) >= MIN_AXIS_DRAG) {
            double top = Math.min(pressY, event.getY()) - axes.plotTop();
            double bottom = Math.max(pressY, event.getY()) - axes.plotTop();
            view.zoomTo(axes.startNanos(), axes.endNanos(), axes.portAt(bottom),
                    axes.portAt(top));
        }
        drag = Drag.NONE;
        event.consume();
    }

    private void clicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || !event.isStillSincePress()) {
            return;
        }
        TrafficClass entry = view.legendEntryAt(event.getX(), event.getY());
        if (entry != null && event.getClickCount() == 1) {
            view.setClassShown(entry, !view.isClassShown(entry));
            event.consume();
        } else if (entry == null && event.getClickCount() == 2) {
            view.resetZoom();
            event.consume();
        }
    }

    private void showBand(double x, double y, double width, double height) {
        band.setX(x);
        band.setY(y);
        band.setWidth(width);
        band.setHeight(height);
        band.setVisible(true);
    }

    private static boolean inside(double value, int start, int length) {
        return value >= start && value < start + length;
    }

    private static double clamp(double value, int length) {
        return Math.max(0, Math.min(length - 1, value));
    }
}
