package truce.track;

import truce.detect.Blobs;

/**
 * Blobs for the tracker's replayed-scene tests: an upright, evenly filled rectangle, as the blob finder would
 * report it, so a test can state the scene frame by frame without drawing pixels.
 */
final class ReplayedBlobs {

    private ReplayedBlobs() {
    }

    /** A rectangle from (x0, y0) to (x1, y1). */
    static void box(Blobs b, double x0, double y0, double x1, double y1, boolean border, double contrast) {
        double w = x1 - x0;
        double h = y1 - y0;
        b.add(w * h, (x0 + x1) / 2, (y0 + y1) / 2, w * w / 12, h * h / 12, 0, x0, y0, x1, y1, border, contrast,
                b.count() + 1);
    }

    /** A rectangle from (x0, y0) to (x1, y1), clear of the border. */
    static void box(Blobs b, double x0, double y0, double x1, double y1, double contrast) {
        box(b, x0, y0, x1, y1, false, contrast);
    }

    /** A rectangle w by h centred on (cx, cy). */
    static void centred(Blobs b, double cx, double cy, double w, double h, boolean border, double contrast) {
        box(b, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, border, contrast);
    }

    /** A rectangle w by h centred on (cx, cy), clear of the border. */
    static void centred(Blobs b, double cx, double cy, double w, double h, double contrast) {
        centred(b, cx, cy, w, h, false, contrast);
    }

    /** The same, with {@code shade} of its pixels evenly darker than the floor (a shadow, or a grey coat). */
    static void shaded(Blobs b, double cx, double cy, double w, double h, double contrast, double shade) {
        int i = b.count();
        centred(b, cx, cy, w, h, contrast);
        b.shade(i, shade);
    }
}
