package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * The owner's hand reaches in over the edge to a cat lying against it, the two make one blob, and the cat walks
 * off while the arm stays: the track kept the arm (it stayed where the joined blob was), followed it out over
 * the edge and lost it there, while the cat lay still mid-floor, unclaimed. A lost cat never took a blob that
 * had lain still unclaimed (a ghost, a toy), so the cat stayed lost for as long as it lay there (seed 9001
 * scene-06 frames 209-381; seed 27182 scene-02 frames 749-828). After a second and a half out of sight, a still
 * blob that passes the tests of a plain return (the cat's size, plainly cat-sized, clear of the border, contrast
 * of a new animal) is the cat.
 */
class CatLeftOnTheArmTest {

    /** The cat's left edge: against the frame's edge until frame 100, then it walks right and lies down. */
    private static double catX0(int f) {
        return f < 100 ? 8 : Math.min(250, 140 + 3 * (f - 100));
    }

    /** How far the arm reaches in from the left edge: in over the cat, held, then out. */
    private static double armTip(int f) {
        return f < 60 ? 0 : f < 80 ? 6 * (f - 60) : f < 150 ? 120 : 120 - 2 * (f - 150);
    }

    @Test
    void aCatLostWithTheArmIsFoundWhereItLies() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        t.splitWith(new ReplayedDetector(0)); // nothing is held still: the box shows floor once a blob is gone
        Blobs b = new Blobs();
        boolean onTheArm = false;
        for (int f = 0; f < 320; f++) {
            b.clear();
            double x0 = catX0(f);
            double tip = armTip(f);
            if (f < 100 && tip > 8) {
                box(b, 0, 95, Math.max(128, tip), 175, true, 200);  // cat and arm, one blob over the edge
            } else {
                box(b, x0, 95, x0 + 120, 175, false, 220);          // the cat, apart
                if (tip > 10) {
                    box(b, 0, 100, tip, 180, true, 160);              // the arm
                }
            }
            double rx = 400 + 0.3 * f;
            box(b, rx - 30, 380, rx + 30, 400, 200);                   // the rat, well apart
            t.update(b, f * 1000.0 / 30);
            Track cat = t.cat();
            if (f > 100 && f < 200 && cat.visible() && cat.x() < 130) {
                onTheArm = true;
            }
        }
        // the scene as in the clips: the track went with the arm (if it did not, this test shows nothing)
        assertTrue(onTheArm, "the track followed the arm");
        Track cat = t.cat();
        assertTrue(cat.visible() && Math.abs(cat.x() - 310) < 3 && Math.abs(cat.y() - 135) < 3,
                "the cat is found where it lies: (" + cat.x() + "," + cat.y() + ") visible " + cat.visible());
        assertFalse(cat.inContact());
    }
}
