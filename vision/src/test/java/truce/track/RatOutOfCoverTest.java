package truce.track;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.centred;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A rat goes into cover, seen shrinking to a third of itself before it vanishes, and creeps out two seconds later
 * a few of its own lengths away, crouched (as in seed 9001 8x60 scene-00 at frames 550-800, where the rat fled a
 * lunge into cover and came out on the far side). Main judged how far it could have gone by the last part of it
 * seen (24 px of a 60 px rat), so the rat coming out was "six lengths" away: its distance cost hit its cap and
 * the return cost more than staying lost, and it stayed lost for good. A lost animal's reach is judged by its
 * whole body's length, learnt from whole views of it.
 */
class RatOutOfCoverTest {

    @Test
    void aRatComingOutOfCoverAFewLengthsAwayIsTheRat() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        int found = 0;
        int out = 0;
        for (int f = 0; f < 200; f++) {
            b.clear();
            centred(b, 500, 100, 140, 70, 210);                     // the cat, lying still far off
            double rx = 100 + 2 * Math.min(f, 75);
            if (f < 60) {
                centred(b, rx, 300, 60, 20, 200);                   // the rat walks
            } else if (f < 76) {
                double w = 60 - 36.0 * (f - 60) / 15;               // and goes in, its front end first
                centred(b, rx + (60 - w) / 2, 300, w, 20, 200);
            } else if (f >= 150) {
                double x = rx + 150 + 2 * (f - 150);                // out again 150 px on, crouched, creeping on
                centred(b, x, 300, 42, 17, 200);
                out++;
                found += t.rat().visible() && Math.abs(t.rat().x() - x) < 5 ? 1 : 0;
            }
            t.update(b, f * 1000.0 / 30);
        }
        assertTrue(found >= out - 10, "the rat out of cover followed in " + found + " of " + out + " frames");
    }
}
