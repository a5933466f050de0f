package truce.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.features.AnimalFeatures;

class BodyCropTest {

    /** A grey floor with a white body 60 x 20 px at (160, 120), its long axis at {@code degrees} clockwise. */
    private static Mat body(double degrees) {
        truce.source.Natives.load();
        Mat m = new Mat(240, 320, CvType.CV_8UC3, new Scalar(90, 90, 90));
        Imgproc.ellipse(m, new Point(160, 120), new Size(30, 10), degrees, 0, 360, new Scalar(240, 240, 240), -1);
        return m;
    }

    private static AnimalFeatures cat(double x, double y, double heading, boolean visible) {
        return new AnimalFeatures(visible, x, y, 0, 0, 0, 0, 0, heading, 60, 20, 3, 940, visible ? 0 : 5);
    }

    /** Spread of the bright pixels along the crop's x over their spread along its y. */
    private static double alongOverAcross(byte[] crop) {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (int y = 0; y < BodyCrop.SIZE; y++) {
            for (int x = 0; x < BodyCrop.SIZE; x++) {
                if ((crop[3 * (y * BodyCrop.SIZE + x)] & 0xff) > 165) {
                    n++;
                    sx += x;
                    sy += y;
                    sxx += x * x;
                    syy += y * y;
                }
            }
        }
        double vx = sxx / n - (sx / n) * (sx / n);
        double vy = syy / n - (sy / n) * (sy / n);
        return Math.sqrt(vx / vy);
    }

    @Test
    void theCropTurnsTheBodyAlongItsHeading() {
        Mat frame = body(30);
        byte[] crop = new byte[BodyCrop.BYTES];
        try (BodyCrop c = new BodyCrop()) {
            assertTrue(c.cut(frame, cat(160, 120, Math.toRadians(30), true), crop));
            assertTrue(alongOverAcross(crop) > 2.2, "turned along the heading, the body lies along x: "
                    + alongOverAcross(crop));
            // the same body cut with a heading across it lies along y
            assertTrue(c.cut(frame, cat(160, 120, Math.toRadians(120), true), crop));
            assertTrue(alongOverAcross(crop) < 0.45, "cut across, it lies along y: " + alongOverAcross(crop));
        } finally {
            frame.release();
        }
    }

    @Test
    void theCropIsScaledByTheUsualLengthNotThisFramesOwn() {
        Mat frame = body(0);
        byte[] usual = new byte[BodyCrop.BYTES];
        byte[] inflated = new byte[BodyCrop.BYTES];
        try (BodyCrop a = new BodyCrop(); BodyCrop b = new BodyCrop()) {
            for (int i = 0; i < 50; i++) {
                a.cut(frame, cat(160, 120, 0, true), usual);
                b.cut(frame, cat(160, 120, 0, true), inflated);
            }
            // one frame whose measured length a shadow doubled: the crop stays on the usual scale
            AnimalFeatures shadowed = new AnimalFeatures(true, 160, 120, 0, 0, 0, 0, 0, 0, 120, 40, 3, 3000, 0);
            assertTrue(b.cut(frame, shadowed, inflated));
            assertArrayEquals(usual, inflated);
        } finally {
            frame.release();
        }
    }

    @Test
    void aCatOutOfViewIsNotCutAndOneAtTheEdgeIs() {
        Mat frame = body(0);
        byte[] crop = new byte[BodyCrop.BYTES];
        crop[0] = 7;
        try (BodyCrop c = new BodyCrop()) {
            assertFalse(c.cut(frame, cat(160, 120, 0, false), crop));
            assertEquals(7, crop[0], "nothing written for a cat out of view");
            assertTrue(c.cut(frame, cat(2, 3, 0, true), crop), "a cat in the corner is cut, the edge repeated");
            assertFalse(c.cut(frame, cat(-500, -500, 0, true), crop), "a place off the frame gives no crop");
        } finally {
            frame.release();
        }
    }
}
