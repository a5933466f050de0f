package truce.track;

import truce.detect.AnimalDetector;
import truce.detect.Blobs;

/**
 * The frame in hand, as every rule reads it: its time, the first frame's since the last reset, which of its blobs
 * may be an animal at all, and the detector that made them (which can split a contact blob, refine a centroid and
 * compare a box with the background).
 */
final class FrameInHand {
    /** Time of the frame in hand (between frames, of the last one; NaN before the first). */
    double nowMs = Double.NaN;
    /** Time of the first frame since the last reset. */
    double firstMs = Double.NaN;
    /** Which blobs are of an animal's size and no ghost. */
    final boolean[] candidate = new boolean[Blobs.MAX];
    /** The detector that can split a contact blob (set once by the pipeline; null until then). */
    AnimalDetector detector;

    /** Starts frame {@code timeMs}; returns the seconds since the last one (a thirtieth at first or going back). */
    double begin(double timeMs) {
        double dt = Double.isNaN(nowMs) || timeMs <= nowMs ? 1 / 30.0 : (timeMs - nowMs) / 1000.0;
        nowMs = timeMs;
        if (Double.isNaN(firstMs)) {
            firstMs = timeMs;
        }
        return dt;
    }

    void reset() {
        nowMs = Double.NaN;
        firstMs = Double.NaN;
    }
}
