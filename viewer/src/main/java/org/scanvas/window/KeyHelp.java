package org.scanvas.window;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.scanvas.plot.PlotStyle;

/** The keys and gestures of the window, shown over the plot by {@code ?}; any key hides it. */
final class KeyHelp extends GridPane {

    /** One line of help: the key or gesture, and what it does. */
    record Entry(String keys, String action) {
    }

    /** Every key and gesture, in the order shown. README.md lists the same. */
    static final List<Entry> ENTRIES = List.of(
            new Entry("wheel", "zoom around the pointer (over an axis: that axis only)"),
            new Entry("drag along an axis", "zoom that axis to the stretch dragged"),
            new Entry("drag in the plot, right / middle drag", "pan"),
            new Entry("+  -  arrows", "zoom in, out; pan"),
            new Entry("double click, Esc", "undo zoom and pan"),
            new Entry("Shift+drag in the plot", "select (side panel)"),
            new Entry("hover a dot, U", "who sent it; U: times in UTC or local"),
            new Entry("0", "whole capture"),
            new Entry("1  2  3  4", "follow the last 5 min, 1 h, 24 h, 7 days"),
            new Entry("D,  PgUp  PgDn", "day view (00:00-24:00), previous / next day"),
            new Entry("P", "freeze the live view (dots keep arriving)"),
            new Entry("L, End", "back to live"),
            new Entry("Space", "play / pause the replay"),
            new Entry("[  ]", "replay slower / faster (1x 10x 60x 600x max)"),
            new Entry("click a legend entry, B", "show / hide a class; B: backscatter"),
            new Entry("C", "density shading on / off"),
            new Entry("Ctrl+O, drop files", "open captures"),
            new Entry("Ctrl+S, Ctrl+C", "export the view as PNG, copy it"),
            new Entry("F11, F5", "full screen, presentation mode"),
            new Entry("?, F1", "this help"));

    KeyHelp() {
        setHgap(24);
        setVgap(4);
        setPadding(new Insets(20, 28, 20, 28));
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        setBackground(new Background(new BackgroundFill(Color.rgb(0, 0, 0, 0.88),
                new CornerRadii(6), Insets.EMPTY)));
        setStyle("-fx-border-color: #505050; -fx-border-radius: 6;");
        getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        Label title = label("Scanvas keys", Color.WHITE);
        add(title, 0, 0, 2, 1);
        int row = 1;
        for (Entry entry : ENTRIES) {
            add(label(entry.keys(), Color.WHITE), 0, row);
            add(label(entry.action(), PlotStyle.AXIS), 1, row);
            row++;
        }
        setVisible(false);
        setMouseTransparent(true);
    }

    private static Label label(String text, Color colour) {
        Label label = new Label(text);
        label.setTextFill(colour);
        label.setFont(PlotStyle.FONT);
        return label;
    }
}
