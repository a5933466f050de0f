package truce.samples.playpen;

/** A point or direction on the floor, in centimetres (x right, y down, as in the picture). */
public record Vec(double x, double y) {
    public static Vec polar(double length, double angle) {
        return new Vec(length * Math.cos(angle), length * Math.sin(angle));
    }

    public Vec plus(Vec o) {
        return new Vec(x + o.x, y + o.y);
    }

    public Vec minus(Vec o) {
        return new Vec(x - o.x, y - o.y);
    }

    public Vec times(double k) {
        return new Vec(x * k, y * k);
    }

    public double length() {
        return Math.hypot(x, y);
    }

    public double distance(Vec o) {
        return Math.hypot(x - o.x, y - o.y);
    }

    /** Direction angle in radians. */
    public double angle() {
        return Math.atan2(y, x);
    }

    public double angleTo(Vec o) {
        return Math.atan2(o.y - y, o.x - x);
    }

    /** Wraps an angle to (-pi, pi]. */
    public static double wrap(double a) {
        while (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        while (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
