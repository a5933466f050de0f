package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.source.Natives;

/**
 * A cat whose coat is an evenly darker shade of the floor, with the floor's hue (a tabby on brown linoleum, a
 * grey cat on a grey carpet: generated seed 577215 scenes 04 and 03), lies still from the first frame while the
 * rat walks. Every pixel of its coat passes the shadow test, and before the cat has been seen nothing says
 * otherwise: on main it was never in the mask (only its collar was), the background learnt it where it lay, and
 * the cat was lost for the whole minute (scene-04: 1 frame of 1800 within 20 px; the collar became "the rat").
 * A cast shadow has a caster beside it at least as large as itself; this "shadow" has none, so it is a coat.
 * (Scene-04 itself is still lost: there the collar was tracked as the rat, and a coat in a tracked box is left to
 * that animal's rules.)
 */
class CoatLikeAShadowTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final int FRAMES = 150;
    /** The coat's brightness as a share of the floor's, hue unchanged: inside the shadow test's range. */
    private static final double COAT = 0.55;
    private static final double CAT_X = 420;
    private static final double CAT_Y = 200;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private final Mat floor = new Mat(H, W, CvType.CV_8UC3);
    private final Mat body = new Mat(H, W, CvType.CV_8UC1);
    private final Mat coat = new Mat();
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 60);

    CoatLikeAShadowTest() {
        // linoleum: a light brown with a faint mottle
        floor.setTo(new Scalar(90, 120, 140));
        Random r = new Random(7);
        for (int i = 0; i < 2500; i++) {
            int k = r.nextInt(12) - 6;
            Imgproc.circle(floor, new Point(r.nextInt(W), r.nextInt(H)), 1 + r.nextInt(3),
                    new Scalar(90 + k, 120 + k, 140 + k), -1);
        }
        floor.convertTo(coat, -1, COAT);
        body.setTo(new Scalar(0));
        // the cat lies curled, head to the left
        Imgproc.ellipse(body, new Point(CAT_X, CAT_Y), new Size(48, 30), 15, 0, 360, new Scalar(255), -1);
        Imgproc.circle(body, new Point(CAT_X - 50, CAT_Y - 8), 17, new Scalar(255), -1);
    }

    /** Draws frame {@code f}: the floor, the lying cat, the walking rat. */
    private void draw(int f, Mat out) {
        floor.copyTo(out);
        coat.copyTo(out, body);
        double t = f / 30.0;
        Point rat = new Point(80 + 40 * t, 380 - 10 * t);
        Imgproc.ellipse(out, rat, new Size(24, 11), 0, 0, 360, new Scalar(225, 225, 230), -1);
        DrawnScene.camera(out, noise, 2.5, jpeg, quality);
    }

    @Test
    void aCatTheFloorsShadeIsFoundFromTheStart() {
        org.opencv.imgproc.Moments m = Imgproc.moments(body, true);
        double tx = m.m10 / m.m00;
        double ty = m.m01 / m.m00;
        double[] err = new double[FRAMES];
        int found = 0;
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(new FloorMap(200, List.of())))) {
            Mat frame = new Mat();
            DrawnScene.seedWithFloor(p, floor);
            for (int f = 0; f < FRAMES; f++) {
                draw(f, frame);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                err[f] = ff.cat().visible() ? Math.hypot(ff.cat().x() - tx, ff.cat().y() - ty) : 999;
                found += ff.cat().visible() ? 1 : 0;
            }
            frame.release();
        }
        double[] sorted = err.clone();
        Arrays.sort(sorted);
        double median = sorted[FRAMES / 2];
        System.out.printf("coat like a shadow: cat found in %d of %d frames, median error %.1f px%n", found, FRAMES,
                median);
        assertTrue(found >= FRAMES - 10, "cat found in " + found + " of " + FRAMES);
        assertTrue(median <= 4.0, "cat median error " + median + " px");
    }
}
