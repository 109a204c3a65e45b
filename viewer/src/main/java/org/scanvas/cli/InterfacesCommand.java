package org.scanvas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanvas.live.CaptureInterface;
import org.scanvas.live.CaptureInterfaces;
import org.scanvas.live.LiveCaptureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scanvas interfaces}: lists the interfaces libpcap can capture on, and whether this
 * user may. When the user may capture on none, it says what to do about it.
 */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = "Lists capture interfaces and whether you may capture on them.")
final class InterfacesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        List<CaptureInterface> interfaces;
        try {
            interfaces = CaptureInterfaces.list();
        } catch (LiveCaptureException e) {
            spec.commandLine().getErr().println("scanvas: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(interfaces));
        } else {
            table(out, interfaces);
        }
        out.flush();
        boolean refused = !interfaces.isEmpty()
                && interfaces.stream().noneMatch(CaptureInterface::capturable);
        if (refused) {
            String name = interfaces.get(0).name();
            spec.commandLine().getErr().println("scanvas: "
                    + CaptureInterfaces.permissionAdvice(name));
        }
        return 0;
    }

    private static void table(PrintWriter out, List<CaptureInterface> interfaces) {
        int width = 9;
        for (CaptureInterface each : interfaces) {
            width = Math.max(width, each.name().length());
        }
        String row = "%-" + width + "s  %-4s  %-8s  %-7s  %s%n";
        out.printf(row, "INTERFACE", "LINK", "LOOPBACK", "CAPTURE", "ADDRESSES / DESCRIPTION");
        for (CaptureInterface each : interfaces) {
            String detail = String.join(" ", each.addresses());
            if (!each.description().isEmpty()) {
                detail = detail.isEmpty() ? each.description()
                        : detail + "  (" + each.description() + ")";
            }
            out.printf(row, each.name(), each.up() ? "up" : "down",
                    each.loopback() ? "yes" : "no", each.capturable() ? "yes" : "no",
                    detail.isEmpty() ? "-" : detail);
        }
    }

    private static String json(List<CaptureInterface> interfaces) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < interfaces.size(); i++) {
            CaptureInterface each = interfaces.get(i);
            text.append(i == 0 ? "" : ",")
                    .append("{\"name\":").append(JsonText.quote(each.name()))
                    .append(",\"description\":").append(JsonText.quote(each.description()))
                    .append(",\"addresses\":[");
            for (int a = 0; a < each.addresses().size(); a++) {
                text.append(a == 0 ? "" : ",").append(JsonText.quote(each.addresses().get(a)));
            }
            text.append("],\"up\":").append(each.up())
                    .append(",\"loopback\":").append(each.loopback())
                    .append(",\"capturable\":").append(each.capturable())
                    .append(",\"problem\":").append(JsonText.quote(each.problem()))
                    .append('}');
        }
        return text.append(']').toString();
    }
}
