package org.scanvas.window;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.util.converter.LocalDateStringConverter;
import org.scanvas.plot.PlotView;
import org.scanvas.plot.TimeWindow;

/**
 * The time window controls above the plot: the whole capture, the follow spans, the day
 * view with previous and next day and a date picker, pause and live. It mirrors the view's
 * state after every change of view. JavaFX thread only.
 */
final class TimeWindowBar extends HBox {

    /** Dates as the rest of the window writes them. */
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PlotView view;
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton whole = toggle("All", "whole capture (0)");
    private final ToggleButton[] follow = new ToggleButton[TimeWindow.FOLLOW_SPANS.length];
    private final ToggleButton day = toggle("Day", "one calendar day, 00:00-24:00 (D)");
    private final DatePicker date = new DatePicker();
    private final ToggleButton pause = new ToggleButton("Freeze");
    private final Button live = new Button("Live");
    private boolean syncing;

    TimeWindowBar(PlotView view) {
        this.view = view;
        setSpacing(6);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        whole.setOnAction(event -> choose(new TimeWindow.WholeCapture()));
        getChildren().add(whole);
        for (int i = 0; i < follow.length; i++) {
            Duration span = TimeWindow.FOLLOW_SPANS[i];
            follow[i] = toggle(TimeWindow.spanName(span),
                    "follow the newest " + TimeWindow.spanName(span) + " (" + (i + 1) + ")");
            follow[i].setOnAction(event -> choose(new TimeWindow.Follow(span)));
            getChildren().add(follow[i]);
        }
        Button previous = new Button("◀");
        previous.setTooltip(new Tooltip("previous day (PgUp)"));
        previous.setOnAction(event -> view.shiftDay(-1));
        Button next = new Button("▶");
        next.setTooltip(new Tooltip("next day (PgDn)"));
        next.setOnAction(event -> view.shiftDay(1));
        day.setOnAction(event -> choose(view.newestDay()));
        date.setPrefWidth(130);
        date.setConverter(new LocalDateStringConverter(ISO_DATE, ISO_DATE));
        date.setPromptText("yyyy-MM-dd");
        date.setFocusTraversable(false);
        date.getEditor().setFocusTraversable(false);
        date.addEventHandler(KeyEvent.KEY_PRESSED, this::dateKey);
        date.setOnAction(event -> {
            if (!syncing && date.getValue() != null) {
                choose(new TimeWindow.Day(date.getValue()));
            }
        });
        pause.setTooltip(new Tooltip("freeze the live view; dots keep arriving (P)"));
        pause.setOnAction(event -> view.setPaused(pause.isSelected()));
        live.setTooltip(new Tooltip("back to the live view (L)"));
        live.setOnAction(event -> view.goLive());
        for (Node control : List.of(previous, next, pause, live)) {
            control.setFocusTraversable(false);
        }
        whole.setId("whole-capture");
        day.setId("day");
        previous.setId("previous-day");
        next.setId("next-day");
        date.setId("date");
        pause.setId("freeze");
        live.setId("live");
        getChildren().addAll(day, previous, next, date, pause, live);
        view.addViewListener(this::sync);
        sync();
    }

    /**
     * The date field holds the keyboard only while the user types a date into it: Enter
     * (after the picker took the date) and Esc hand it back to the plot.
     */
    private void dateKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.ESCAPE) {
            Platform.runLater(view::requestFocus);
        }
    }

    private ToggleButton toggle(String text, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setFocusTraversable(false);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private void choose(TimeWindow window) {
        if (!syncing) {
            view.setTimeWindow(window);
        }
    }

    /** Shows the view's window, day and pause state on the buttons. */
    void sync() {
        syncing = true;
        try {
            TimeWindow window = view.timeWindow();
            whole.setSelected(window instanceof TimeWindow.WholeCapture);
            for (int i = 0; i < follow.length; i++) {
                follow[i].setSelected(window instanceof TimeWindow.Follow shown
                        && shown.span().equals(TimeWindow.FOLLOW_SPANS[i]));
            }
            day.setSelected(window instanceof TimeWindow.Day);
            LocalDate shownDate = window instanceof TimeWindow.Day shownDay ? shownDay.date()
                    : null;
            if (shownDate != null && !shownDate.equals(date.getValue())) {
                date.setValue(shownDate);
            }
            pause.setDisable(!window.isLive());
            pause.setSelected(view.isPaused());
        } finally {
            syncing = false;
        }
    }
}
