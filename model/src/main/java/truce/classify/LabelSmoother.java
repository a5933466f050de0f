package truce.classify;

/**
 * Causal hysteresis over one head's per-frame probabilities, so labels do not flicker. The current label
 * holds until another class has won {@code dwell} frames in a row; an urgent class (the lunge, the flight)
 * is taken on the very first frame its probability reaches {@code urgentEnter}, so smoothing never delays an
 * alert, and only then (the threshold, chosen on validation scenes, is what keeps false alerts down). State is three ints: no allocation per frame.
 */
public final class LabelSmoother {
    private final int urgent;
    private final float urgentEnter;
    private final int dwell;
    private int current = -1;
    private int candidate = -1;
    private int count;

    /**
     * @param urgent      index of the class taken at once (or -1 for none)
     * @param urgentEnter probability at which the urgent class is taken at once
     * @param dwell       frames in a row another class must win before the label changes
     */
    public LabelSmoother(int urgent, float urgentEnter, int dwell) {
        if (dwell < 1) {
            throw new IllegalArgumentException("dwell must be >= 1, was " + dwell);
        }
        this.urgent = urgent;
        this.urgentEnter = urgentEnter;
        this.dwell = dwell;
    }

    /** The smoothed class of this frame given its probabilities. */
    public int step(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        if (current < 0 || best == current) {
            current = current < 0 ? best : current;
            candidate = -1;
            count = 0;
            return current;
        }
        if (best == urgent) {
            // Taken at once when sure enough, never by outlasting the dwell: a weak lunge is no lunge.
            if (p[best] >= urgentEnter) {
                current = best;
            }
            candidate = -1;
            count = 0;
            return current;
        }
        if (best == candidate) {
            count++;
        } else {
            candidate = best;
            count = 1;
        }
        if (count >= dwell) {
            current = best;
            candidate = -1;
            count = 0;
        }
        return current;
    }

    public void reset() {
        current = -1;
        candidate = -1;
        count = 0;
    }
}
