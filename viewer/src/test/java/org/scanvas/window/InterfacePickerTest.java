package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scanvas.live.CaptureInterface;
import org.scanvas.plot.FxPlatform;
import org.testfx.framework.junit5.ApplicationExtension;

/** The interface list {@code scanvas live} shows when no source was named. */
@ExtendWith(ApplicationExtension.class)
class InterfacePickerTest {

    private static final CaptureInterface DOWN = new CaptureInterface("ifb0", "", List.of(),
            false, false, false, "ifb0: That device is not up");
    private static final CaptureInterface DARK = new CaptureInterface("veth-dark", "",
            List.of(), true, false, true, "");

    private final List<String> chosen = new ArrayList<>();

    @Test
    void preselectsTheFirstInterfaceThatMayCaptureAndStartsOnIt() {
        Stage picker = FxPlatform.call(() -> InterfacePicker.show(List.of(DOWN, DARK), pick -> {
            chosen.add(pick.name());
            return null;
        }));

        FxPlatform.call(() -> {
            ((Button) picker.getScene().lookup("#" + InterfacePicker.CAPTURE_ID)).fire();
            return null;
        });

        assertThat(chosen).containsExactly("veth-dark");
        assertThat(FxPlatform.call(picker::isShowing)).isFalse();
    }

    @Test
    void showsARefusalAndStaysOpenToPickAgain() {
        String advice = "no permission to capture on veth-dark: run the sensor instead";
        Stage picker = FxPlatform.call(() -> InterfacePicker.show(List.of(DOWN, DARK),
                pick -> advice));

        String shown = FxPlatform.call(() -> {
            ((Button) picker.getScene().lookup("#" + InterfacePicker.CAPTURE_ID)).fire();
            return ((Label) picker.getScene().lookup("#" + InterfacePicker.MESSAGE_ID))
                    .getText();
        });

        assertThat(shown).isEqualTo(advice);
        assertThat(FxPlatform.call(picker::isShowing)).isTrue();
        FxPlatform.call(() -> {
            picker.close();
            return null;
        });
    }

    @Test
    void saysWhyAnInterfaceCannotBeCapturedOn() {
        String line = InterfacePicker.describe(DOWN);

        assertThat(line).isEqualTo(
                "ifb0   down   no address   cannot capture: ifb0: That device is not up");
    }
}
