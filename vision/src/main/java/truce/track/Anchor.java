package truce.track;

import truce.detect.Blobs;

/**
 * Where and how big a track's blob settled, since when, and whether the track was given up from there: what the
 * still-thing rules of {@link GiveWay} measure a blob against (by its exact state, or by its place).
 */
final class Anchor {
    double x;
    double y;
    /** The blob's area there; 0 while unset. */
    double area;
    double sinceMs;
    /** The track was given up from this blob: it is not taken back by it while it stays so. */
    boolean left;

    /** Settles on blob {@code i} as it is now. */
    void set(Blobs b, int i, double nowMs) {
        x = b.cx(i);
        y = b.cy(i);
        area = b.area(i);
        sinceMs = nowMs;
        left = false;
    }

    void clear() {
        area = 0;
        left = false;
    }

    void copyFrom(Anchor o) {
        x = o.x;
        y = o.y;
        area = o.area;
        sinceMs = o.sinceMs;
        left = o.left;
    }
}
