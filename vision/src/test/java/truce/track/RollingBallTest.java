package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A ball that lay still for seconds rolls off while the rat is out of sight, as in the demo at frame 2375 (the
 * ball had lain a minute beside the rat's shelter): moving off, it leaves a ghost, so its blob is long and its
 * centroid already past the spot the tracker remembered it still at, and main took it for the lost rat coming
 * back, rode it to where it stopped and kept the rat there while the real rat came out elsewhere. What was
 * lying there still is a thing, also once it moves.
 */
class RollingBallTest {

    /** Where the ball's front is: lying at 190 until frame 300, then rolling left 5 px a frame for 20 frames. */
    private static double ball(int f) {
        return f < 300 ? 190 : 190 - 5 * Math.min(20, f - 300);
    }

    @Test
    void aBallRollingOffIsNotTheLostRat() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int f = 0; f < 460; f++) {
            b.clear();
            box(b, 400, 175, 500, 245, 220); // the cat, resting well apart
            double front = ball(f);
            if (f < 300 || f >= 320) {
                box(b, front, 210, front + 20, 230, 150); // the ball, still
            } else {
                box(b, front, 210, front + 40, 230, 150); // the ball rolling, with the ghost it leaves behind
            }
            if (f < 60) {
                double x = 100 + 2 * f;
                box(b, x - 30, 390, x + 30, 410, 200); // the rat walks, then goes out of sight (under cover)
            } else if (f >= 420) {
                double x = 250 + 2 * (f - 420);
                box(b, x - 30, 390, x + 30, 410, 200); // and comes out again
            }
            t.update(b, f * 1000.0 / 30);
            Track rat = t.rat();
            if (f >= 60 && f < 420) {
                assertFalse(rat.visible(), "the rat is out of sight at frame " + f + ", not the ball at (" + rat.x()
                        + "," + rat.y() + ")");
            }
        }
        Track rat = t.rat();
        assertTrue(rat.visible() && Math.abs(rat.x() - (250 + 2 * 39)) < 3 && Math.abs(rat.y() - 400) < 3,
                "the rat is found where it came out: (" + rat.x() + "," + rat.y() + ") visible " + rat.visible());
    }
}
