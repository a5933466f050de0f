package truce.classify;

/**
 * Causal hysteresis over one head's per-frame probabilities, so labels do not flicker. The current label
 * holds until another class has won {@code dwell} frames in a row; an urgent class (the lunge, the flight)
 * is taken as soon as its probability has reached {@code urgentEnter} on {@code urgentConfirm} frames in a row
 * (1: on the very first), never by outlasting the dwell. A confirm of 2 costs a frame (33 ms) and drops the false
 * lunges that come from one-frame jumps of a tracked centroid, which a real pounce does not make, but also some
 * real lunges (see {@link BehaviourModel#DEFAULT_LUNGE_CONFIRM}). State is a few ints: no allocation per frame.
 */
public final class LabelSmoother {
    private final int urgent;
    private final float urgentEnter;
    private final int urgentConfirm;
    private final int dwell;
    /** Frames another class must win in a row to end the urgent class (a pounce stops at once). */
    private final int urgentExit;
    private int current = -1;
    private int candidate = -1;
    private int count;
    private int urgentRun;

    /**
     * @param urgent      index of the class taken at once (or -1 for none)
     * @param urgentEnter probability at which the urgent class is taken at once
     * @param dwell       frames in a row another class must win before the label changes
     */
    public LabelSmoother(int urgent, float urgentEnter, int dwell) {
        this(urgent, urgentEnter, 1, dwell);
    }

    /**
     * @param urgentConfirm frames in a row the urgent class must reach {@code urgentEnter} before it is taken
     */
    public LabelSmoother(int urgent, float urgentEnter, int urgentConfirm, int dwell) {
        this(urgent, urgentEnter, urgentConfirm, dwell, dwell);
    }

    /**
     * @param urgentExit frames in a row another class must win to end the urgent class: a lunge or a flight ends
     *                   when it ends, and holding it {@code dwell} frames more marks frames after the burst as lunging
     */
    public LabelSmoother(int urgent, float urgentEnter, int urgentConfirm, int dwell, int urgentExit) {
        if (dwell < 1) {
            throw new IllegalArgumentException("dwell must be >= 1, was " + dwell);
        }
        if (urgentConfirm < 1) {
            throw new IllegalArgumentException("urgentConfirm must be >= 1, was " + urgentConfirm);
        }
        this.urgent = urgent;
        this.urgentEnter = urgentEnter;
        this.urgentConfirm = urgentConfirm;
        this.dwell = dwell;
        if (urgentExit < 1) {
            throw new IllegalArgumentException("urgentExit must be >= 1, was " + urgentExit);
        }
        this.urgentExit = urgentExit;
    }

    /** The smoothed class of this frame given its probabilities. */
    public int step(float[] p) {
        urgentRun = urgent >= 0 && p[urgent] >= urgentEnter ? urgentRun + 1 : 0;
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
            // Taken when sure enough for long enough, never by outlasting the dwell: a weak lunge is no lunge.
            if (p[best] >= urgentEnter && urgentRun >= urgentConfirm) {
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
        if (count >= (current == urgent ? urgentExit : dwell)) {
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
        urgentRun = 0;
    }
}
