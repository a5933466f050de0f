package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import truce.floor.FloorMap;
import truce.source.Natives;
import truce.zones.Zone;
import truce.zones.ZoneKind;

/** The lamp's throw read from the shadows the covers cast on a drawn floor. */
class LampDirectionTest {
    private static final Rect SHELTER = new Rect(200, 150, 80, 70);

    @BeforeAll
    static void load() {
        Natives.load();
    }

    /** A speckled floor with the shelter on it, its shadow (0.7 of the floor's light) offset by (dx, dy). */
    private static Mat floor(int dx, int dy) {
        Mat floor = new Mat(480, 640, CvType.CV_8UC3, new Scalar(170, 180, 190));
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            int k = r.nextInt(12) - 6;
            Imgproc.circle(floor, new Point(r.nextInt(640), r.nextInt(480)), 1, new Scalar(170 + k, 180 + k, 190 + k), -1);
        }
        if (dx != 0 || dy != 0) {
            Mat cast = Mat.zeros(480, 640, CvType.CV_8UC1);
            Mat dim = new Mat();
            Imgproc.rectangle(cast, new Rect(SHELTER.x + dx, SHELTER.y + dy, SHELTER.width, SHELTER.height),
                    new Scalar(255), -1);
            floor.convertTo(dim, -1, 0.7);
            dim.copyTo(floor, cast);
            cast.release();
            dim.release();
        }
        Imgproc.rectangle(floor, SHELTER, new Scalar(60, 140, 200), -1);
        return floor;
    }

    private static FloorMap zones(ZoneKind kind) {
        double[][] corners = {{SHELTER.x, SHELTER.y}, {SHELTER.x + SHELTER.width, SHELTER.y},
                {SHELTER.x + SHELTER.width, SHELTER.y + SHELTER.height}, {SHELTER.x, SHELTER.y + SHELTER.height}};
        return new FloorMap(200, List.of(new Zone(kind, "shelter", corners)));
    }

    @Test
    void aSheltersShadowGivesTheLampsThrow() {
        int[][] offsets = {{10, 12}, {-14, 5}, {3, -16}, {-9, -9}};
        for (int[] o : offsets) {
            Mat floor = floor(o[0], o[1]);
            LampDirection.Lamp lamp = LampDirection.of(List.of(floor), zones(ZoneKind.COVER));
            floor.release();
            assertNotNull(lamp, "offset " + o[0] + "," + o[1]);
            double off = Math.toDegrees(Math.abs(Math.atan2(lamp.ux() * o[1] - lamp.uy() * o[0],
                    lamp.ux() * o[0] + lamp.uy() * o[1])));
            assertTrue(off < 10, "offset " + o[0] + "," + o[1] + ": direction " + off + " degrees off");
            assertEquals(1, Math.hypot(lamp.ux(), lamp.uy()), 1e-9);
            // past the box's edge along the throw the shadow reaches about as far as its offset
            double length = Math.hypot(o[0], o[1]);
            assertTrue(lamp.reachPx() > 0.5 * length && lamp.reachPx() < 1.6 * length,
                    "offset " + o[0] + "," + o[1] + ": reach " + lamp.reachPx() + " px");
        }
    }

    @Test
    void withoutACoverOrItsShadowThereIsNoLamp() {
        Mat shaded = floor(10, 12);
        Mat bare = floor(0, 0);
        assertNull(LampDirection.of(List.of(shaded), zones(ZoneKind.PERCH)), "no cover in the zones");
        assertNull(LampDirection.of(List.of(shaded), FloorMap.NONE), "no zones");
        assertNull(LampDirection.of(List.of(bare), zones(ZoneKind.COVER)), "a cover that casts no shadow");
        shaded.release();
        bare.release();
    }
}
