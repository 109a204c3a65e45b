package org.scanvas.plot;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse and wheel events fired straight at a node on the JavaFX thread, at coordinates of a
 * node placed at the scene's origin, so a gesture's geometry is exactly what the test says.
 */
public final class PlotEvents {

    /** Scroll units of one wheel notch, as JavaFX reports them. */
    public static final double NOTCH = 40;

    private PlotEvents() {
    }

    /** A wheel turned {@code notches} notches up (positive: away from the user) at (x, y). */
    public static void wheel(Node node, double x, double y, double notches) {
        FxPlatform.call(() -> {
            Event.fireEvent(node, new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false,
                    false, false, false, false, 0, notches * NOTCH, 0, notches * NOTCH,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(node, x, y)));
            return null;
        });
    }

    /** A drag with a button from one point to another, through one point in between. */
    public static void drag(Node node, MouseButton button, double fromX, double fromY,
            double toX, double toY) {
        mouse(node, MouseEvent.MOUSE_PRESSED, button, fromX, fromY, 1, true);
        mouse(node, MouseEvent.MOUSE_DRAGGED, button, (fromX + toX) / 2, (fromY + toY) / 2, 0,
                false);
        mouse(node, MouseEvent.MOUSE_DRAGGED, button, toX, toY, 0, false);
        mouse(node, MouseEvent.MOUSE_RELEASED, button, toX, toY, 1, false);
    }

    /** A click (press, release, click) of the primary button, {@code clicks} in a row. */
    public static void click(Node node, double x, double y, int clicks) {
        mouse(node, MouseEvent.MOUSE_PRESSED, MouseButton.PRIMARY, x, y, clicks, true);
        mouse(node, MouseEvent.MOUSE_RELEASED, MouseButton.PRIMARY, x, y, clicks, true);
        mouse(node, MouseEvent.MOUSE_CLICKED, MouseButton.PRIMARY, x, y, clicks, true);
    }

    private static void mouse(Node node, EventType<MouseEvent> type, MouseButton button,
            double x, double y, int clicks, boolean still) {
        boolean down = type != MouseEvent.MOUSE_RELEASED && type != MouseEvent.MOUSE_CLICKED;
        FxPlatform.call(() -> {
            Event.fireEvent(node, new MouseEvent(type, x, y, x, y, button, clicks, false, false,
                    false, false, down && button == MouseButton.PRIMARY, false,
                    down && button == MouseButton.SECONDARY, false, false, still,
                    new PickResult(node, x, y)));
            return null;
        });
    }
}
