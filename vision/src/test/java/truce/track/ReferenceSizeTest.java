package truce.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * The demo clip's cat (frames 450-995): walking off the spot where it lay, it was merged for seconds with the
 * ghost it left there, so its reference size grew to about three times its own; afterwards its true-size blob
 * stayed far below that reference for ten seconds without the reference following it, and once the blob lost a
 * little more (a leash across it) it fell under the "speck" limit and the cat was lost for good.
 */
class ReferenceSizeTest {

    private static void blob(Blobs b, double cx, double cy, double area, double contrast) {
        double w = Math.sqrt(area * 3);
        double h = area / w;
        b.add(area, cx, cy, w * w / 12, h * h / 12, 0, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, false,
                contrast, b.count() + 1);
    }

    @Test
    void aReferenceLearntWhileMergedFollowsTheCatsLastingSize() {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(202, List.of()), TrackerSettings.DEFAULT);
        Blobs b = new Blobs();
        double x = 150;
        int frame = 0;
        for (; frame < 800; frame++, x += 0.3) {
            // 200 frames alone (3300 px), then merged with its ghost (growing to 12000 px and staying so for
            // 200 frames), then 300 frames far under that (4000 px: its own size and a little shadow)
            double area = frame < 200 ? 3300 : frame < 300 ? 3300 * Math.pow(12000 / 3300.0, (frame - 200) / 100.0)
                    : frame < 500 ? 12000 : 4000;
            b.clear();
            blob(b, x, 240, area, 180);
            blob(b, 560, 100 + 0.2 * frame, 1000, 200); // the rat, far off
            t.update(b, frame * 1000.0 / 30);
            assertTrue(t.cat().visible(), "cat kept at frame " + frame);
        }
        for (; frame < 860; frame++, x += 0.3) {
            b.clear();
            blob(b, x, 240, 3300, 180); // its own size again (a leash across it takes a strip)
            blob(b, 560, 100 + 0.2 * frame, 1000, 200);
            t.update(b, frame * 1000.0 / 30);
            assertTrue(t.cat().visible(), "the true-size cat is not refused as a speck at frame " + frame);
            assertEquals(x, t.cat().x(), 1);
        }
    }
}
