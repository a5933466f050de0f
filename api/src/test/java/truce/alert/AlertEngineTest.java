package truce.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.session.Detection;

class AlertEngineTest {
    private final List<Alert> raised = new ArrayList<>();

    private static Detection d(int i, CatPosture cat, RatState rat, float catLengths) {
        return new Detection(i, i * 100.0, cat, rat, 10, 10, 50, 10, cat != null, rat != null && rat != RatState.HIDING,
                40, catLengths, 0);
    }

    private List<AlertKind> kinds() {
        return raised.stream().map(Alert::kind).toList();
    }

    @Test
    void lungeOnItsFirstFrameThenCooldown() {
        AlertEngine e = new AlertEngine("cam", new AlertSettings(3, 1, 300, 2, 10, 0.2), raised::add);
        e.onFrame(1L, d(0, CatPosture.CALM, RatState.EXPLORING, 5), Instant.now());
        e.onFrame(1L, d(1, CatPosture.LUNGING, RatState.EXPLORING, 5), Instant.now());
        e.onFrame(1L, d(2, CatPosture.LUNGING, RatState.EXPLORING, 5), Instant.now());
        assertEquals(List.of(AlertKind.LUNGE), kinds());
        Alert a = raised.get(0);
        assertEquals(1, a.frame());
        assertEquals(Severity.CRITICAL, a.severity());
        assertEquals(new Point(10, 10), a.cat());
        assertEquals(Long.valueOf(1), a.sessionId());
        // a second lunge within the cool-down is debounced
        e.onFrame(1L, d(3, CatPosture.CALM, RatState.EXPLORING, 5), Instant.now());
        e.onFrame(1L, d(4, CatPosture.LUNGING, RatState.EXPLORING, 5), Instant.now());
        assertEquals(1, raised.size());
    }

    @Test
    void stalkingAfterThreeSecondsOrWithinOneCatLength() {
        AlertEngine e = new AlertEngine("cam", AlertSettings.DEFAULTS, raised::add);
        for (int i = 0; i < 30; i++) { // 0..2.9 s: not yet
            e.onFrame(1L, d(i, CatPosture.STALKING, RatState.EXPLORING, 3), Instant.now());
        }
        assertEquals(List.of(), kinds());
        e.onFrame(1L, d(30, CatPosture.STALKING, RatState.EXPLORING, 3), Instant.now()); // 3.0 s
        assertEquals(List.of(AlertKind.STALKING), kinds());
        assertEquals(30, raised.get(0).frame());

        raised.clear();
        AlertEngine close = new AlertEngine("cam", AlertSettings.DEFAULTS, raised::add);
        close.onFrame(1L, d(0, CatPosture.STALKING, RatState.EXPLORING, 2), Instant.now());
        close.onFrame(1L, d(1, CatPosture.STALKING, RatState.EXPLORING, 0.9f), Instant.now());
        assertEquals(List.of(AlertKind.STALKING), kinds());
        assertEquals(1, raised.get(0).frame());

        raised.clear();
        AlertEngine broken = new AlertEngine("cam", AlertSettings.DEFAULTS, raised::add);
        for (int i = 0; i < 60; i++) { // a calm frame every 2 s breaks the run
            broken.onFrame(1L, d(i, i % 20 == 19 ? CatPosture.CALM : CatPosture.STALKING, RatState.EXPLORING, 3), Instant.now());
        }
        assertEquals(List.of(), kinds());
    }

    @Test
    void fleeingAndHiddenLong() {
        AlertEngine e = new AlertEngine("cam", new AlertSettings(3, 1, 5, 2, 0, 0), raised::add);
        e.onFrame(1L, d(0, CatPosture.CALM, RatState.FLEEING, 3), Instant.now());
        e.onFrame(1L, d(1, CatPosture.CALM, RatState.FLEEING, 3), Instant.now());
        for (int i = 2; i < 60; i++) { // hiding 5.7 s with a 5 s threshold
            e.onFrame(1L, d(i, CatPosture.CALM, RatState.HIDING, 3), Instant.now());
        }
        assertEquals(List.of(AlertKind.RAT_FLEEING, AlertKind.RAT_HIDDEN_LONG), kinds());
        assertEquals(53, raised.get(1).frame()); // 5.1 s after the hiding began at frame 2
        assertEquals(Severity.INFO, raised.get(1).severity());
    }
}
