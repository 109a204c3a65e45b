package org.scanvas.inspect;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scanvas.decode.TrafficClass;
import org.scanvas.inspect.SelectionSummary.PortRow;
import org.scanvas.inspect.SelectionSummary.SourceRow;

/**
 * The side panel that says what a dragged rectangle holds: its time and port range, the
 * split per class, the top sources (address, probes, port range, first and last seen) and
 * the top destination ports, with buttons to zoom to it, export it and close it.
 * JavaFX application thread only.
 */
public final class SelectionPanel extends VBox {

    /** Rows shown in each table. */
    public static final int TOP = 10;
    /** Width of the panel in pixels. */
    public static final double WIDTH = 470;

    private static final String STYLE = "-fx-background-color: #101010; -fx-base: #303030;"
            + " -fx-control-inner-background: #141414; -fx-text-fill: #c0c0c0;"
            + " -fx-font-family: 'DejaVu Sans'; -fx-font-size: 12px;";
    private static final String TEXT = "-fx-text-fill: #c0c0c0;";

    private final Label from = label();
    private final Label to = label();
    private final Label portRange = label();
    private final Label split = label();
    private final Label message = label();
    private final TableView<SourceRow> sources = new TableView<>();
    private final TableView<PortRow> ports = new TableView<>();
    private final Button zoom = new Button("Zoom to it");
    private final Button pcap = new Button("Export pcap\u2026");
    private final Button csv = new Button("Export CSV\u2026");
    private final Button close = new Button("Close");
    private ZoneId zone = ZoneId.systemDefault();

    /** An empty panel; {@link #show} fills it. */
    public SelectionPanel() {
        setStyle(STYLE);
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        Label title = label();
        title.setText("Selection");
        title.setStyle(TEXT + " -fx-font-size: 14px; -fx-font-weight: bold;");
        // One label a line: a wrapped label of several lines was laid out one line high.
        for (Label line : new Label[] {from, to, portRange}) {
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.setMinWidth(0);
        }
        for (Label line : new Label[] {split, message}) {
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
        }
        buildSourceTable();
        buildPortTable();
        HBox buttons = new HBox(6, zoom, pcap, csv, close);
        VBox.setVgrow(sources, Priority.ALWAYS);
        VBox range = new VBox(2, from, to, portRange);
        range.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, range, split, heading("Top sources"), sources,
                heading("Top ports"), ports, buttons, message);
    }

    private static Label label() {
        Label label = new Label();
        label.setStyle(TEXT);
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle(TEXT + " -fx-font-weight: bold;");
        return label;
    }

    private void buildSourceTable() {
        sources.getColumns().add(column("source", 150, SourceRow::address));
        sources.getColumns().add(column("probes", 60,
                row -> String.format(Locale.ROOT, "%,d", row.probes())));
        sources.getColumns().add(column("ports", 80, row -> row.lowPort() == row.highPort()
                ? Integer.toString(row.lowPort()) : row.lowPort() + "\u2013" + row.highPort()));
        sources.getColumns().add(column("first seen", 70,
                row -> ProbeText.clock(row.firstNanos(), zone).substring(0, 8)));
        sources.getColumns().add(column("last seen", 70,
                row -> ProbeText.clock(row.lastNanos(), zone).substring(0, 8)));
        sources.setPrefHeight(290);
        sources.setMinHeight(120);
        sources.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sources.setPlaceholder(label());
    }

    private void buildPortTable() {
        ports.getColumns().add(column("port", 80,
                row -> (row.tcp() ? "tcp/" : "udp/") + row.port()));
        ports.getColumns().add(column("service", 140, row -> {
            String name = ServiceNames.of(row.tcp(), row.port());
            return name == null ? "" : name;
        }));
        ports.getColumns().add(column("probes", 80,
                row -> String.format(Locale.ROOT, "%,d", row.probes())));
        ports.setPrefHeight(290);
        ports.setMinHeight(120);
        ports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ports.setPlaceholder(label());
    }

    private static <R> TableColumn<R, String> column(String name, double width,
            Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    /** Fills the panel with a selection's tally, times shown in {@code zone}. */
    public void show(SelectionSummary summary, ZoneId shownZone) {
        this.zone = shownZone;
        SelectionArea area = summary.area();
        long last = Math.max(area.fromNanos(), area.toNanos() - 1);
        from.setText(ProbeText.dateTime(area.fromNanos(), shownZone));
        to.setText("to " + ProbeText.dateTime(last, shownZone));
        portRange.setText(area.noPorts() ? "no port in these rows"
                : "ports " + area.lowPort() + "\u2013" + area.highPort());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d probes:",
                summary.total()));
        for (TrafficClass trafficClass : new TrafficClass[] {TrafficClass.TCP4,
            TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6, TrafficClass.BACKSCATTER}) {
            if ((area.classes() & 1 << trafficClass.ordinal()) != 0) {
                text.append(String.format(Locale.ROOT, "  %s %,d",
                        ProbeText.className(trafficClass.ordinal()), summary.count(trafficClass)));
            }
        }
        split.setText(text.toString());
        sources.setItems(FXCollections.observableArrayList(
                summary.sources().subList(0, Math.min(TOP, summary.sources().size()))));
        ports.setItems(FXCollections.observableArrayList(
                summary.ports().subList(0, Math.min(TOP, summary.ports().size()))));
        message.setText("");
    }

    /** Shows a line under the buttons: an export's outcome or why it is not available. */
    public void setMessage(String text) {
        message.setText(text);
    }

    /** The line under the buttons. */
    public String message() {
        return message.getText();
    }

    /** The time and port range, one line each. */
    public String rangeText() {
        return from.getText() + "\n" + to.getText() + "\n" + portRange.getText();
    }

    /** The per-class split line. */
    public String splitText() {
        return split.getText();
    }

    /** The top sources table. */
    public TableView<SourceRow> sourcesTable() {
        return sources;
    }

    /** The top ports table. */
    public TableView<PortRow> portsTable() {
        return ports;
    }

    /** The "Zoom to it" button. */
    public Button zoomButton() {
        return zoom;
    }

    /** The "Export pcap" button. */
    public Button pcapButton() {
        return pcap;
    }

    /** The "Export CSV" button. */
    public Button csvButton() {
        return csv;
    }

    /** The "Close" button. */
    public Button closeButton() {
        return close;
    }
}
