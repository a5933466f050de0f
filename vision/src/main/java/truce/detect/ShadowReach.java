package truce.detect;

import java.util.Arrays;

/**
 * How far the cat's own shadow reaches past its body along the lamp's direction (working pixels): the median of the
 * latest frames' readings, each from a light body beside its shadow. The ring of readings is reused; nothing is
 * allocated per frame.
 */
final class ShadowReach {
    /** Readings kept: the latest ones, so a moved lamp is followed within seconds of light-bodied frames. */
    private static final int WINDOW = 63;
    /** Readings needed before the median is trusted. */
    private static final int MIN_READINGS = 15;
    private final float[] readings = new float[WINDOW];
    private final float[] sorted = new float[WINDOW];
    private int count;
    private int next;
    private double median;

    void add(double reach) {
        readings[next] = (float) reach;
        next = (next + 1) % WINDOW;
        count = Math.min(WINDOW, count + 1);
        System.arraycopy(readings, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        median = sorted[count / 2];
    }

    boolean known() {
        return count >= MIN_READINGS;
    }

    double median() {
        return median;
    }
}
