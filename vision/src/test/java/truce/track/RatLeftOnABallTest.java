package truce.track;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.centred;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;
import truce.zones.Zone;
import truce.zones.ZoneKind;

/**
 * A rat's track handed a rolling ball goes back to the rat once the rat walks in view again (seed 424242 scene-05
 * at 1307 and scene-03 at 613: the track took the ball as the rat went out of sight beside it, learnt the ball's
 * size, and then refused the real rat walking a few lengths off for 170 frames each). Replayed blobs: the cat lies
 * still; the rat (60 x 30 px) walks right while a ball (26 px across) rolls slowly left below it; the rat goes out
 * of sight for two seconds beside the ball and then walks on from where it went. A rat curled up round, with no
 * other rat-like blob about, keeps its track. A rat that slips into its shelter as its track takes a ball rolling by,
 * with no rat walking anywhere, is lost at the shelter's door, so in cover (seed 27182 scene-02 at 1430: the track
 * rode the ball for 298 frames while the rat hid).
 */
class RatLeftOnABallTest {

    private static final double RAT_Y = 200;

    /** The rat's x at frame f, or NaN while it is out of sight. */
    private static double ratX(int f) {
        if (f < 60) {
            return 150 + 2 * f;
        }
        return f < 120 ? Double.NaN : 268 + 2 * (f - 120);
    }

    @Test
    void theTrackLeavesTheBallForTheRatWalkingOn() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        boolean onBall = false;
        for (int f = 0; f < 240; f++) {
            b.clear();
            centred(b, 520, 400, 160, 60, 220);                    // the cat, lying still
            double ballX = 300 - Math.min(f, 150) * 0.5;            // rolls slowly left, then stops
            centred(b, ballX, 235, 26, 26, 200);
            double x = ratX(f);
            if (!Double.isNaN(x)) {
                centred(b, x, RAT_Y, 60, 30, 200);
            }
            t.update(b, f * 1000.0 / 30);
            if (f == 66) {
                onBall = t.rat().visible() && Math.abs(t.rat().y() - 235) < 3;
            }
        }
        assertTrue(onBall, "the scene hands the rat's track the ball while the rat is out of sight");
        double x = ratX(239);
        assertTrue(t.rat().visible() && Math.abs(t.rat().x() - x) < 3 && Math.abs(t.rat().y() - RAT_Y) < 3,
                "the rat walks at (" + x + ", " + RAT_Y + "): its track is at (" + t.rat().x() + ", " + t.rat().y()
                        + ") " + t.rat().visible());
    }

    @Test
    void aRatCurledUpRoundKeepsItsTrack() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int f = 0; f < 180; f++) {
            b.clear();
            centred(b, 520, 400, 160, 60, 220);
            if (f < 60) {
                centred(b, 150 + 2 * f, RAT_Y, 60, 30, 200);
            } else {
                centred(b, 268 + (f % 2), RAT_Y, 40, 38, 200);      // curled up, breathing
            }
            t.update(b, f * 1000.0 / 30);
        }
        assertTrue(t.rat().visible() && Math.abs(t.rat().x() - 268.5) < 3 && Math.abs(t.rat().y() - RAT_Y) < 3,
                "the curled-up rat at (268, " + RAT_Y + "): its track is at (" + t.rat().x() + ", " + t.rat().y() + ") "
                        + t.rat().visible());
    }

    @Test
    void aRatThatHidAsItsTrackTookABallIsLostInCover() {
        // the shelter's door faces the rat's walk: its left side at x = 275
        Zone shelter = new Zone(ZoneKind.COVER, "shelter", new double[][] {{275, 170}, {355, 170}, {355, 230},
                {275, 230}});
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of(shelter)), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        boolean onBall = false;
        for (int f = 0; f < 150; f++) {
            b.clear();
            centred(b, 520, 400, 160, 60, 220);                    // the cat, lying still
            centred(b, 300 - f * 0.8, 250, 26, 26, 200);            // the ball rolls left below the shelter
            if (f < 60) {
                centred(b, 150 + 2 * f, RAT_Y, 60, 30, 200);         // the rat walks to the door, then is inside
            }
            t.update(b, f * 1000.0 / 30);
            if (f == 68) {
                onBall = t.rat().visible() && Math.abs(t.rat().y() - 250) < 3;
            }
        }
        assertTrue(onBall, "the scene hands the rat's track the ball as the rat goes in");
        assertTrue(!t.rat().visible() && t.rat().inCover(), "the rat is in its shelter: its track is "
                + (t.rat().visible() ? "on (" + t.rat().x() + ", " + t.rat().y() + ")" : "lost, in cover " + t.rat().inCover()));
    }
}
