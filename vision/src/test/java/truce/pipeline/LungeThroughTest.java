package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * A cat lunges through a rat that flees the other way, past it (seed 5150 scene-00 at 518-548): for a few
 * frames the two are one blob. Split around the two tracks, the rat's part rode on the cat's front (the rat's
 * seed is where the cat's head arrives) and the rat was reported ahead of the cat, 100 px from the real rat
 * fleeing behind it, until the contact ended with the identities crossed. The rat run over by a rushing cat goes on
 * as it was going, at the speed it had before the contact (a speed learnt from its part's jumps took it 30 px
 * ahead of the real rat, or left it behind), and is found where it comes out.
 */
class LungeThroughTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final int FRAMES = 90;
    private static final double CAT_Y = 220;

    /** The rat's flight: where it starts below the cat's line, and its step along x and y in px a frame. */
    private record Flight(double ratY, double stepX, double stepY, double catStep) {
        /** The cat's centre: a slow stalk, a rush for 20 frames, then standing where it stopped. */
        double catX(int f) {
            return f < 35 ? 130 + f : 165 + catStep * (Math.min(f, 55) - 35);
        }

        /** The rat's centre: sitting, then fleeing for 40 frames towards and past the rushing cat, then sitting. */
        double ratX(int f) {
            return 420 - stepX * Math.max(0, Math.min(f, 70) - 30);
        }

        double ratY(int f) {
            return ratY + stepY * Math.max(0, Math.min(f, 70) - 30);
        }
    }

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private final Mat floor = new Mat(H, W, CvType.CV_8UC3);
    private final Mat body = new Mat(H, W, CvType.CV_8UC1);
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 70);

    LungeThroughTest() {
        Random r = new Random(5);
        floor.setTo(new Scalar(150, 165, 175));
        for (int i = 0; i < 25; i++) {
            Imgproc.circle(floor, new Point(r.nextInt(W), r.nextInt(H)), 4 + r.nextInt(10),
                    new Scalar(140 + r.nextInt(20), 155 + r.nextInt(20), 165 + r.nextInt(20)), -1);
        }
    }

    /** Draws frame {@code f}: the rat, and the cat over it. */
    private void draw(Flight fl, int f, Mat out) {
        floor.copyTo(out);
        Imgproc.ellipse(out, new Point(fl.ratX(f), fl.ratY(f)), new Size(26, 10), 0, 0, 360,
                new Scalar(215, 215, 225), -1, Imgproc.LINE_AA);
        body.setTo(new Scalar(0));
        double x = fl.catX(f);
        Imgproc.ellipse(body, new Point(x, CAT_Y), new Size(58, 21), 0, 0, 360, new Scalar(255), -1);
        Imgproc.circle(body, new Point(x + 58, CAT_Y), 16, new Scalar(255), -1);
        out.setTo(new Scalar(60, 110, 190), body);
        DrawnScene.camera(out, noise, 3, jpeg, quality);
    }

    @Test
    void theRatRunOverGoesOnItsWay() {
        // straight back along the cat's flank
        runOver(new Flight(246, 8, 0, 14));
    }

    @Test
    void theRatRunOverAtAnAngleGoesOnItsWay() {
        // closer to the cat's line and veering off it, faster (seed 5150 scene-00's rat went 8-9 px left, 3 down)
        runOver(new Flight(240, 9, 0.5, 13));
    }

    private void runOver(Flight fl) {
        int ratFrames = 0;
        int ratNear = 0;
        List<String> misses = new ArrayList<>();
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(new FloorMap(200, List.of())))) {
            Mat frame = new Mat();
            DrawnScene.seedWithFloor(p, floor);
            for (int f = 0; f < FRAMES; f++) {
                draw(fl, f, frame);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                if (f < 38) {
                    continue; // apart: both learnt
                }
                double re = ff.rat().visible()
                        ? Math.hypot(ff.rat().x() - fl.ratX(f), ff.rat().y() - fl.ratY(f)) : 999;
                ratFrames++;
                if (re <= 20) {
                    ratNear++;
                } else if (misses.size() < 8) {
                    misses.add(String.format("frame %d: rat truth (%.0f,%.0f) seen %s (%.0f,%.0f); cat truth %.0f seen (%.0f,%.0f)",
                            f, fl.ratX(f), fl.ratY(f), ff.rat().visible(), ff.rat().x(), ff.rat().y(), fl.catX(f),
                            ff.cat().x(), ff.cat().y()));
                }
            }
            frame.release();
        }
        // through the crossing and after it, the rat is where it is: a swap, a rat left on the cat's head, or one
        // run ahead of itself or left behind by a speed learnt in the contact misses it for several frames
        assertTrue(ratNear >= ratFrames - 2, "rat within 20 px in " + ratNear + " of " + ratFrames + ": " + misses);
    }
}
