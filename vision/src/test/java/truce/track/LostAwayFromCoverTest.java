package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;
import truce.zones.Zone;
import truce.zones.ZoneKind;

/**
 * A rat the track lost beside the cat as the cat rushed at it, far from the shelter it fled into (seed 424242
 * scene-00 at 1291-1310: vision had the rat 0.3 cat lengths from the cat, lost it as it fled, and said "not in
 * cover" for the 388 frames it hid): its last-seen place is not beside any cover, so it was "lost in the open",
 * which the behaviour model reads as a rat still out exploring. A rat lost beside a cat that rushed in half a
 * second before has fled into cover; one lost beside a cat that walked up may be under it, and is not in cover.
 */
class LostAwayFromCoverTest {
    private static final double RAT_Y = 345;
    private static final int LOST = 90;       // the frame the rat's blob is last seen, at (380, 345)
    private static final int END = 200;

    private static FloorMap floor() {
        Zone shelter = new Zone(ZoneKind.COVER, "shelter",
                new double[][] {{540, 60}, {630, 60}, {630, 150}, {540, 150}});
        return new FloorMap(185, List.of(shelter));
    }

    /**
     * The rat (70 x 25 px) walks right at 1 px a frame and is lost at {@link #LOST}; the cat (120 x 70 px, 22 px
     * above it) comes in from the left along y = 275 to (300, 275) at that frame, 106 px from the rat, and stays:
     * rushing the last 20 frames at 12 px a frame (3 of its lengths a second), or walking all along at 1 px a frame.
     */
    private static void run(boolean rush, FrameCheck check) {
        IdentityTracker t = new IdentityTracker(640, 480, floor(), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int f = 0; f < END; f++) {
            b.clear();
            int k = Math.min(f, LOST);
            double cx = !rush ? 300 - (LOST - k) : k < LOST - 20 ? 60 : 300 - 12 * (LOST - k);
            box(b, cx - 60, 240, cx + 60, 310, 220);
            if (f <= LOST) {
                double x = 290 + f;
                box(b, x - 35, RAT_Y - 12.5, x + 35, RAT_Y + 12.5, 200);
            }
            t.update(b, f * 1000.0 / 30);
            check.at(f, t.rat());
        }
    }

    private interface FrameCheck {
        void at(int f, Track rat);
    }

    @Test
    void aRatLostAsTheCatRushedInIsInCover() {
        run(true, (f, rat) -> {
            if (f > LOST + 1) {
                assertFalse(rat.visible(), "the rat is lost at frame " + f);
                assertTrue(rat.inCover(), "the rat lost as the cat rushed at it fled into cover, at frame " + f);
            }
        });
    }

    @Test
    void aRatLostBesideACatThatWalkedUpIsNotInCover() {
        run(false, (f, rat) -> {
            if (f > LOST + 1) {
                assertFalse(rat.visible(), "the rat is lost at frame " + f);
                assertFalse(rat.inCover(), "the rat lost beside a cat that walked up may be under it, not in cover, "
                        + "at frame " + f);
            }
        });
    }
}
