package truce.samples.playpen;

import java.util.SplittableRandom;

/** An axis-aligned rectangle on the floor, centimetres. */
public record Box(double x0, double y0, double x1, double y1) {
    public Box {
        if (!(x1 >= x0 && y1 >= y0)) {
            throw new IllegalArgumentException("empty box " + x0 + "," + y0 + " - " + x1 + "," + y1);
        }
    }

    public static Box around(Vec c, double halfW, double halfH) {
        return new Box(c.x() - halfW, c.y() - halfH, c.x() + halfW, c.y() + halfH);
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public Vec center() {
        return new Vec((x0 + x1) / 2, (y0 + y1) / 2);
    }

    public boolean contains(Vec p) {
        return p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1;
    }

    /** Grown (or shrunk, for negative d) on every side; never inverted. */
    public Box inflate(double d) {
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        double hw = Math.max(0, width() / 2 + d), hh = Math.max(0, height() / 2 + d);
        return new Box(cx - hw, cy - hh, cx + hw, cy + hh);
    }

    public boolean intersects(Box o) {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    /** Distance from p to the box (0 inside). */
    public double distance(Vec p) {
        double dx = Math.max(0, Math.max(x0 - p.x(), p.x() - x1));
        double dy = Math.max(0, Math.max(y0 - p.y(), p.y() - y1));
        return Math.hypot(dx, dy);
    }

    /** How deep p is inside the box: distance to the nearest edge (negative outside). */
    public double depth(Vec p) {
        return Math.min(Math.min(p.x() - x0, x1 - p.x()), Math.min(p.y() - y0, y1 - p.y()));
    }

    public Vec clamp(Vec p) {
        return new Vec(Math.max(x0, Math.min(x1, p.x())), Math.max(y0, Math.min(y1, p.y())));
    }

    /** Whether the segment a-b passes through this box (slab test). */
    public boolean crosses(Vec a, Vec b) {
        double t0 = 0, t1 = 1;
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - x0, x1 - a.x(), a.y() - y0, y1 - a.y()};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    public Vec randomPoint(SplittableRandom rng) {
        return new Vec(x0 + rng.nextDouble() * width(), y0 + rng.nextDouble() * height());
    }
}
