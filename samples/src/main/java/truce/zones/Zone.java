package truce.zones;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named polygon of the playpen, in source-frame pixels, as {@code [[x,y],[x,y],...]}.
 */
public record Zone(ZoneKind kind, String name, double[][] polygon) {
    public static final int MAX_NAME = 64;
    public static final int MAX_POINTS = 1000;

    public Zone {
        if (kind == null) {
            throw new IllegalArgumentException("zone kind must be one of cover, barrier, perch");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a zone needs a name of 1-" + MAX_NAME + " characters");
        }
        // Bounded because zones arrive from users (PUT /api/cameras/{id}/zones) and are tested against every frame.
        if (polygon == null || polygon.length < 3 || polygon.length > MAX_POINTS) {
            throw new IllegalArgumentException("zone '" + name + "' needs a polygon of 3 to " + MAX_POINTS + " points");
        }
        for (double[] p : polygon) {
            if (p == null || p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException("zone '" + name + "': every point must be [x, y] with finite numbers");
            }
        }
    }

    /** Even-odd point-in-polygon test, pixels. */
    public boolean contains(double x, double y) {
        boolean in = false;
        for (int i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
            double xi = polygon[i][0], yi = polygon[i][1], xj = polygon[j][0], yj = polygon[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Zone z && kind == z.kind && name.equals(z.name) && Arrays.deepEquals(polygon, z.polygon);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, Arrays.deepHashCode(polygon));
    }

    @Override
    public String toString() {
        return "Zone[" + kind.label() + " " + name + " " + Arrays.deepToString(polygon) + "]";
    }
}
