package truce.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * A playpen drawn frame by frame for tests, with exact truth and the troubles of real footage: a textured
 * floor with furniture, sensor noise and JPEG artefacts, soft shadows, a cat and a rat that touch, the rat
 * going under a shelter's roof and coming out, a rolling ball and a sudden light step.
 */
final class DrawnScene implements AutoCloseable {
    static final int W = 640;
    static final int H = 480;
    static final double FPS = 30;
    static final int FRAMES = 360;
    /** The shelter's roof: the rat is out of sight under it. */
    static final double[] SHELTER = {520, 330, 620, 450};

    private final Mat floor = new Mat(H, W, CvType.CV_8UC3);
    private final Mat noise = new Mat(H, W, CvType.CV_8UC3);
    private final MatOfByte jpeg = new MatOfByte();
    private final MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 70);
    private final Random random = new Random(7);

    double catX;
    double catY;
    double catAngle;
    double ratX;
    double ratY;
    double ratAngle;
    boolean ratVisible;
    /** Centroid of the cat's whole silhouette (body and head): the truth for its position. */
    double catCx;
    double catCy;
    private final Mat silhouette = new Mat(H, W, CvType.CV_8UC1);

    DrawnScene() {
        startNoise();
        floor.setTo(new Scalar(150, 165, 175));
        // floor texture: boards and stains, static furniture (a bowl, a mat)
        for (int y = 0; y < H; y += 40) {
            Imgproc.line(floor, new Point(0, y), new Point(W, y), new Scalar(135, 150, 160), 2);
        }
        for (int i = 0; i < 25; i++) {
            Imgproc.circle(floor, new Point(random.nextInt(W), random.nextInt(H)), 4 + random.nextInt(10),
                    new Scalar(140 + random.nextInt(20), 155 + random.nextInt(20), 165 + random.nextInt(20)), -1);
        }
        Imgproc.circle(floor, new Point(80, 420), 30, new Scalar(200, 90, 60), -1);
        Imgproc.rectangle(floor, new Point(20, 20), new Point(140, 90), new Scalar(90, 120, 150), -1);
        Imgproc.rectangle(floor, new Point(SHELTER[0], SHELTER[1]), new Point(SHELTER[2], SHELTER[3]),
                new Scalar(40, 70, 110), -1);
    }

    /** Places the animals for frame {@code f} (truth in the public fields). */
    void pose(int f) {
        double t = f / FPS;
        // cat: walks right, meets the rat at ~4-5 s, then wanders back left
        if (t < 4) {
            catX = 150 + 40 * t;
            catY = 240;
            catAngle = 0;
        } else if (t < 6) {
            catX = 310;
            catY = 240;
            catAngle = 0;
        } else {
            catX = 310 - 25 * (t - 6);
            catY = 240 + 10 * Math.sin(t);
            catAngle = Math.PI;
        }
        // rat: comes down to the cat, touches it, then runs to the shelter, hides, and comes out again
        if (t < 4) {
            ratX = 420 - 10 * t;
            ratY = 120 + 25 * t;
            ratAngle = Math.atan2(25, -10);
        } else if (t < 6) {
            ratX = 383;
            ratY = 232;
            ratAngle = Math.PI;
        } else if (t < 7.5) {
            double u = (t - 6) / 1.5;
            ratX = 383 + u * (570 - 383);
            ratY = 232 + u * (390 - 232);
            ratAngle = Math.atan2(390 - 232, 570 - 383);
        } else if (t < 9.5) {
            ratX = 570;
            ratY = 390;
        } else {
            double u = (t - 9.5) / 2.5;
            ratX = 570 - u * 200;
            ratY = 390 - u * 60;
            ratAngle = Math.atan2(-60, -200);
        }
        ratVisible = !(ratX > SHELTER[0] && ratX < SHELTER[2] && ratY > SHELTER[1] && ratY < SHELTER[3]);
    }

    /** Draws frame {@code f} into {@code out}. */
    void draw(int f, Mat out) {
        pose(f);
        double t = f / FPS;
        floor.copyTo(out);
        // soft shadows, offset to the lower right
        shadow(out, catX + 8, catY + 8, 62, 24, catAngle);
        if (ratVisible) {
            shadow(out, ratX + 5, ratY + 5, 26, 10, ratAngle);
        }
        ellipse(out, catX, catY, 60, 22, catAngle, new Scalar(60, 110, 190));
        // a tail and a head so the silhouette is not a plain ellipse
        double hx = catX + Math.cos(catAngle) * 58;
        double hy = catY + Math.sin(catAngle) * 58;
        Imgproc.circle(out, new Point(hx, hy), 16, new Scalar(60, 110, 190), -1);
        silhouette.setTo(new Scalar(0));
        ellipse(silhouette, catX, catY, 60, 22, catAngle, new Scalar(255));
        Imgproc.circle(silhouette, new Point(hx, hy), 16, new Scalar(255), -1);
        org.opencv.imgproc.Moments m = Imgproc.moments(silhouette, true);
        catCx = m.m10 / m.m00;
        catCy = m.m01 / m.m00;
        if (ratVisible) {
            ellipse(out, ratX, ratY, 24, 9, ratAngle, new Scalar(215, 215, 225));
        }
        // the shelter's roof covers whatever is under it
        Imgproc.rectangle(out, new Point(SHELTER[0], SHELTER[1]), new Point(SHELTER[2], SHELTER[3]),
                new Scalar(40, 70, 110), -1);
        // a ball rolls across between 9 and 10.5 s
        if (t > 9 && t < 10.5) {
            Imgproc.circle(out, new Point(100 + (t - 9) * 300, 80), 9, new Scalar(40, 40, 220), -1);
        }
        // light: slow drift, then a sudden step up at 8 s
        double light = (t < 8 ? 1.0 - 0.01 * t : 1.22);
        out.convertTo(out, -1, light, 0);
        camera(out, noise, 4, jpeg, quality);
    }

    /** What a webcam adds to a drawn frame: sensor noise, then a JPEG round trip (its block artefacts). */
    static void camera(Mat out, Mat noise, double sigma, MatOfByte jpeg, MatOfInt quality) {
        Core.randn(noise, 0, sigma);
        Core.add(out, noise, out);
        Imgcodecs.imencode(".jpg", out, jpeg, quality);
        Mat decoded = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR);
        decoded.copyTo(out);
        decoded.release();
    }

    /**
     * Starts the camera's noise over. {@link #camera} draws it from OpenCV's global generator, so without this a
     * scene's frames depended on the tests run before it in the same JVM (CoatLikeAShadowTest's harness case passed
     * alone and failed in the suite). Every scene calls it before its first frame.
     */
    static void startNoise() {
        Core.setRNGSeed(7);
    }

    /**
     * Starts a scene on the empty floor: the processor's background is seeded with one frame of it (a copy: the
     * seed frames are released), and the camera's noise starts over.
     */
    static void seedWithFloor(FrameProcessor p, Mat floor) {
        startNoise();
        List<Mat> seed = new ArrayList<>();
        seed.add(floor.clone());
        p.seed(seed);
        SeedFrames.release(seed);
    }

    private static void ellipse(Mat m, double x, double y, double a, double b, double angle, Scalar c) {
        Imgproc.ellipse(m, new Point(x, y), new Size(a, b), Math.toDegrees(angle), 0, 360, c, -1, Imgproc.LINE_AA);
    }

    private static void shadow(Mat m, double x, double y, double a, double b, double angle) {
        Mat roi = new Mat(m.size(), m.type(), new Scalar(0, 0, 0));
        Imgproc.ellipse(roi, new Point(x, y), new Size(a, b), Math.toDegrees(angle), 0, 360,
                new Scalar(255, 255, 255), -1);
        Imgproc.GaussianBlur(roi, roi, new Size(15, 15), 0);
        // darken by up to 30 % where the shadow falls
        Mat f = new Mat();
        roi.convertTo(f, CvType.CV_32FC3, -0.3 / 255, 1.0);
        Mat mf = new Mat();
        m.convertTo(mf, CvType.CV_32FC3);
        Core.multiply(mf, f, mf);
        mf.convertTo(m, CvType.CV_8UC3);
        roi.release();
        f.release();
        mf.release();
    }

    /** The empty floor (for a seed), under the light of frame 0. */
    Mat emptyFloor() {
        return floor.clone();
    }

    @Override
    public void close() {
        floor.release();
        silhouette.release();
        noise.release();
        jpeg.release();
        quality.release();
    }
}
