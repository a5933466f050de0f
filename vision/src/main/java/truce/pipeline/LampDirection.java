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
 * its shadow on the floor beside it the same way as the cat casts its own. A box standing on the floor throws the
 * shadow of its footprint swept along the lamp's direction, so round each cover's box the background (the per-pixel
 * median of the seed frames) is matched against that sweep for every direction, the length left free (a cover's
 * height is not known); the direction the covers' rings agree on best is the lamp's. How far the darkness reaches
 * past the boxes along it is a cover's shadow offset.
 */
final class LampDirection {
    /** The ring's width at 640 px across: room for a tall cover's shadow under a low lamp. */
    static final double RING_PX = 40;
    /** Directions tried, evenly round the circle. */
    static final int DIRECTIONS = 360;
    /**
     * A ring pixel this share of the ring's usual brightness, or between, is shadow: walls, doorways and bowls' own
     * shadows are darker, the floor's grain lighter.
     */
    static final double DARKEST = 0.45;
    static final double LIGHTEST = 0.80;
    /** Where a shadow ends along a ray when its reach is measured: lighter than this share of the usual level. */
    static final double REACH_LIGHTEST = 0.88;
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
        List<double[]> fixtures = new ArrayList<>();
        for (Zone z : zones.zones()) {
            if (z.kind() != ZoneKind.BARRIER) {
                fixtures.add(box(z));
            }
        }
        double[] score = new double[DIRECTIONS];
        List<double[]> boxes = new ArrayList<>();
        for (Zone z : zones.zones()) {
            if (z.kind() != ZoneKind.COVER) {
                continue;
            }
            double[] box = box(z);
            Ring r = ring(bg, box, ring, fixtures);
            if (r == null) {
                continue; // a cover at the picture's edge
            }
            if (fit(box, r, ring, score)) {
                boxes.add(new double[] {box[0], box[1], box[2], box[3], r.usual});
            }
        }
        int best = 0;
        for (int k = 1; k < DIRECTIONS; k++) {
            if (score[k] > score[best]) {
                best = k;
            }
        }
        if (boxes.isEmpty() || !(score[best] > 0)) {
            return null;
        }
        double a = 2 * Math.PI * best / DIRECTIONS;
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        return new Lamp(ux, uy, reach(bg, boxes, ux, uy));
    }

    /**
     * Adds, for every direction, how well this cover's ring is explained by a shadow thrown that way: the box swept
     * along the direction by the length that fits best, its shadow-dark ring pixels counting for it and the others
     * against. The length is free, so the cover's height need not be known.
     *
     * @return whether any direction found shadow beside the box
     */
    private static boolean fit(double[] box, Ring r, int ring, double[] score) {
        double[] byReach = new double[ring + 2];
        boolean any = false;
        for (int k = 0; k < DIRECTIONS; k++) {
            double a = 2 * Math.PI * k / DIRECTIONS;
            double ux = Math.cos(a);
            double uy = Math.sin(a);
            Arrays.fill(byReach, 0);
            for (int i = 0; i < r.x.length; i++) {
                double back = backToBox(box, r.x[i], r.y[i], ux, uy);
                if (back <= ring) {
                    byReach[(int) Math.ceil(back)] += r.weight[i];
                }
            }
            double sum = 0;
            double most = 0;
            for (double w : byReach) {
                sum += w;
                most = Math.max(most, sum);
            }
            score[k] += most;
            any |= most > 0;
        }
        return any;
    }

    /** How far back from (x, y) against (ux, uy) the box begins (infinite when the line misses it). */
    private static double backToBox(double[] b, double x, double y, double ux, double uy) {
        double enter = Math.max(0, Math.max(enter(x, ux, b[0], b[2]), enter(y, uy, b[1], b[3])));
        double leave = Math.min(leave(x, ux, b[0], b[2]), leave(y, uy, b[1], b[3]));
        return enter <= leave ? enter : Double.POSITIVE_INFINITY;
    }

    /** Along one axis, where the backward line enters the slab [lo, hi] (-inf: always in it, +inf: never). */
    private static double enter(double p, double u, double lo, double hi) {
        if (Math.abs(u) < 1e-9) {
            return p >= lo && p <= hi ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Math.min((p - lo) / u, (p - hi) / u);
    }

    /** Along one axis, where the backward line leaves the slab [lo, hi] (+inf: always in it, -inf: never). */
    private static double leave(double p, double u, double lo, double hi) {
        if (Math.abs(u) < 1e-9) {
            return p >= lo && p <= hi ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return Math.max((p - lo) / u, (p - hi) / u);
    }

    /** The floor round a cover: its pixels, off every fixture, each +1 when shadow-dark and -1 otherwise. */
    private record Ring(int[] x, int[] y, double[] weight, double usual) {
    }

    private static Ring ring(Background bg, double[] box, int ring, List<double[]> fixtures) {
        int x0 = Math.max(0, (int) box[0] - ring);
        int x1 = Math.min(bg.w - 1, (int) box[2] + ring);
        int y0 = Math.max(0, (int) box[1] - ring);
        int y1 = Math.min(bg.h - 1, (int) box[3] + ring);
        int cap = (x1 - x0 + 1) * (y1 - y0 + 1);
        int[] xs = new int[cap];
        int[] ys = new int[cap];
        float[] levels = new float[cap];
        int m = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                boolean fixture = false;
                for (double[] f : fixtures) {
                    fixture |= onBox(f, x, y);
                }
                if (!fixture) {
                    xs[m] = x;
                    ys[m] = y;
                    levels[m++] = bg.at(x, y);
                }
            }
        }
        if (m < 100) {
            return null;
        }
        float[] sorted = Arrays.copyOf(levels, m);
        Arrays.sort(sorted);
        double usual = sorted[(int) (m * USUAL)];
        double[] weight = new double[m];
        for (int i = 0; i < m; i++) {
            double r = levels[i] / usual;
            weight[i] = r > DARKEST && r < LIGHTEST ? 1 : -1;
        }
        return new Ring(Arrays.copyOf(xs, m), Arrays.copyOf(ys, m), weight, usual);
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
                    if (bg.at(x, y) < b[4] * REACH_LIGHTEST) {
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
