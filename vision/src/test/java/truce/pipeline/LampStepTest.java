package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.source.Natives;

/**
 * A tinted lamp comes on while the cat lies still (as in held-out seed 424242 scene-06, whose two lamp steps
 * come while animals are tracked): the room starts in a warm light and a brighter, cooler lamp comes on after
 * two seconds, where a white perch and a yellow shelter clip. The background relearns the floor after the step
 * but never learns under a tracked animal, so on main the spot where the cat lay kept the old tint: when the
 * cat walked off, that spot stayed a cat-shaped blob, the cat track stayed on it, and the rat was lost.
 */
class LampStepTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final int FRAMES = 240;
    private static final int LAMP_ON = 60;
    private static final Scalar DIM_WARM = new Scalar(0.84, 0.92, 1.0);
    private static final Scalar BRIGHT_COOL = new Scalar(1.12, 1.04, 0.96);

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private final Mat base = new Mat(H, W, CvType.CV_8UC3);
    private final Mat[] noise = new Mat[4];

    LampStepTest() {
        base.setTo(new Scalar(110, 135, 150));
        for (int y = 0; y < H; y += 48) {
            Imgproc.line(base, new Point(0, y), new Point(W, y), new Scalar(98, 122, 138), 2);
        }
        // a yellow shelter, a white perch with a dark rim, a blue bowl with a white rim
        Imgproc.rectangle(base, new Point(80, 60), new Point(180, 130), new Scalar(25, 215, 250), -1);
        Imgproc.rectangle(base, new Point(100, 85), new Point(160, 105), new Scalar(20, 20, 30), -1);
        Imgproc.rectangle(base, new Point(400, 300), new Point(510, 410), new Scalar(240, 245, 245), -1);
        Imgproc.rectangle(base, new Point(400, 300), new Point(510, 410), new Scalar(60, 60, 70), 3);
        Imgproc.circle(base, new Point(300, 100), 26, new Scalar(235, 240, 240), -1);
        Imgproc.circle(base, new Point(300, 100), 20, new Scalar(200, 140, 60), -1);
        Random r = new Random(11);
        byte[] buf = new byte[W * H * 3];
        for (int k = 0; k < noise.length; k++) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = (byte) Math.max(0, Math.min(8, Math.round(4 + 2 * r.nextGaussian())));
            }
            noise[k] = new Mat(H, W, CvType.CV_8UC3);
            noise[k].put(0, 0, buf);
        }
    }

    /** The cat lies still for the first two seconds, then walks; the rat trots round all the time. */
    static double[] truth(int f) {
        double t = f / 30.0;
        double catX = t < 2 ? 250 : 250 + 40 * (t - 2);
        double catY = t < 2 ? 250 : 250 - 12 * (t - 2);
        double ratX = 560 - 30 * t;
        double ratY = 150 + 30 * Math.sin(t);
        return new double[] {catX, catY, ratX, ratY};
    }

    private void draw(int f, Mat out) {
        draw(f, out, true);
    }

    private void draw(int f, Mat out, boolean animals) {
        double[] p = truth(f);
        base.copyTo(out);
        if (!animals) {
            Core.multiply(out, DIM_WARM, out);
            Core.add(out, noise[0], out);
            Core.subtract(out, new Scalar(4, 4, 4), out);
            return;
        }
        Imgproc.ellipse(out, new Point(p[0], p[1]), new Size(70, 28), -15, 0, 360, new Scalar(40, 70, 120), -1);
        Imgproc.ellipse(out, new Point(p[2], p[3]), new Size(32, 11), 0, 0, 360, new Scalar(45, 50, 60), -1);
        Core.multiply(out, f < LAMP_ON ? DIM_WARM : BRIGHT_COOL, out); // saturates: the bright lamp clips
        Core.add(out, noise[f % noise.length], out);
        Core.subtract(out, new Scalar(4, 4, 4), out);
    }

    @Test
    void aLampStepWhileTheCatLiesStillLeavesNoCatBehind() {
        FloorMap zones = new FloorMap(200, List.of());
        int catGood = 0;
        int ratGood = 0;
        List<String> misses = new ArrayList<>();
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(zones))) {
            Mat frame = new Mat();
            // seeded with the empty room in the first light
            List<Mat> seed = new ArrayList<>();
            Mat empty = new Mat();
            draw(0, empty, false);
            seed.add(empty);
            p.seed(seed);
            SeedFrames.release(seed);
            for (int f = 0; f < FRAMES; f++) {
                draw(f, frame);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                double[] t = truth(f);
                boolean cat = ff.cat().visible() && Math.hypot(ff.cat().x() - t[0], ff.cat().y() - t[1]) <= 20;
                boolean rat = ff.rat().visible() && Math.hypot(ff.rat().x() - t[2], ff.rat().y() - t[3]) <= 20;
                catGood += cat ? 1 : 0;
                ratGood += rat ? 1 : 0;
                if ((!cat || !rat) && misses.size() < 8) {
                    misses.add(String.format("frame %d: cat %s (%.0f,%.0f) rat %s (%.0f,%.0f)", f,
                            ff.cat().visible(), ff.cat().x(), ff.cat().y(), ff.rat().visible(), ff.rat().x(),
                            ff.rat().y()));
                }
            }
            frame.release();
        }
        assertTrue(catGood >= 0.9 * FRAMES, "cat within 20 px in " + catGood + " of " + FRAMES + ": " + misses);
        assertTrue(ratGood >= 0.85 * FRAMES, "rat within 20 px in " + ratGood + " of " + FRAMES + ": " + misses);
    }
}
