package truce.classify.training;

import java.util.Random;

/** When a training twin next alters a stretch: exponential gaps, as the mishaps it imitates come at random. */
final class TwinGaps {
    private TwinGaps() {
    }

    /** Frames (at 30 fps) until the next stretch, at least 1, for a mean gap of {@code meanSeconds}. */
    static int frames(Random r, double meanSeconds) {
        return 1 + (int) (-Math.log(1 - r.nextDouble()) * meanSeconds * 30);
    }
}
