package truce.floor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import truce.zones.Zone;
import truce.zones.ZoneKind;
import truce.zones.Zones;

/**
 * The playpen floor as the pipeline sees it: the zones of the camera's zones file (cover, barrier, perch) and
 * the floor width the picture spans, answering the per-frame questions "is this point in cover?" and "how far
 * is the nearest cover?" without allocating.
 */
public final class FloorMap {
    public static final FloorMap NONE = new FloorMap(Double.NaN, List.of());

    private final double viewWidthCm;
    private final List<Zone> zones;

    public FloorMap(double viewWidthCm, List<Zone> zones) {
        this.viewWidthCm = viewWidthCm;
        this.zones = List.copyOf(zones);
    }

    public static FloorMap of(Zones z) {
        return new FloorMap(z.viewWidthCm() == null ? Double.NaN : z.viewWidthCm(), z.zones());
    }

    /** Reads a zones file (API.md format); a malformed file is an IOException naming the problem. */
    public static FloorMap read(Path file) throws IOException {
        return of(Zones.read(file));
    }

    /** The same zones with another view width (the command line's --view-width-cm wins over the file). */
    public FloorMap withViewWidthCm(double cm) {
        return new FloorMap(cm, zones);
    }

    public boolean hasScale() {
        return viewWidthCm > 0;
    }

    /** Picture pixels a centimetre of floor spans in a frame {@code frameWidth} pixels wide, NaN when unknown. */
    public double pxPerCm(int frameWidth) {
        return hasScale() ? frameWidth / viewWidthCm : Double.NaN;
    }

    /** Floor width in the picture (cm), NaN when unknown. */
    public double viewWidthCm() {
        return viewWidthCm;
    }

    public List<Zone> zones() {
        return zones;
    }

    public boolean has(ZoneKind kind) {
        for (Zone z : zones) {
            if (z.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** True when the point is inside a zone of that kind. */
    public boolean inside(ZoneKind kind, double x, double y) {
        for (Zone z : zones) {
            if (z.kind() == kind && z.contains(x, y)) {
                return true;
            }
        }
        return false;
    }

    /** Distance to the nearest zone of that kind (0 inside; +infinity when there is none). */
    public double distance(ZoneKind kind, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (Zone z : zones) {
            if (z.kind() == kind) {
                best = Math.min(best, distance(z, x, y));
            }
        }
        return best;
    }

    /**
     * How far an animal unseen from (ax, ay) to (bx, by) must have gone in the open when it may have crossed one
     * zone of that kind out of sight: the straight line, or the way in to a zone from one point and out of it to
     * the other, whichever is shorter (a tunnel's two ends lie its length apart, yet a rat goes from one to the
     * other without a step in the open).
     */
    public double openDistance(ZoneKind kind, double ax, double ay, double bx, double by) {
        double best = Math.hypot(bx - ax, by - ay);
        for (Zone z : zones) {
            if (z.kind() == kind) {
                best = Math.min(best, distance(z, ax, ay) + distance(z, bx, by));
            }
        }
        return best;
    }

    private static double distance(Zone z, double x, double y) {
        if (z.contains(x, y)) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        double[][] p = z.polygon();
        for (int i = 0, j = p.length - 1; i < p.length; j = i++) {
            best = Math.min(best, segmentDistance(x, y, p[j][0], p[j][1], p[i][0], p[i][1]));
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
}
