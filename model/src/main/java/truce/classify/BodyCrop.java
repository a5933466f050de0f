package truce.classify;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.features.AnimalFeatures;
import truce.source.Natives;

/**
 * The cat's body as pixels, cut along its axis: a {@link #SIZE} x {@link #SIZE} BGR square centred on the tracked
 * centroid, turned so the measured heading points along +x, {@link #SIDE_LENGTHS} of the cat's usual length
 * across. The usual length is the running median of the lengths measured in this stream, so a stalking cat's
 * stretched, narrow body fills more of the square than a walking one's, whatever the camera's scale; the crop
 * does not follow the frame's own length, which a cast shadow inflates. One instance per stream; its Mats are
 * reused, so nothing is allocated per frame once the crop size settles.
 */
public final class BodyCrop implements AutoCloseable {
    /** Side of the crop in pixels. */
    public static final int SIZE = 32;
    /** Bytes of one crop (BGR, row by row). */
    public static final int BYTES = SIZE * SIZE * 3;
    /** Side of the square cut around the cat, in its usual body lengths. */
    static final double SIDE_LENGTHS = 1.6;
    /**
     * The square is first shrunk by a whole factor to about this side (area averaging: no aliasing), then turned
     * and trimmed to SIZE.
     */
    private static final int PRE = 48;
    /** Lengths the usual length is the median of (30 s at 30 fps). */
    private static final int LENGTH_FRAMES = 900;

    private final RunningMedian length = new RunningMedian(LENGTH_FRAMES);
    private final Mat shrunk;
    private final Mat turned;
    private final Mat padded;
    private final Mat turn;
    /** Reused per frame: the part of the square inside the frame, and the turn's six coefficients. */
    private final Rect inside = new Rect();
    private final double[] coefficients = new double[6];
    /** The shrunk square's size, set each frame without allocating. */
    private final Size shrunkSize = new Size();
    private static final Size OUT_SIZE = new Size(SIZE, SIZE);

    public BodyCrop() {
        Natives.load();
        shrunk = new Mat();
        turned = new Mat();
        padded = new Mat();
        turn = new Mat(2, 3, CvType.CV_64F);
    }

    /**
     * Cuts the crop of this frame's cat into {@code dst} (at least {@link #BYTES} long).
     *
     * @return false, leaving {@code dst} alone, when the cat is not in view
     */
    public boolean cut(Mat bgr, AnimalFeatures cat, byte[] dst) {
        if (!cat.visible() || !(cat.bodyLength() > 0) || Double.isNaN(cat.x())) {
            return false;
        }
        length.push(cat.bodyLength());
        double big = SIDE_LENGTHS * length.median() * PRE / SIZE;
        // The square is shrunk by a whole factor (OpenCV's area averaging has a fast path for those, several times
        // quicker than for another factor): its side is taken a pixel or two off so that it divides exactly, and
        // the turn below makes up the rest of the scale.
        int factor = Math.max(1, (int) (big / PRE));
        int shrunkSide = Math.max(2, (int) Math.round(big / factor));
        int side = shrunkSide * factor;
        int x0 = (int) Math.round(cat.x() - side / 2.0);
        int y0 = (int) Math.round(cat.y() - side / 2.0);
        // the square may reach past the frame's edge: resize the part inside, padded back to the square
        int ix0 = Math.max(0, x0);
        int iy0 = Math.max(0, y0);
        int ix1 = Math.min(bgr.cols(), x0 + side);
        int iy1 = Math.min(bgr.rows(), y0 + side);
        if (ix1 <= ix0 || iy1 <= iy0) {
            return false;
        }
        inside.x = ix0;
        inside.y = iy0;
        inside.width = ix1 - ix0;
        inside.height = iy1 - iy0;
        shrunkSize.width = shrunkSide;
        shrunkSize.height = shrunkSide;
        Mat roi = bgr.submat(inside);
        try {
            if (inside.width == side && inside.height == side) {
                Imgproc.resize(roi, shrunk, shrunkSize, 0, 0, Imgproc.INTER_AREA);
            } else {
                // at the frame's edge: the missing part repeats the edge
                Core.copyMakeBorder(roi, padded, inside.y - y0, y0 + side - inside.y - inside.height,
                        inside.x - x0, x0 + side - inside.x - inside.width, Core.BORDER_REPLICATE);
                Imgproc.resize(padded, shrunk, shrunkSize, 0, 0, Imgproc.INTER_AREA);
            }
        } finally {
            roi.release();
        }
        // The heading is clockwise from +x on screen (y down). The matrix maps each output pixel back into the
        // shrunk square: turned by the heading, scaled so that SIZE output pixels span SIZE / PRE of it, centred.
        double scale = (double) shrunkSide / PRE;
        double a = Math.cos(cat.heading()) * scale;
        double b = Math.sin(cat.heading()) * scale;
        double c = shrunkSide / 2.0;
        double h = SIZE / 2.0;
        // src = M * (u, v, 1): u along the heading, v across it
        coefficients[0] = a;
        coefficients[1] = -b;
        coefficients[2] = c - a * h + b * h;
        coefficients[3] = b;
        coefficients[4] = a;
        coefficients[5] = c - b * h - a * h;
        turn.put(0, 0, coefficients);
        Imgproc.warpAffine(shrunk, turned, turn, OUT_SIZE, Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                Core.BORDER_REPLICATE);
        turned.get(0, 0, dst);
        return true;
    }

    /** Forgets the usual length (a new stream). */
    public void reset() {
        length.clear();
    }

    @Override
    public void close() {
        shrunk.release();
        turned.release();
        padded.release();
        turn.release();
    }
}
