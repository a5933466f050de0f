package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

class JumpyTwinTest {

    @Test
    void theCatTrackLeapsNowAndThenWhileTheLabelsStayAsTheyWere() {
        LabelledScene scene = SimulatedScenes.still("s", CatPosture.CALM, RatState.EXPLORING, 100, 100, 0.2, false);
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
