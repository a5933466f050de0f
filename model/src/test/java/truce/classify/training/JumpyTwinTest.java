package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

class JumpyTwinTest {

    /** A still cat (60 px long) and a rat 300 px away, 60 s. */
    private static LabelledScene still() {
        List<FrameRow> truth = new ArrayList<>();
        List<FrameFeatures> features = new ArrayList<>();
        for (int t = 0; t < 1800; t++) {
            double ms = t * 1000.0 / 30;
            truth.add(new FrameRow(t, ms, CatPosture.CALM, RatState.EXPLORING, 100, 100, 400, 100, true, true));
            AnimalFeatures cat = new AnimalFeatures(true, 100, 100, 0, 0, 0, 0, 0, 0, 60, 25, 2.4, 1200, 0);
            AnimalFeatures rat = new AnimalFeatures(true, 400, 100, 0, 0, 0, 0, 0, 0, 30, 12, 2.5, 300, 0);
            features.add(new FrameFeatures(t, ms, cat, rat, 300, 5, 0, 0.2, false));
        }
        return new LabelledScene("s", truth, features);
    }

    @Test
    void theCatTrackLeapsNowAndThenWhileTheLabelsStayAsTheyWere() {
        LabelledScene scene = still();
        LabelledScene twin = JumpyTwin.of(scene, 1);
        assertEquals(scene.frames(), twin.frames());
        assertSame(scene.truth(), twin.truth(), "labels unchanged: a jump is no lunge");
        int leaps = 0;
        int moved = 0;
        double maxSpeed = 0;
        for (int t = 1; t < twin.frames(); t++) {
            AnimalFeatures a = twin.features().get(t - 1).cat();
            AnimalFeatures b = twin.features().get(t).cat();
            double step = Math.hypot(b.x() - a.x(), b.y() - a.y());
            if (step > 0) {
                assertTrue(step >= 0.6 * 60 - 1e-9, "a leap, not a drift: " + step);
                leaps++;
            }
            if (b.x() != 100 || b.y() != 100) {
                moved++;
                FrameFeatures f = twin.features().get(t);
                assertEquals(Math.hypot(400 - b.x(), 100 - b.y()), f.distance(), 1e-9, "distance follows the cat");
            }
            maxSpeed = Math.max(maxSpeed, b.speed());
            assertEquals(scene.features().get(t).rat(), twin.features().get(t).rat(), "the rat is untouched");
        }
        assertTrue(leaps >= 4, "a leap every few seconds: " + leaps);
        assertTrue(moved > 0 && moved < twin.frames(), "moved " + moved);
        assertTrue(maxSpeed > 60 * 3, "vision's smoothed speed shows the kick: " + maxSpeed);
    }
}
