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
 * A rat goes into a shelter, seen shrinking to a third of itself as it creeps in, and comes out of the far side
 * two seconds later, crouched (as in seed 9001 8x60 scene-00, where the rat fled a lunge into cover and came out
 * elsewhere). Main judged how far it had gone by the last part of it seen (24 px of a 60 px rat), so the rat
 * coming out was "six lengths" away: its distance cost hit its cap, the return cost more than staying lost, and
 * it stayed lost. A rat coming back at the cover it went into is judged in its whole body's lengths.
 */
class RatOutOfCoverTest {

    @Test
    void aRatComingOutOfTheFarSideOfItsShelterIsTheRat() {
        Zone shelter = new Zone(ZoneKind.COVER, "shelter", new double[][] {{250, 260}, {370, 260}, {370, 340},
                {250, 340}});
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of(shelter)),
                TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        int found = 0;
        int out = 0;
        for (int f = 0; f < 200; f++) {
            b.clear();
            centred(b, 500, 100, 140, 70, 210);                     // the cat, lying still far off
            double rx = 100 + 2 * Math.min(f, 75);
            if (f < 60) {
                centred(b, rx, 300, 60, 20, 200);                   // the rat walks up to the shelter
            } else if (f < 76) {
                double w = 60 - 36.0 * (f - 60) / 15;               // and creeps in under its left side
                centred(b, 250 - w / 2, 300, w, 20, 200);
            } else if (f >= 150) {
                double x = 391 + 2 * (f - 150);                     // out of its right side, crouched, creeping on
                centred(b, x, 300, 42, 17, 200);
                out++;
                found += t.rat().visible() && Math.abs(t.rat().x() - x) < 5 ? 1 : 0;
            }
            t.update(b, f * 1000.0 / 30);
        }
        assertTrue(found >= out - 10, "the rat out of cover followed in " + found + " of " + out + " frames");
    }
}
