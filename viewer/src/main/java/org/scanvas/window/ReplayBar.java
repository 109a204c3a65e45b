package org.scanvas.window;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.scanvas.replay.ReplaySource;

/**
 * The replay controls under the plot: play/pause, speed, a seek slider with elapsed and total
 * capture time, and while a file is still loading at speed max a progress bar with the records
 * read. Refreshed a few times a second from the replay's counters. JavaFX thread only.
 */
final class ReplayBar extends HBox {

    /** Speeds offered, as factors; {@link ReplaySource#MAX_SPEED} last. */
    static final double[] SPEEDS = {1, 10, 60, 600, ReplaySource.MAX_SPEED};

    private static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final double SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Button play = new Button("Pause");
    private final ChoiceBox<String> speed = new ChoiceBox<>();
    private final Slider seek = new Slider(0, 1, 0);
    private final Label time = new Label("0:00 / 0:00");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label loaded = new Label();
    private final AnimationTimer refresh = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (now - last >= REFRESH_NANOS) {
                last = now;
                refresh();
            }
        }
    };
    private ReplaySource source;
    private boolean syncing;

    ReplayBar() {
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        play.setTooltip(new Tooltip("play / pause the replay (Space)"));
        play.setMinWidth(64);
        play.setOnAction(event -> togglePlay());
        for (double factor : SPEEDS) {
            speed.getItems().add(speedName(factor));
        }
        speed.setTooltip(new Tooltip("replay speed ([ slower, ] faster)"));
        speed.setOnAction(event -> {
            if (!syncing && source != null) {
                source.setSpeed(SPEEDS[speed.getSelectionModel().getSelectedIndex()]);
            }
        });
        seek.setTooltip(new Tooltip("seek: drag or click to move the replay"));
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.setMaxWidth(Double.MAX_VALUE);
        seek.valueChangingProperty().addListener((property, was, changing) -> {
            if (!changing) {
                seekToSlider();
            }
        });
        seek.setOnMouseReleased(event -> seekToSlider());
        progress.setPrefWidth(160);
        play.setId("play");
        speed.setId("speed");
        seek.setId("seek");
        play.setFocusTraversable(false);
        speed.setFocusTraversable(false);
        seek.setFocusTraversable(false);
        getChildren().addAll(play, speed, seek, time, progress, loaded);
    }

    /** Shows and controls this replay from now on. */
    void attach(ReplaySource replay) {
        source = replay;
        syncing = true;
        speed.getSelectionModel().select(speedIndex(replay.speed()));
        syncing = false;
        refresh.start();
        refresh();
    }

    /** Stops refreshing (the window closed). */
    void detach() {
        refresh.stop();
    }

    /** Plays or pauses the replay. */
    void togglePlay() {
        if (source == null) {
            return;
        }
        if (source.finished()) {
            source.setPaused(false);
            source.seek(0);
        } else {
            source.setPaused(!source.isPaused());
        }
        refresh();
    }

    /** One speed step faster (+1) or slower (-1). */
    void stepSpeed(int steps) {
        if (source == null) {
            return;
        }
        int index = Math.max(0, Math.min(SPEEDS.length - 1, speedIndex(source.speed()) + steps));
        source.setSpeed(SPEEDS[index]);
        speed.getSelectionModel().select(index);
    }

    /** Moves the replay to where the slider is. */
    private void seekToSlider() {
        if (source != null && source.extentKnown()) {
            source.seek(Math.round(seek.getValue() * SECOND));
        }
    }

    private void refresh() {
        if (source == null) {
            return;
        }
        play.setText(source.isPaused() || source.finished() ? "Play" : "Pause");
        if (!source.extentKnown()) {
            time.setText("reading…");
            return;
        }
        long first = source.firstTimestampNanos();
        long total = Math.max(0, source.lastTimestampNanos() - first);
        long position = source.positionNanos();
        long elapsed = position == Long.MIN_VALUE ? 0 : Math.max(0, position - first);
        seek.setMax(Math.max(1, total / SECOND));
        if (!seek.isValueChanging() && !seek.isPressed()) {
            seek.setValue(elapsed / SECOND);
        }
        time.setText(clock(elapsed) + " / " + clock(total));
        long records = source.recordsPerPass();
        long read = Math.min(records, source.passRecords());
        boolean loading = !source.finished() && records > 0 && read < records
                && source.speed() == ReplaySource.MAX_SPEED;
        progress.setVisible(loading);
        loaded.setVisible(loading);
        if (loading) {
            progress.setProgress((double) read / records);
            loaded.setText(String.format(Locale.ROOT, "loading %,d / %,d packets", read, records));
        }
    }

    /** Elapsed or total capture time: m:ss, h:mm:ss, or days and h:mm:ss. */
    static String clock(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %d:%02d:%02d", days, hours, minutes, rest);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    static String speedName(double factor) {
        return factor == ReplaySource.MAX_SPEED ? "max"
                : String.format(Locale.ROOT, "%dx", (long) factor);
    }

    private static int speedIndex(double factor) {
        int best = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            if (SPEEDS[i] == factor) {
                return i;
            }
            if (SPEEDS[i] != ReplaySource.MAX_SPEED && SPEEDS[i] <= factor) {
                best = i;
            }
        }
        return best;
    }
}
