package truce.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import truce.floor.FloorMap;
import truce.zones.Zone;
import truce.zones.ZoneKind;

/**
 * Which way, and how far, the lamp throws shadows, read from the still scene: every cover in the zones file casts
 * its shadow on the floor beside it the same way as the cat casts its own. In a thin ring round each cover's box
 * the background's pixels (the per-pixel median of the seed frames) that are a shadow's darkness below the ring's
 * usual level lie on the shadow's side: their centroid, taken from the box's centre, points along the lamp's
 * throw. How far the darkness reaches past the box along that direction is the cover's shadow offset.
 */
final class LampDirection {
    /** The ring's width at 640 px across: wide enough for a cover's shadow, narrow enough to miss walls and bowls. */
    static final double RING_PX = 15;
    /** A ring pixel this share of the ring's usual brightness, or between, is shadow (walls and doorways are darker). */
    static final double DARKEST = 0.45;
    static final double LIGHTEST = 0.88;
    /** The ring's usual brightness: this quantile of it (a shadow covers less than half of the ring). */
    private static final double USUAL = 0.6;
    /** Rays across each box along which the shadow's reach is measured, and how far out at most (640 px across). */
    private static final int RAYS = 9;
    private static final double MAX_REACH_PX = 80;
    /** Bright steps (px) that end the shadow along a ray. */
    private static final double GAP_PX = 3;

    /**
     * The lamp as the covers show it.
     *
     * @param ux,uy    unit direction of the throw, source pixels (y down)
     * @param reachPx  how far a cover's shadow reaches past it, source pixels (0 when it could not be read)
     */
    record Lamp(double ux, double uy, double reachPx) {
    }

    private LampDirection() {
    }

    /** The lamp, or null without covers in the zones or without a shadow beside any of them. */
    static Lamp of(List<Mat> frames, FloorMap zones) {
        if (frames.isEmpty() || !zones.has(ZoneKind.COVER)) {
            return null;
        }
        Background bg = new Background(frames);
        int ring = (int) Math.round(RING_PX * bg.w / 640.0);
        List<double[]> boxes = new ArrayList<>();
        double sx = 0;
        double sy = 0;
        for (Zone z : zones.zones()) {
            if (z.kind() != ZoneKind.COVER) {
                continue;
            }
            double[] box = box(z);
            float[] levels = ringLevels(bg, box, ring);
            if (levels.length < 100) {
                continue; // a cover at the picture's edge
            }
            Arrays.sort(levels);
            double usual = levels[(int) (levels.length * USUAL)];
            double cx = (box[0] + box[2]) / 2;
            double cy = (box[1] + box[3]) / 2;
            double zx = 0;
            double zy = 0;
            double zw = 0;
            for (int y = Math.max(0, (int) box[1] - ring); y <= Math.min(bg.h - 1, (int) box[3] + ring); y++) {
                for (int x = Math.max(0, (int) box[0] - ring); x <= Math.min(bg.w - 1, (int) box[2] + ring); x++) {
                    if (onBox(box, x, y)) {
                        continue;
                    }
                    double b = bg.at(x, y);
                    double r = b / usual;
                    double d = r > DARKEST && r < LIGHTEST ? usual * LIGHTEST - b : 0;
                    zx += d * (x - cx);
                    zy += d * (y - cy);
                    zw += d;
                }
            }
            if (zw > 0) {
                sx += zx / zw;
                sy += zy / zw;
                boxes.add(new double[] {box[0], box[1], box[2], box[3], usual});
            }
        }
        double len = Math.hypot(sx, sy);
        if (boxes.isEmpty() || len < 1e-6) {
            return null;
        }
        double ux = sx / len;
        double uy = sy / len;
        return new Lamp(ux, uy, reach(bg, boxes, ux, uy));
    }

    /** The median, over rays across every box, of how far the shadow reaches past the box along (ux, uy). */
    private static double reach(Background bg, List<double[]> boxes, double ux, double uy) {
        double scale = bg.w / 640.0;
        List<Double> reach = new ArrayList<>();
        for (double[] b : boxes) {
            double cx = (b[0] + b[2]) / 2;
            double cy = (b[1] + b[3]) / 2;
            for (int k = 0; k < RAYS; k++) {
                double s = (k - (RAYS - 1) / 2.0) / (RAYS + 1);
                double ox = cx - uy * s * (b[2] - b[0]);
                double oy = cy + ux * s * (b[3] - b[1]);
                double t = 0;
                while (t < 4 * bg.w && inBox(b, ox + ux * t, oy + uy * t)) {
                    t += 0.5;
                }
                double edge = t;
                double last = -1;
                for (; t < edge + MAX_REACH_PX * scale; t += 0.5) {
                    int x = (int) Math.round(ox + ux * t);
                    int y = (int) Math.round(oy + uy * t);
                    if (x < 0 || y < 0 || x >= bg.w || y >= bg.h) {
                        break;
                    }
                    if (bg.at(x, y) < b[4] * LIGHTEST) {
                        last = t;
                    } else if (last >= 0 && t - last > GAP_PX * scale) {
                        break;
                    }
                }
                if (last >= 0) {
                    reach.add(last - edge);
                }
            }
        }
        if (reach.isEmpty()) {
            return 0;
        }
        Collections.sort(reach);
        return reach.get(reach.size() / 2);
    }

    private static double[] box(Zone z) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : z.polygon()) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    private static boolean inBox(double[] b, double x, double y) {
        return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
    }

    /** On the box or within 2 px of it (its rim and the blur of its edge belong to it). */
    private static boolean onBox(double[] b, double x, double y) {
        return x >= b[0] - 2 && x <= b[2] + 2 && y >= b[1] - 2 && y <= b[3] + 2;
    }

    private static float[] ringLevels(Background bg, double[] box, int ring) {
        float[] out = new float[(int) ((box[2] - box[0] + 2 * ring + 1) * (box[3] - box[1] + 2 * ring + 1)) + 1];
        int m = 0;
        for (int y = Math.max(0, (int) box[1] - ring); y <= Math.min(bg.h - 1, (int) box[3] + ring); y++) {
            for (int x = Math.max(0, (int) box[0] - ring); x <= Math.min(bg.w - 1, (int) box[2] + ring); x++) {
                if (!onBox(box, x, y) && m < out.length) {
                    out[m++] = bg.at(x, y);
                }
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** The seed frames' per-pixel median brightness, worked out only where it is asked for. */
    private static final class Background {
        final int w;
        final int h;
        private final byte[][] grey;
        private final int[] values;
        private final float[] cache;

        Background(List<Mat> frames) {
            w = frames.get(0).cols();
            h = frames.get(0).rows();
            grey = new byte[frames.size()][w * h];
            values = new int[frames.size()];
            cache = new float[w * h];
            Arrays.fill(cache, -1);
            Mat g = new Mat();
            try {
                for (int k = 0; k < frames.size(); k++) {
                    Imgproc.cvtColor(frames.get(k), g, Imgproc.COLOR_BGR2GRAY);
                    g.get(0, 0, grey[k]);
                }
            } finally {
                g.release();
            }
        }

        float at(int x, int y) {
            int i = y * w + x;
            if (cache[i] < 0) {
                for (int k = 0; k < grey.length; k++) {
                    values[k] = grey[k][i] & 0xff;
                }
                Arrays.sort(values);
                cache[i] = values[values.length / 2];
            }
            return cache[i];
        }
    }
}
