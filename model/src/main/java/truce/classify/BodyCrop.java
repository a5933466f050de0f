package truce.classify;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
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
    /** The square is first shrunk to this side (area averaging, no aliasing), then turned and trimmed to SIZE. */
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
    private static final Size PRE_SIZE = new Size(PRE, PRE);
    private static final Size OUT_SIZE = new Size(SIZE, SIZE);

    public BodyCrop() {
        Natives.load();
        shrunk = new Mat();
        turned = new Mat();
        padded = new Mat();
        turn = new Mat();
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
        int side = Math.max(2, (int) Math.round(big));
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
        Mat roi = bgr.submat(inside);
        try {
            if (inside.width == side && inside.height == side) {
                Imgproc.resize(roi, shrunk, PRE_SIZE, 0, 0, Imgproc.INTER_AREA);
            } else {
                // at the frame's edge: the missing part repeats the edge, as the crops learnt on did
                Core.copyMakeBorder(roi, padded, inside.y - y0, y0 + side - inside.y - inside.height,
                        inside.x - x0, x0 + side - inside.x - inside.width, Core.BORDER_REPLICATE);
                Imgproc.resize(padded, shrunk, PRE_SIZE, 0, 0, Imgproc.INTER_AREA);
            }
        } finally {
            roi.release();
        }
        // OpenCV's positive angle turns counter-clockwise on screen; the heading is clockwise from +x (y down)
        double a = Math.cos(cat.heading());
        double b = Math.sin(cat.heading());
        double c = PRE / 2.0;
        double shift = (PRE - SIZE) / 2.0;
        if (turn.empty()) {
            turn.create(2, 3, org.opencv.core.CvType.CV_64F);
        }
        // the same matrix as getRotationMatrix2D(centre, degrees, 1), shifted so the centre lands at SIZE / 2
        coefficients[0] = a;
        coefficients[1] = b;
        coefficients[2] = (1 - a) * c - b * c - shift;
        coefficients[3] = -b;
        coefficients[4] = a;
        coefficients[5] = b * c + (1 - a) * c - shift;
        turn.put(0, 0, coefficients);
        Imgproc.warpAffine(shrunk, turned, turn, OUT_SIZE, Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
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
