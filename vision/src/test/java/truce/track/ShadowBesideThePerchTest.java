package truce.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A grey cat lying on a raised perch (seed 5150 scene-05, 0-380): its cast shadow falls on the floor a body's
 * breadth to its side, a blob of its own that is mostly evenly darker than the floor, beside the cat's own blob,
 * which is hardly so. Folded into the cat as a fragment, the shadow pulled the cat's centroid 40 px towards it and
 * its size, and the size the cat is known by, to about twice its own.
 */
class ShadowBesideThePerchTest {

    @Test
    void aCastShadowApartFromTheCatIsNoPieceOfIt() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(136, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int frame = 0; frame < 300; frame++) {
            b.clear();
            ReplayedBlobs.centred(b, 420, 150, 140, 50, 200);                      // the cat on its perch
            ReplayedBlobs.shaded(b, 500, 185, 90, 40, 120, 0.67);                  // its shadow below, to one side
            ReplayedBlobs.centred(b, 100, 120 + 0.1 * frame, 60, 25, 300);          // the rat, far off
            t.update(b, frame * 1000.0 / 30);
            assertTrue(t.cat().visible(), "cat at frame " + frame);
            assertEquals(420, t.cat().x(), 2, "the cat's centroid, not pulled to its shadow, at frame " + frame);
            assertEquals(150, t.cat().y(), 2, "the cat's centroid at frame " + frame);
        }
        assertEquals(140 * 50, t.cat().area(), 0.1 * 140 * 50, "the cat's size, without its shadow's");
    }

    @Test
    void aShadedPieceOfAShadedCoatIsStillGathered() {
        // a grey coat on a light floor is itself evenly darker: its pieces are the cat's, shade or not
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(136, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        for (int frame = 0; frame < 60; frame++) {
            b.clear();
            ReplayedBlobs.shaded(b, 400, 240, 110, 55, 200, 0.6);                  // the body
            ReplayedBlobs.shaded(b, 480, 240, 40, 45, 150, 0.7);                   // its rump, a piece apart
            ReplayedBlobs.centred(b, 100, 120, 60, 25, 300);
            t.update(b, frame * 1000.0 / 30);
        }
        double whole = (110 * 55 * 400 + 40 * 45 * 480) / (110 * 55 + 40 * 45.0);
        assertEquals(whole, t.cat().x(), 2, "the cat's centroid over both pieces");
    }
}
