package truce.alert;

/** An animal's position in source-frame pixels. */
public record Point(double x, double y) {

    /** The point, or null when not in view. */
    public static Point of(boolean visible, double x, double y) {
        return visible && !Double.isNaN(x) && !Double.isNaN(y) ? new Point(x, y) : null;
    }
}
