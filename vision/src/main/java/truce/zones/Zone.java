package truce.zones;

import java.util.Locale;

/**
 * A named region of the playpen floor, a polygon in source-frame pixels.
 *
 * @param kind    cover (shelter, tunnel: the rat hides there), barrier (the clear wall), perch
 * @param name    for messages and the annotated video
 * @param xs      polygon x coordinates
 * @param ys      polygon y coordinates
 */
public record Zone(Kind kind, String name, double[] xs, double[] ys) {

    public enum Kind {
        COVER, BARRIER, PERCH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.label().equals(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("zone kind must be cover, barrier or perch, was '" + s + "'");
        }
    }

    public Zone {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("zone '" + name + "': a polygon needs at least 3 points");
        }
    }

    /** Even-odd ray casting; no allocation, cheap enough for every frame. */
    public boolean contains(double x, double y) {
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)
                    && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    /** Distance from a point to the polygon (0 inside). */
    public double distance(double x, double y) {
        if (contains(x, y)) {
            return 0;
        }
        double best = Double.MAX_VALUE;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            best = Math.min(best, segmentDistance(x, y, xs[j], ys[j], xs[i], ys[i]));
        }
        return best;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /** Bounding box as {minX, minY, maxX, maxY}. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xs.length; i++) {
            b[0] = Math.min(b[0], xs[i]);
            b[1] = Math.min(b[1], ys[i]);
            b[2] = Math.max(b[2], xs[i]);
            b[3] = Math.max(b[3], ys[i]);
        }
        return b;
    }
}
