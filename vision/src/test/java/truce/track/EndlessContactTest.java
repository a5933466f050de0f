package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A rat that went out of sight beside the cat is not kept "in contact" with it for ever. Seed 5150 scene-04: a
 * rat whose size was learnt from a stretch of leash was held as a part of the resting cat's blob for hundreds of
 * frames while it hid (the cat's blob alone passes as cat-plus-rat when the rat's learnt size is small, and a
 * rat the split cannot find is held where it was), so it was reported in view 745 frames while hidden.
 * Replayed blobs (no detector to split a shared blob), the rat's blob (1200 px, 50 cm^2 at the floor's scale)
 * under a rat's usual size: the rat walks up to a cat lying still, their blobs merge,
 * then the cat stretches out over where the rat went, and for seconds on end nothing comes apart from it.
 */
class EndlessContactTest {

    private static IdentityTracker tracker() {
        return new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
    }

    @Test
    void aRatGoneBesideTheCatIsNotHeldInContactForEver() {
        goneBesideTheCat(10, 255, 327.5); // a rat of 60 x 20 px; the cat stretches out over where it went
    }

    /**
     * The same with a rat of a rat's usual size (60 x 40 px, 99 cm^2): a resting cat's blob alone still passes for
     * the two of them (it is over 0.9 of the cat's and 0.2 of the rat's size), so main held the hidden rat in
     * contact for as long as the cat lay there (seed 8086 scene-00 and scene-07, seed 7777 scene-00: hundreds of
     * frames each).
     */

    @Test
    void aRatOfUsualSizeGoneBesideTheCatIsNotHeldInContactForEver() {
        goneBesideTheCat(20, 295, 347.5); // a rat of 60 x 40 px; the cat shifts a little
    }

    /**
     * The rat (60 px long, 2 x halfHeight wide) walks up to a cat lying still, their blobs merge for a second,
     * then the rat is out of sight and the cat's blob alone spans catLeft to 400: the rat must be let go.
     */
    private static void goneBesideTheCat(double halfHeight, double catLeft, double catX) {
        IdentityTracker t = tracker();
        Blobs b = new Blobs();
        for (int f = 0; f < 400; f++) {
            b.clear();
            if (f < 60) {
                box(b, 300, 200, 400, 260, 220);          // the cat, lying still
                double x = 150 + 2 * f;                     // the rat walks up to it
                box(b, x - 30, 230 - halfHeight, x + 30, 230 + halfHeight, 200);
            } else if (f < 90) {
                box(b, 240, 200, 400, 260, 220);          // touching: one blob
            } else {
                box(b, catLeft, 200, 400, 260, 220);      // the rat went out of sight
            }
            t.update(b, f * 1000.0 / 30);
            if (f == 50) {
                assertTrue(t.rat().visible() && Math.abs(t.rat().x() - 250) < 5, "the rat walks up");
            }
            if (f >= 250) {
                assertFalse(t.rat().visible(), "the rat is out of sight at frame " + f + ", not on the cat");
            }
        }
        assertTrue(t.cat().visible() && Math.abs(t.cat().x() - catX) < 5, "the cat lies where it was: " + t.cat().x());
    }

    @Test
    void aShortContactKeepsTheRat() {
        IdentityTracker t = tracker();
        Blobs b = new Blobs();
        for (int f = 0; f < 200; f++) {
            b.clear();
            if (f < 60) {
                box(b, 300, 200, 400, 260, 220);
                double x = 150 + 2 * f;
                box(b, x - 30, 220, x + 30, 240, 200);
            } else if (f < 105) {
                box(b, 240, 200, 400, 260, 220);          // a second and a half together
            } else {
                box(b, 300, 200, 400, 260, 220);
                double x = 270 - 2 * (f - 105);             // the rat walks back off
                box(b, x - 30, 220, x + 30, 240, 200);
            }
            t.update(b, f * 1000.0 / 30);
        }
        double x = 270 - 2 * (199 - 105);
        assertTrue(t.rat().visible() && Math.abs(t.rat().x() - x) < 5 && Math.abs(t.rat().y() - 230) < 5,
                "the rat walked off: (" + t.rat().x() + "," + t.rat().y() + ") visible " + t.rat().visible());
    }
}
