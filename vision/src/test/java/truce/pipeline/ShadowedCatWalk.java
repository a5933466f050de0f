package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * The shadow tests' scene: a cat walks a gentle curve over a drawn floor with its cast shadow offset beside it,
 * through the whole pipeline (seeded with the bare floor, camera noise and JPEG), and its reported centroid is
 * scored against its silhouette's. Each test draws its own floor and paints its own shadow and coat.
 */
final class ShadowedCatWalk {
    static final int W = 640;
    static final int H = 480;
    private static final int FRAMES = 150;

    /** Darkens {@code frame} under {@code shadow} and paints the coat under {@code body} (both 0/255 masks). */
    interface Paint {
        void apply(Mat frame, Mat body, Mat shadow);
    }

    private final Mat floor;
    private final double shadowDx;
    private final double shadowDy;
    private final Paint paint;
    private final Mat shadow = new Mat(H, W, CvType.CV_8UC1);
    private final Mat body = new Mat(H, W, CvType.CV_8UC1);
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 70);

    ShadowedCatWalk(Mat floor, double shadowDx, double shadowDy, Paint paint) {
        this.floor = floor;
        this.shadowDx = shadowDx;
        this.shadowDy = shadowDy;
        this.paint = paint;
    }

    /** The cat's centre and heading at frame {@code f}: a slow walk to the right along a gentle curve. */
    private static double[] truth(int f) {
        double t = f / 30.0;
        return new double[] {180 + 50 * t, 260 + 25 * Math.sin(0.6 * t), 0.3 * Math.cos(0.6 * t)};
    }

    /** Draws frame {@code f}; returns the centroid of the cat's silhouette (its truth). */
    private double[] draw(int f, Mat out) {
        double[] p = truth(f);
        floor.copyTo(out);
        body.setTo(new Scalar(0));
        silhouette(body, p[0], p[1], p[2]);
        shadow.setTo(new Scalar(0));
        silhouette(shadow, p[0] + shadowDx, p[1] + shadowDy, p[2]);
        paint.apply(out, body, shadow);
        DrawnScene.camera(out, noise, 3, jpeg, quality);
        org.opencv.imgproc.Moments m = Imgproc.moments(body, true);
        return new double[] {m.m10 / m.m00, m.m01 / m.m00};
    }

    private static void silhouette(Mat m, double x, double y, double angle) {
        Imgproc.ellipse(m, new Point(x, y), new Size(55, 20), Math.toDegrees(angle), 0, 360, new Scalar(255), -1);
        Imgproc.circle(m, new Point(x + 55 * Math.cos(angle), y + 55 * Math.sin(angle)), 15, new Scalar(255), -1);
    }

    /** Runs the walk and asserts the cat is found in nearly every frame, with a median error of at most 3 px. */
    void assertCatPlacedOnItsBody() {
        assertCatPlacedOnItsBody(new FloorMap(200, List.of()), 3.0);
    }

    /**
     * Runs the walk with these zones and asserts the cat is found in nearly every frame, with a median error of at
     * most {@code maxMedian} px; returns the median.
     */
    double assertCatPlacedOnItsBody(FloorMap zones, double maxMedian) {
        double[] err = new double[FRAMES];
        int found = 0;
        List<String> worst = new ArrayList<>();
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(zones))) {
            Mat frame = new Mat();
            DrawnScene.seedWithFloor(p, floor);
            for (int f = 0; f < FRAMES; f++) {
                double[] t = draw(f, frame);
                FrameFeatures ff = p.process(frame, f, f * 1000.0 / 30);
                err[f] = ff.cat().visible() ? Math.hypot(ff.cat().x() - t[0], ff.cat().y() - t[1]) : 999;
                found += ff.cat().visible() ? 1 : 0;
                if (err[f] > 4 && worst.size() < 6) {
                    worst.add(String.format("frame %d: truth (%.1f,%.1f) seen (%.1f,%.1f)", f, t[0], t[1],
                            ff.cat().x(), ff.cat().y()));
                }
            }
            frame.release();
        }
        double[] sorted = err.clone();
        Arrays.sort(sorted);
        double median = sorted[FRAMES / 2];
        assertTrue(found >= FRAMES - 5, "cat found in " + found + " of " + FRAMES);
        assertTrue(median <= maxMedian, "cat median error " + median + " px: " + worst);
        return median;
    }
}
