package org.scanvas.window;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scanvas.live.CaptureInterface;
import org.scanvas.text.PrintableText;

/**
 * The window {@code scanvas live} opens when no source was named: the capture interfaces,
 * each with its state and whether this user may capture on it, to pick one from. A refusal
 * (no permission, say) is shown in the window with what to do, and the user may pick again.
 * JavaFX thread only.
 */
public final class InterfacePicker {

    /** Window width in pixels. */
    public static final int WIDTH = 760;
    /** Window height in pixels. */
    public static final int HEIGHT = 420;

    /** Node id of the message line, for tests. */
    public static final String MESSAGE_ID = "picker-message";

    /** Node id of the Capture button, for tests. */
    public static final String CAPTURE_ID = "picker-capture";

    private static final int PROBLEM_CHARS = 70;

    private InterfacePicker() {
    }

    /**
     * Shows the picker.
     *
     * @param interfaces what to list, in this order
     * @param start called with the chosen interface; returns null when capture started (the
     *     picker then closes), or a message for the user (shown, and the picker stays)
     * @return the picker's stage, already showing
     */
    public static Stage show(List<CaptureInterface> interfaces,
            Function<CaptureInterface, String> start) {
        ListView<CaptureInterface> list = new ListView<>();
        list.getItems().setAll(interfaces);
        list.setCellFactory(view -> new InterfaceCell());
        interfaces.stream().filter(CaptureInterface::capturable).findFirst()
                .ifPresent(first -> list.getSelectionModel().select(first));

        Label message = new Label(interfaces.isEmpty()
                ? "libpcap lists no interfaces: see 'scanvas interfaces' and native-notes/"
                : "Pick the dark interface to watch, then Capture (or double-click it).");
        message.setWrapText(true);
        message.setId(MESSAGE_ID);
        Button capture = new Button("Capture");
        capture.setDefaultButton(true);
        capture.setId(CAPTURE_ID);
        Stage stage = new Stage();
        Runnable choose = () -> {
            CaptureInterface chosen = list.getSelectionModel().getSelectedItem();
            if (chosen == null) {
                return;
            }
            String refusal = start.apply(chosen);
            if (refusal == null) {
                stage.close();
            } else {
                message.setText(refusal);
            }
        };
        capture.setOnAction(event -> choose.run());
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                choose.run();
            }
        });

        BorderPane root = new BorderPane(list);
        HBox buttons = new HBox(capture);
        VBox bottom = new VBox(8, message, buttons);
        bottom.setPadding(new Insets(10));
        root.setBottom(bottom);
        stage.setTitle("Scanvas — pick an interface to capture on");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(
                InterfacePicker.class.getResource("window.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** One interface on one line: name, state, addresses, and whether capture works. */
    static String describe(CaptureInterface item) {
        String addresses = item.addresses().isEmpty() ? "no address"
                : String.join(", ", item.addresses());
        String capture = item.capturable() ? "may capture"
                : "cannot capture: " + shortened(item.problem());
        return PrintableText.escape(item.name() + "   " + (item.up() ? "up" : "down")
                + (item.loopback() ? ", loopback" : "") + "   " + addresses + "   " + capture);
    }

    private static String shortened(String problem) {
        return problem.length() <= PROBLEM_CHARS ? problem
                : problem.substring(0, PROBLEM_CHARS - 3) + "...";
    }

    /** Renders {@link #describe} in the list. */
    private static final class InterfaceCell extends ListCell<CaptureInterface> {
        @Override
        protected void updateItem(CaptureInterface item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(describe(item));
        }
    }
}
