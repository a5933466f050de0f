package truce.overlay;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import truce.features.FrameFeatures;
import truce.track.IdentityTracker;
import truce.track.Track;
import truce.floor.FloorMap;
import truce.zones.Zone;

/**
 * Draws what the pipeline saw onto a frame, for annotated video and the live view: zones, each animal's box,
 * name and state, a fading trail of its last positions, and where a hidden rat was last seen.
 * One instance per stream (it remembers the trails).
 */
public final class Overlay {
    private static final Scalar CAT = new Scalar(0, 140, 255);
    private static final Scalar RAT = new Scalar(255, 220, 0);
    private static final Scalar COVER = new Scalar(60, 170, 60);
    private static final Scalar BARRIER = new Scalar(220, 120, 40);
    private static final Scalar PERCH = new Scalar(200, 60, 200);
    private static final Scalar BLACK = new Scalar(0, 0, 0);
    private static final Scalar WHITE = new Scalar(255, 255, 255);
    private static final int TRAIL = 45;

    private final List<MatOfPoint> polygons = new ArrayList<>();
    private final List<Scalar> colours = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final double[][] trails = new double[2][2 * TRAIL];
    private final int[] trailLen = new int[2];
    private final int[] trailHead = new int[2];

    public Overlay(FloorMap zones) {
        for (Zone z : zones.zones()) {
            Point[] pts = new Point[z.polygon().length];
            for (int i = 0; i < pts.length; i++) {
                pts[i] = new Point(z.polygon()[i][0], z.polygon()[i][1]);
            }
            polygons.add(new MatOfPoint(pts));
            colours.add(switch (z.kind()) {
                case COVER -> COVER;
                case BARRIER -> BARRIER;
                case PERCH -> PERCH;
            });
            names.add(z.name());
        }
    }

    /**
     * @param catState label to print for the cat (null: none)
     * @param ratState label to print for the rat
     */
    public void draw(Mat bgr, FrameFeatures f, IdentityTracker tracker, String catState, String ratState) {
        double scale = Math.max(0.4, bgr.cols() / 1280.0 * 1.0);
        int thick = Math.max(1, (int) Math.round(bgr.cols() / 480.0));
        for (int i = 0; i < polygons.size(); i++) {
            Imgproc.polylines(bgr, List.of(polygons.get(i)), true, colours.get(i), thick);
            Point p = polygons.get(i).toArray()[0];
            label(bgr, names.get(i), p.x + 3, p.y + 14 * scale + 3, colours.get(i), scale * 0.8);
        }
        if (tracker != null) {
            animal(bgr, tracker.cat(), 0, "cat", catState, CAT, scale, thick);
            animal(bgr, tracker.rat(), 1, "rat", ratState, RAT, scale, thick);
        }
        String time = String.format(java.util.Locale.ROOT, "frame %d  %.2f s", f.frame(), f.timeMs() / 1000);
        label(bgr, time, 6, bgr.rows() - 8, WHITE, scale);
    }

    private void animal(Mat bgr, Track t, int k, String who, String state, Scalar colour, double scale, int thick) {
        if (!t.everSeen()) {
            return;
        }
        if (t.visible()) {
            push(k, t.x(), t.y());
        }
        // trail, oldest first, thinning out
        int n = trailLen[k];
        for (int j = 1; j < n; j++) {
            int a = (trailHead[k] - n + j - 1 + TRAIL) % TRAIL;
            int b = (trailHead[k] - n + j + TRAIL) % TRAIL;
            Imgproc.line(bgr, new Point(trails[k][2 * a], trails[k][2 * a + 1]),
                    new Point(trails[k][2 * b], trails[k][2 * b + 1]), colour, Math.max(1, thick * j / n));
        }
        String text = state == null ? who : who + ": " + state;
        if (t.visible()) {
            Imgproc.rectangle(bgr, new Point(t.minX(), t.minY()), new Point(t.maxX(), t.maxY()), colour, thick);
            Imgproc.circle(bgr, new Point(t.x(), t.y()), thick + 2, colour, -1);
            label(bgr, text, t.minX(), Math.max(12, t.minY() - 4), colour, scale);
        } else {
            int r = (int) Math.max(10, t.length() / 2);
            Imgproc.circle(bgr, new Point(t.x(), t.y()), r, colour, thick, Imgproc.LINE_AA);
            label(bgr, text + " (last seen)", t.x() - r, Math.max(12, t.y() - r - 4), colour, scale);
        }
    }

    private void push(int k, double x, double y) {
        int h = trailHead[k];
        trails[k][2 * h] = x;
        trails[k][2 * h + 1] = y;
        trailHead[k] = (h + 1) % TRAIL;
        trailLen[k] = Math.min(TRAIL, trailLen[k] + 1);
    }

    private static void label(Mat bgr, String text, double x, double y, Scalar colour, double scale) {
        Point p = new Point(x, y);
        Imgproc.putText(bgr, text, p, Imgproc.FONT_HERSHEY_SIMPLEX, scale, BLACK, 3, Imgproc.LINE_AA);
        Imgproc.putText(bgr, text, p, Imgproc.FONT_HERSHEY_SIMPLEX, scale, colour, 1, Imgproc.LINE_AA);
    }

    /** Clears the trails (a new stream). */
    public void reset() {
        trailLen[0] = 0;
        trailLen[1] = 0;
    }

    public void close() {
        for (MatOfPoint m : polygons) {
            m.release();
        }
    }
}
