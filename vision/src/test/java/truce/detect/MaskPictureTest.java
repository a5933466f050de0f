package truce.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import truce.source.Natives;

/**
 * The detector's picture of a frame ({@link AnimalDetector#drawMask}, which {@code truce inspect} writes): at the
 * source's size, white where it saw an animal, grey where it kept foreground that is evenly darker than the floor
 * (a dark coat where the cat is tracked), and no brighter than dim anywhere else, a shadow included. A grey floor;
 * a rust-coloured animal and an evenly darker patch come in, 40 x 20 source pixels each.
 */
class MaskPictureTest {
    private static final int W = 320;
    private static final int H = 240;
    /** The tracked cat's box round the darker patch (source pixels), or none. */
    private static final double[] CAT_BOX = {195, 55, 245, 85};

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private static boolean inRust(int x, int y) {
        return x >= 60 && x < 100 && y >= 100 && y < 120;
    }

    private static boolean inDark(int x, int y) {
        return x >= 200 && x < 240 && y >= 60 && y < 80;
    }

    private static Mat frame(Random r, boolean animals) {
        return NoisyFrame.draw(W, H, r, (x, y, c) -> {
            if (animals && inRust(x, y)) {
                return c == 2 ? 200 : c == 1 ? 90 : 40;   // BGR: a rust coat
            }
            if (animals && inDark(x, y)) {
                return 95;                                  // evenly darker than the floor in every channel
            }
            return 150;
        });
    }

    /** Counts of the picture's pixels: rust ones white, dark ones grey, dark ones dim, floor ones over dim. */
    private static int[] picture(boolean catTracked) {
        Random r = new Random(22);
        List<Mat> samples = new ArrayList<>();
        for (int f = 0; f < 21; f++) {
            samples.add(frame(r, false));
        }
        BackgroundDifferenceDetector d = new BackgroundDifferenceDetector(W, H, DetectorSettings.DEFAULT);
        Mat fr = frame(r, true);
        Mat picture = new Mat();
        try {
            d.seed(samples);
            Blobs blobs = new Blobs();
            if (catTracked) {
                d.detect(fr, CAT_BOX, 1, 0, blobs);
            } else {
                d.detect(fr, new double[0], 0, blobs);
            }
            assertTrue(d.drawMask(picture), "this detector draws its mask");
            assertEquals(W, picture.cols());
            assertEquals(H, picture.rows());
            byte[] px = new byte[W * H];
            picture.get(0, 0, px);
            int[] n = new int[4];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int v = px[y * W + x] & 0xff;
                    if (inRust(x, y)) {
                        n[0] += v == 255 ? 1 : 0;
                    } else if (inDark(x, y)) {
                        n[1] += v == 128 ? 1 : 0;
                        n[2] += v <= 100 ? 1 : 0;
                    } else if (x < 50 || x > 250 || y < 50 || y > 130) {
                        n[3] += v > 100 ? 1 : 0;   // well away from both patches' edges
                    }
                }
            }
            return n;
        } finally {
            samples.forEach(Mat::release);
            fr.release();
            picture.release();
            d.close();
        }
    }

    @Test
    void anAnimalIsWhiteADarkCoatWhereTheCatIsTrackedGreyAndTheFloorDim() {
        int[] n = picture(true);
        assertTrue(n[0] > 0.7 * 800, "rust animal's pixels drawn white: " + n[0] + " of 800");
        assertTrue(n[1] > 0.7 * 800, "dark coat's pixels drawn grey: " + n[1] + " of 800");
        assertEquals(0, n[3], "floor pixels drawn brighter than dim");
    }

    @Test
    void theSameDarkPatchWithNoCatThereIsAShadowDrawnDim() {
        int[] n = picture(false);
        assertTrue(n[0] > 0.7 * 800, "rust animal's pixels drawn white: " + n[0] + " of 800");
        assertTrue(n[2] > 0.9 * 800, "shadow's pixels drawn dim: " + n[2] + " of 800");
        assertEquals(0, n[3], "floor pixels drawn brighter than dim");
    }
}
