package truce.samples.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** A still object's shadow is thrown as far whichever way the lamp stands (it once reached 0.6 as far up and left). */
class StillShadowTest {
    private static final Rect BOX = new Rect(80, 90, 40, 20);

    @Test
    void coverShadowReachesItsHeightTimesTheThrowOnEverySide() {
        nu.pattern.OpenCV.loadLocally();
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                Mat shade = Mat.zeros(200, 200, CvType.CV_8UC1);
                // 12 cm of height, 1.5 px a cm along x and 1 along y: 18 px and 12 px past the box
                PlaypenPainter.castShadow(shade, BOX, 0, 12, 1.5 * sx, 1.0 * sy);
                int[] reach = reachPastBox(shade);
                assertEquals(18, sx > 0 ? reach[1] : reach[0], 1, "along x, lamp (" + sx + "," + sy + ")");
                assertEquals(12, sy > 0 ? reach[3] : reach[2], 1, "along y, lamp (" + sx + "," + sy + ")");
                assertEquals(0, sx > 0 ? reach[0] : reach[1], 1, "no shadow on the lamp's side (the box's rim aside)");
                // the area past the box: two strips and the corner between, whatever the quadrant
                int area = Core.countNonZero(shade) - BOX.width * BOX.height;
                assertEquals(18 * 20 + 12 * 40 + 18 * 12 / 2.0, area, 60, "area, lamp (" + sx + "," + sy + ")");
                shade.release();
            }
        }
    }

    @Test
    void raisedPerchThrowsADetachedShadow() {
        nu.pattern.OpenCV.loadLocally();
        Mat shade = Mat.zeros(200, 200, CvType.CV_8UC1);
        PlaypenPainter.castShadow(shade, new Rect(20, 20, 30, 30), 30, 40, 1.0, 1.0);
        assertEquals(0, shade.get(35, 35)[0], 0, "under the perch the floor is lit: its top is 30 cm up");
        assertEquals(255, shade.get(90, 90)[0], 0, "the shadow lies 30-40 cm of throw away");
        shade.release();
    }

    /** How far the shadow reaches past the box: left, right, up, down. */
    private static int[] reachPastBox(Mat shade) {
        int[] r = new int[4];
        for (int y = 0; y < shade.rows(); y++) {
            for (int x = 0; x < shade.cols(); x++) {
                if (shade.get(y, x)[0] == 0) {
                    continue;
                }
                r[0] = Math.max(r[0], BOX.x - x);
                r[1] = Math.max(r[1], x - (BOX.x + BOX.width - 1));
                r[2] = Math.max(r[2], BOX.y - y);
                r[3] = Math.max(r[3], y - (BOX.y + BOX.height - 1));
            }
        }
        return r;
    }
}
