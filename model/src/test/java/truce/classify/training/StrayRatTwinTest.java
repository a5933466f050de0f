package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

class StrayRatTwinTest {

    /** A cat stalking a rat that hides in cover 300 px to its right, a minute without a move. */
    private static LabelledScene scene(String name) {
        return SimulatedScenes.still(name, CatPosture.STALKING, RatState.HIDING, 200, 200, 0, true);
    }

    @Test
    void theRatTrackSitsOnADecoyNearTheCatForStretchesWhileTheLabelsStay() {
        LabelledScene scene = scene("s");
        LabelledScene twin = StrayRatTwin.of(scene, 1);
        assertEquals(scene.frames(), twin.frames());
        assertSame(scene.truth(), twin.truth(), "labels unchanged: the rat is still where the truth has it");
        int stray = 0;
        int stretches = 0;
        boolean wasStray = false;
        for (int t = 0; t < twin.frames(); t++) {
            FrameFeatures f = twin.features().get(t);
            assertEquals(scene.features().get(t).cat(), f.cat(), "the cat is untouched");
            boolean isStray = f.rat().x() != 500 || f.rat().y() != 200;
            if (isStray) {
                stray++;
                if (!wasStray) {
                    stretches++;
                }
                AnimalFeatures r = f.rat();
                assertTrue(r.visible() && r.framesUnseen() == 0, "the decoy is in plain view");
                assertEquals(30, r.bodyLength(), 1e-9, "it wears the rat's shape");
                double d = Math.hypot(r.x() - 200, r.y() - 200);
                assertEquals(d, f.distance(), 1e-9, "distance follows the decoy");
                assertEquals(d / 60, f.distanceCatLengths(), 1e-9);
                if (!wasStray) {
                    assertTrue(d > 1.5 * 60 - 2 && d < 4 * 60 + 2, "it starts 1.5 to 4 cat lengths from the cat: " + d);
                }
                assertTrue(d < 4 * 60 + 6 * 60, "and drifts at most a length a second for at most 6 s: " + d);
                double facing = Math.abs(Math.atan2(r.y() - 200, r.x() - 200));
                assertEquals(facing, f.catFacingAngle(), 1e-9, "facing is the bearing to the decoy (cat heads along +x)");
                assertFalse(f.ratInCover(), "a decoy in plain view is not the rat in cover");
            } else {
                assertSame(scene.features().get(t), f, "outside the stretches the frame is the original");
            }
            wasStray = isStray;
        }
        assertTrue(stretches >= 3, "a stretch every few seconds: " + stretches);
        assertTrue(stray > 5 * 30 && stray < 1500, "stray frames " + stray);
        assertEquals(twin.features(), StrayRatTwin.of(scene, 1).features(), "seeded: the same twin twice");
    }

    @Test
    void theTrainerAddsTwinsOfTheGivenShareOfScenes() {
        List<LabelledScene> scenes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scenes.add(scene("s" + i));
        }
        assertEquals(8, Trainer.withStrayRatTwins(scenes, scenes, 0, 1).size(), "share 0: no twins");
        List<LabelledScene> all = Trainer.withStrayRatTwins(scenes, scenes, 1, 1);
        assertEquals(16, all.size(), "share 1: a twin of every scene");
        assertTrue(all.get(8).name().endsWith("~strayrat"));
        int half = Trainer.withStrayRatTwins(scenes, scenes, 0.5, 1).size() - 8;
        assertTrue(half > 0 && half < 8, "share 0.5: some scenes, not all: " + half);
        assertEquals(Trainer.Config.STRAY_RAT_SHARE, new Trainer.Config(1, 128, 3e-3f, 1, 0.2, 10, false).strayRatShare(),
                "the short constructors keep the default share");
        assertThrows(IllegalArgumentException.class,
                () -> new Trainer.Config(1, 128, 3e-3f, 1, 0.2, 10, false, 0.15f, 0f, 1e-4f, 0f, 0f, 0.3f, 1.5));
    }
}
