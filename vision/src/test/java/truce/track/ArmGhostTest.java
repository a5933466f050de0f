package truce.track;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * The owner's arm reaches in over the top edge to a cat walking by it, and leaves a still ghost where it rested
 * (as in held-out seed 424242 scene-05 from frame 701): the cat, given the arm's blob and then the ghost, lay
 * down in mid-floor a few body lengths away. Main held the cat on the rigid ghost over the edge for the rest of
 * the clip (1000 frames, 190 px off), and, had it let go, a lost cat was never given the blob it lay as, since
 * that blob had lain there unclaimed. A cat held for seconds on a rigid blob over the edge while a blob that
 * plainly is the cat lies elsewhere is let go, and a lost cat may take such a still blob when it is plainly it.
 * (Today's main no longer hands that scene's cat the arm; the second half still counts: seed 9001 8x60 scene-06's
 * cat, lost at the edge, lay still in mid-floor from frame 230 and was only taken back when it got up at 390.)
 */
class ArmGhostTest {


    @Test
    void aCatHandedAnArmsGhostGoesBackToItself() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        int onTheCat = 0;
        for (int f = 0; f < 420; f++) {
            b.clear();
            if (f < 40) {
                double x = 250 + 2 * f; // the cat walks along below the top edge
                box(b, x - 70, 45, x + 70, 115, false, 210);
            } else if (f < 60) {
                box(b, 260, 0, 400, 115, true, 190); // the arm reaches down and joins the cat's blob
            } else {
                box(b, 270, 0, 410, 70, true, 150); // the ghost the arm left: still, over the edge
                if (f >= 90) {
                    box(b, 260, 265, 400, 335, false, 210); // the cat, lying in mid-floor
                }
            }
            double rx = 100 + 0.5 * f;
            box(b, rx - 30, 390, rx + 30, 410, false, 200);
            t.update(b, f * 1000.0 / 30);
            if (f >= 360) {
                onTheCat += t.cat().visible() && Math.hypot(t.cat().x() - 330, t.cat().y() - 300) < 5 ? 1 : 0;
            }
        }
        assertTrue(onTheCat == 60, "the cat is on its own blob in " + onTheCat + " of the last 60 frames, at ("
                + t.cat().x() + "," + t.cat().y() + ") visible " + t.cat().visible());
    }
}
