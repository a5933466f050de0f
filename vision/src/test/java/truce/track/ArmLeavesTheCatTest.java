package truce.track;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * The owner's arm, reached in over the top edge onto the cat, draws back with the rat's track on it (seed 27182
 * scene-05 at 1314: cat and arm had been one blob split between the cat and the rat, the rat's part on the arm).
 * When the arm parts from the cat, the cat's own blob lies clear of the border where the cat was heading, and the
 * arm's blob, reaching the edge, still holds both tracks' predictions inside its box: main took it for the two
 * animals touching and carried the cat off with the arm (cat within 20 px 1400 -> 1494 of 1800 with the rule).
 * Replayed blobs: the cat and the rat apart; one blob of the cat and the arm, split by the detector with the rat's
 * part on the arm; then the arm alone, drawing back, and the cat's own blob.
 */
class ArmLeavesTheCatTest {

    private static void blob(Blobs b, double area, double cx, double cy, double x0, double y0, double x1, double y1,
                             boolean border, double contrast) {
        double w = x1 - x0;
        double h = y1 - y0;
        b.add(area, cx, cy, w * w / 12, h * h / 12, 0, x0, y0, x1, y1, border, contrast, b.count() + 1);
    }

    /**
     * Splits the blob around the two predictions as the contact split does: the cat's part below, the rat's on
     * the arm; the arm alone, into its lower part and its upper.
     */
    private static final class ArmSplit extends ReplayedDetector {
        ArmSplit() {
            super(0);
        }

        @Override
        public boolean split(Blobs blobs, int blob, double[] seeds, double[] expectedAreas, Blobs out) {
            out.clear();
            if (blobs.maxY(blob) > 250) {
                blob(out, 6000, 280, 240, 220, 215, 340, 265, false, 200);
            } else {
                blob(out, 6000, 320, 150, 290, 85, 350, 215, false, 200);
            }
            blob(out, 900, 320, 60, 297.5, 50, 342.5, 70, true, 200);
            return true;
        }
    }

    @Test
    void theCatStaysOnItsOwnBlobWhenTheArmLeavesWithTheRatsTrack() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        t.splitWith(new ArmSplit());
        Blobs b = new Blobs();
        for (int f = 0; f < 120; f++) {
            b.clear();
            if (f < 60) {
                blob(b, 6000, 280, 240, 220, 215, 340, 265, false, 200);            // the cat, lying
                blob(b, 900, 320, 80 - 0.3 * f, 297.5, 70 - 0.3 * f, 342.5, 90 - 0.3 * f, false, 200); // the rat
            } else if (f < 90) {
                blob(b, 14000, 300, 150, 220, 0, 340, 265, true, 200);              // the cat and the arm: one blob
            } else {
                blob(b, 6000, 280, 240, 220, 215, 340, 265, false, 200);            // the cat
                blob(b, 8000, 320, 100, 290, 0, 350, 215, true, 200);                // the arm drawing back
            }
            t.update(b, f * 1000.0 / 30);
            Track cat = t.cat();
            if (f >= 90) {
                assertTrue(cat.visible() && Math.abs(cat.x() - 280) < 10 && Math.abs(cat.y() - 240) < 10,
                        "the cat on its own blob at frame " + f + ": (" + cat.x() + "," + cat.y() + ") visible "
                                + cat.visible() + " in contact " + cat.inContact() + ", not on the arm at (320,100)");
            }
        }
    }
}
