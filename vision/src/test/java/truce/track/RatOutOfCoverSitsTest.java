package truce.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A lost rat that comes back out somewhere else and then sits still. Seed 9001 scene-00 (with the lunge coast):
 * the rat went into cover at (168,125), came out at (495,125) at frame 807 before it had been gone long enough to
 * be taken back far from where it went, and sat still at (520,125): an unclaimed blob lying still is refused as a
 * "stale" thing (a toy, a ghost), so the rat was never taken back. One that came into view moving after the rat
 * was lost is not such a thing; a toy that was lying there all along stays refused.
 * Replayed blobs: the cat lies well apart; the rat walks left and vanishes; 0.5 s later a rat-sized blob comes
 * into view 250 px away, walks for half a second and sits.
 */
class RatOutOfCoverSitsTest {

    private static void rat(Blobs b, double x, double y) {
        box(b, x - 30, y - 10, x + 30, y + 10, 200);
    }

    private static IdentityTracker run(int frames) {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int f = 0; f < frames; f++) {
            b.clear();
            box(b, 260, 330, 360, 400, 220);                   // the cat, lying apart
            if (f < 60) {
                rat(b, 250 - f, 120);                           // the rat walks left, into cover
            } else if (f >= 75 && f < 90) {
                rat(b, 470 + 3 * (f - 75), 120);                // out elsewhere, walking
            } else if (f >= 90) {
                rat(b, 515, 120);                               // and sits
            }
            t.update(b, f * 1000.0 / 30);
        }
        return t;
    }

    @Test
    void theRatThatCameOutAndSatIsTakenBack() {
        Track rat = run(200).rat();
        assertTrue(rat.visible() && Math.abs(rat.x() - 515) < 5 && Math.abs(rat.y() - 120) < 5,
                "the rat sitting where it came out: (" + rat.x() + "," + rat.y() + ") visible " + rat.visible());
    }

    @Test
    void aToyLyingThereAllAlongStaysRefused() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int f = 0; f < 200; f++) {
            b.clear();
            box(b, 260, 330, 360, 400, 220);                   // the cat, lying apart
            if (f < 60) {
                rat(b, 250 - f, 120);                           // the rat walks left and is gone for good
            }
            if (f >= 30) {
                box(b, 420, 110, 480, 130, 200);                // a rat-sized thing that appeared and lies still
            }
            t.update(b, f * 1000.0 / 30);
            Track rat = t.rat();
            assertFalse(rat.visible() && Math.abs(rat.x() - 450) < 10 && Math.abs(rat.y() - 120) < 10,
                    "the rat is not the still thing at frame " + f);
        }
    }
}
