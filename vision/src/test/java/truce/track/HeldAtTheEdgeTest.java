package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A cat whose blob went out over the frame's edge is not held there as a cat lying still. Seed 424242 scene-05:
 * the lost cat took the owner's arm as it withdrew, followed it slowly up to the top edge and, when the arm was
 * gone, was held "lying still" at the edge (its box still differed from the background there), visible, for the
 * rest of the clip while the real cat lay mid-floor; once the rat was no longer held in an endless contact, that
 * cost the cat 930 frames. A blob that shrinks against the edge and vanishes went out; nothing lies down there.
 */
class HeldAtTheEdgeTest {

    /** Top of the cat's blob: it walks slowly up and out over the top edge, clipped by it on the way. */
    private static double top(int f) {
        return 150 - f;
    }

    @Test
    void aCatGoneOutOverTheEdgeIsNotHeldThere() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        // The background still differs where the cat was last seen
        t.splitWith(new ReplayedDetector(1));
        Blobs b = new Blobs();
        for (int f = 0; f < 400; f++) {
            b.clear();
            double y0 = top(f);
            double y1 = y0 + 70;
            if (y1 > 4) {
                box(b, 280, Math.max(0, y0), 420, y1, y0 <= 0, 220);
            }
            if (f >= 300) {
                box(b, 130, 250, 270, 320, 220);            // the cat, back in mid-floor
            }
            double x = 100 + 0.5 * f;
            box(b, x - 30, 400, x + 30, 420, 200);         // the rat, walking well apart
            t.update(b, f * 1000.0 / 30);
            Track cat = t.cat();
            if (f == 100) {
                assertTrue(cat.visible() && Math.abs(cat.y() - 85) < 3, "the cat walks up: " + cat.y());
            }
            if (f >= 220 && f < 300) {
                assertFalse(cat.visible(), "the cat went out over the edge at frame " + f + ": held at ("
                        + cat.x() + "," + cat.y() + ")");
            }
        }
        Track cat = t.cat();
        assertTrue(cat.visible() && Math.abs(cat.x() - 200) < 3 && Math.abs(cat.y() - 285) < 3,
                "the cat is found where it came back: (" + cat.x() + "," + cat.y() + ") visible " + cat.visible());
    }
}
