package truce.classify;

/**
 * The median of the last {@code capacity} positive values pushed, on a log scale of {@link #BINS} bins (about
 * 3 % apart over 0.5 to 10^5): what an animal's size "usually" is in this stream, so that a stretched or
 * flattened body, and a speed, can be expressed relative to it whatever the camera's scale. A histogram and a
 * ring of bin indices: O(bins) per query after a push (repeated queries reuse it), no allocation after construction.
 */
public final class RunningMedian {
    static final int BINS = 400;
    private static final double LOG_MIN = Math.log(0.5);
    private static final double LOG_MAX = Math.log(1e5);
    private static final double STEP = (LOG_MAX - LOG_MIN) / BINS;

    private final int[] counts = new int[BINS];
    private final short[] ring;
    private int next;
    private int size;
    /** The last median computed, valid until the next push or clear (a frame asks for it several times). */
    private double median = Double.NaN;
    private boolean stale;

    public RunningMedian(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        ring = new short[capacity];
    }

    /** Adds a value; non-positive and NaN values are ignored (nothing was measured). */
    public void push(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return;
        }
        int bin = (int) Math.floor((Math.log(v) - LOG_MIN) / STEP);
        bin = Math.max(0, Math.min(BINS - 1, bin));
        if (size == ring.length) {
            counts[ring[next]]--;
        } else {
            size++;
        }
        ring[next] = (short) bin;
        counts[bin]++;
        next = (next + 1) % ring.length;
        stale = true;
    }

    /** Values held (at most the capacity). */
    public int size() {
        return size;
    }

    /** The median (the centre of its bin), or NaN before any value. */
    public double median() {
        if (stale) {
            median = compute();
            stale = false;
        }
        return median;
    }

    private double compute() {
        if (size == 0) {
            return Double.NaN;
        }
        int half = (size + 1) / 2;
        int seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += counts[b];
            if (seen >= half) {
                return Math.exp(LOG_MIN + (b + 0.5) * STEP);
            }
        }
        return Double.NaN; // unreachable: the counts sum to size
    }

    public void clear() {
        java.util.Arrays.fill(counts, 0);
        next = 0;
        size = 0;
        median = Double.NaN;
        stale = false;
    }
}
