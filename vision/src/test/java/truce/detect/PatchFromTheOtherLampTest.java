package truce.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import truce.source.Natives;

/**
 * Seed 577215 scene-01: pale tiles, and a lamp switched on for a third of the clip that makes the picture 30 %
 * brighter, so the tiles and their grout are cut off at white. The seed's median is the dim floor. In a sample
 * under the bright lamp a patch of tiles is flat white: it differs from the median, and its grout lines, which the
 * median shows, are gone, which is just what a ghost looks like (an outline in the background, none in the
 * sample). The seed's ghost healing copied it into the background, and the patch stood out from the dim floor as a
 * blob for the whole minute; the rat track sat on such a patch beside a bowl and the real rat went unfollowed.
 * In a sample taken in another light than the median's, a pixel cut off at white (in the sample or the median)
 * says nothing about ghosts: it belongs to no region to heal and is no edge of one.
 */
class PatchFromTheOtherLampTest {
    private static final int W = 160;
    private static final int H = 120;
    private static final double BRIGHT = 1.3;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    /** Grey level of the floor at a pixel under the dim lamp. */
    private static int floor(int x, int y) {
        if (x >= 110 && x < 150 && y >= 20 && y < 100) {
            return 100; // a dark mat: the camera does not cut it off, so the lamp's gain can be read there
        }
        if (x >= 40 && x < 100 && y >= 30 && y < 80) {
            return x % 10 == 0 || y % 10 == 0 ? 205 : 232; // pale tiles with grout
        }
        return 242; // a paler floor around them
    }

    private static Mat frame(Random r, double light) {
        return NoisyFrame.draw(W, H, r, (x, y, c) -> floor(x, y) * light);
    }

    @Test
    void theDimFloorShowsNoPatchOfTheBrightLamp() {
        Random r = new Random(577215);
        List<Mat> samples = new ArrayList<>();
        for (int f = 0; f < 41; f++) {
            samples.add(frame(r, f >= 27 ? BRIGHT : 1)); // the lamp came on two thirds of the way in
        }
        try (MotionMask m = new MotionMask(W, H, DetectorSettings.DEFAULT.withWorkWidth(W))) {
            m.seed(samples);
            for (int f = 0; f < 3; f++) {
                Mat fr = frame(r, 1);
                m.apply(fr, new double[0], 0);
                fr.release();
            }
            int on = 0;
            for (int i = 0; i < W * H; i++) {
                on += m.mask[i] != 0 ? 1 : 0;
            }
            assertTrue(on < 30, "pixels of the empty dim floor in the mask: " + on + " (the tiles have 3000)");
        } finally {
            samples.forEach(Mat::release);
        }
    }
}
