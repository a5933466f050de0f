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
 * The second case is scene-04's tabby with its harness.
 */
class CoatLikeAShadowTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final int FRAMES = 150;
    /** With a harness, the frames judged: the real rat has walked well clear of the cat by then. */
    private static final int LATE = 100;
    /** The coat's brightness as a share of the floor's, hue unchanged: inside the shadow test's range. */
    private static final double COAT = 0.55;
    /** The tabby's stripes and the coat between them (with the harness), as shares of the carpet's brightness. */
    private static final double TABBY_DARK = 0.40;
    private static final double TABBY_LIGHT = 0.52;
    private static final double CAT_X = 420;
    private static final double CAT_Y = 200;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private final Mat linoleum = new Mat(H, W, CvType.CV_8UC3);
    private final Mat carpet = new Mat(H, W, CvType.CV_8UC3);
    private final Mat body = new Mat(H, W, CvType.CV_8UC1);
    private final Mat coat = new Mat();
    /**
     * A grey tabby on a grey carpet: stripes two working pixels wide, evenly darker than the shadow test allows
     * (foreground, "shade"), between rows of shadow-like coat one pixel wide. Two thirds of the coat is thus in
     * the mask before the opening, and none after it: no 3 x 3 cross fits in a stripe.
     */
    private final Mat tabby = new Mat();
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 60);

    CoatLikeAShadowTest() {
        Random r = new Random(7);
        // linoleum: a light brown with a faint mottle; a grey carpet likewise
        mottled(linoleum, new Scalar(90, 120, 140), r);
        mottled(carpet, new Scalar(110, 110, 110), r);
        linoleum.convertTo(coat, -1, COAT);
        body.setTo(new Scalar(0));
        // the cat lies curled, head to the left
        Imgproc.ellipse(body, new Point(CAT_X, CAT_Y), new Size(48, 30), 15, 0, 360, new Scalar(255), -1);
        Imgproc.circle(body, new Point(CAT_X - 50, CAT_Y - 8), 17, new Scalar(255), -1);
        // the tabby: two rows of working pixels (4 x 4 each) darker than the shadow test allows, one row inside it
        Mat row = new Mat();
        carpet.copyTo(tabby);
        for (int y = 0; y < H; y += 4) {
            carpet.rowRange(y, y + 4).convertTo(row, -1, (y / 4) % 3 == 2 ? TABBY_LIGHT : TABBY_DARK);
            row.copyTo(tabby.rowRange(y, y + 4));
        }
        row.release();
    }

    private static void mottled(Mat floor, Scalar base, Random r) {
        floor.setTo(base);
        for (int i = 0; i < 2500; i++) {
            int k = r.nextInt(12) - 6;
            Imgproc.circle(floor, new Point(r.nextInt(W), r.nextInt(H)), 1 + r.nextInt(3),
                    new Scalar(base.val[0] + k, base.val[1] + k, base.val[2] + k), -1);
        }
    }

    /**
     * Draws frame {@code f}: the floor, the lying cat (a grey tabby on a grey carpet with a red harness round its
     * chest when {@code harness}), the rat, sitting still until frame {@code ratFrom}, then walking (rat-sized
     * beside the harness, which is then a rat's size too).
     */
    private void draw(int f, Mat out, boolean harness, int ratFrom) {
        (harness ? carpet : linoleum).copyTo(out);
        (harness ? tabby : coat).copyTo(out, body);
        if (harness) {
            // a strap round the chest, a rat's size
            Imgproc.line(out, new Point(CAT_X - 4, CAT_Y - 34), new Point(CAT_X - 14, CAT_Y + 30),
                    new Scalar(40, 40, 200), 9);
        }
        double t = Math.max(0, f - ratFrom) / 30.0;
        Point rat = new Point(80 + 40 * t, 380 - 10 * t);
        Imgproc.ellipse(out, rat, harness ? new Size(34, 15) : new Size(24, 11), 0, 0, 360, new Scalar(225, 225, 230),
                -1);
        DrawnScene.camera(out, noise, 2.5, jpeg, quality);
    }

    @Test
    void aCatTheFloorsShadeIsFoundFromTheStart() {
        watch(false, 0);
    }

    /**
     * A tabby wearing a red harness (generated seed 577215 scene-04). Two thirds of its coat are stripes too dark
     * for the shadow test but evenly darker: in the mask before the opening, gone after it. On main the caster
     * check counted them as "already in the mask", so the coat "needed no rescue"; the harness alone was in the
     * mask, rat-sized, and was taken for the rat at the first sighting (150 of 150 frames), the cat never found.
     * Judged on the cleaned mask, the coat is a region with no caster but the harness: the cat is found round it
     * from the second frame. Under most noise draws the rat's track still sits on the harness, inside the cat's
     * blob, until the real rat has walked about 1.5 s (frame ~92), which pulls the cat's centre 12-20 px off
     * meanwhile (a lost rat is only given to a blob near where it vanished): from frame 100 on, the rat must
     * have left the harness and the cat be within 6 px (4.2-4.8 px over seven noise draws, 2.9 in one).
     */
    @Test
    void aHarnessInsideTheCoatIsTheCatNotTheRat() {
        int[] ratOnHarness = new int[1];
        watch(true, 45, ratOnHarness);
        assertTrue(ratOnHarness[0] == 0, "the rat was on the harness in " + ratOnHarness[0] + " frames from 100 on");
    }

    private void watch(boolean harness, int ratFrom) {
        watch(harness, ratFrom, new int[1]);
    }

    private void watch(boolean harness, int ratFrom, int[] ratOnHarness) {
        org.opencv.imgproc.Moments m = Imgproc.moments(body, true);
        double tx = m.m10 / m.m00;
        double ty = m.m01 / m.m00;
        double[] err = new double[FRAMES];
        int found = 0;
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(new FloorMap(200, List.of())))) {
            Mat frame = new Mat();
            DrawnScene.seedWithFloor(p, harness ? carpet : linoleum);
            for (int f = 0; f < FRAMES; f++) {
                draw(f, frame, harness, ratFrom);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                if (f >= LATE && ff.rat().visible() && Math.hypot(ff.rat().x() - tx, ff.rat().y() - ty) < 60) {
                    ratOnHarness[0]++;
                }
                err[f] = ff.cat().visible() ? Math.hypot(ff.cat().x() - tx, ff.cat().y() - ty) : 999;
                found += ff.cat().visible() ? 1 : 0;
            }
            frame.release();
        }
        // with a harness, the cat's error once the rat has left it (see aHarnessInsideTheCoatIsTheCatNotTheRat)
        double[] sorted = Arrays.copyOfRange(err, harness ? LATE : 0, FRAMES);
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf("coat like a shadow%s: cat found in %d of %d frames, median error %.1f px, rat on the cat "
                + "in %d%n", harness ? " with a harness" : "", found, FRAMES, median, ratOnHarness[0]);
        assertTrue(found >= FRAMES - 10, "cat found in " + found + " of " + FRAMES);
        assertTrue(median <= (harness ? 6.0 : 4.0), "cat median error " + median + " px");
    }
}
