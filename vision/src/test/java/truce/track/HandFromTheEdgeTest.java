package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A lost cat and an arm reaching in (as in the demo clip at frame 2749): the cat had been out of sight for
 * seconds (there, learnt into the background), then the owner's arm came in over the pen's bottom edge, a blob
 * as large as a cat. A cat lost that long may come back anywhere as a blob that is plainly it; main took the arm
 * for it and followed the arm. A cat that left by the edge comes back by the edge path; one lost mid-floor does
 * not come back as something reaching in over the border.
 */
class HandFromTheEdgeTest {

    private static void blob(Blobs b, double cx, double cy, double w, double h, boolean border, double contrast) {
        b.add(w * h, cx, cy, w * w / 12, h * h / 12, 0, cx - w / 2, Math.max(0, cy - h / 2), cx + w / 2,
                cy + h / 2, border, contrast, b.count() + 1);
    }

    @Test
    void aLostCatIsNotTheArmReachingInButIsTheCatWhenItShows() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        int f = 0;
        for (; f < 200; f++) {
            b.clear();
            double ratX = 120 + 0.3 * f;
            if (f < 60) {
                blob(b, 480, 380, 110, 80, false, 220); // the cat, lying mid-floor
            } else if (f >= 120 && f < 160) {
                blob(b, 200 + 2 * (f - 120), 45, 100, 90, true, 160); // an arm over the top edge, cat-sized
            } else if (f >= 160) {
                blob(b, 460, 250, 110, 80, false, 220); // the cat, back in view mid-floor
            }
            blob(b, ratX, 300, 60, 20, false, 200); // the rat, trotting along
            t.update(b, f * 1000.0 / 30);
            if (f < 60) {
                assertTrue(t.cat().visible(), "the cat is tracked at frame " + f);
            } else if (f >= 120 && f < 160) {
                boolean onArm = t.cat().visible() && Math.abs(t.cat().y() - 45) < 30;
                assertFalse(onArm, "the arm reaching in is not the cat at frame " + f + ": (" + t.cat().x() + ","
                        + t.cat().y() + ")");
            }
            assertTrue(Math.abs(t.rat().x() - ratX) < 2 && t.rat().visible(), "the rat is the rat at frame " + f);
        }
        assertTrue(t.cat().visible() && Math.abs(t.cat().x() - 460) < 2 && Math.abs(t.cat().y() - 250) < 2,
                "the cat back in view mid-floor is the cat: (" + t.cat().x() + "," + t.cat().y() + ")");
    }
}
