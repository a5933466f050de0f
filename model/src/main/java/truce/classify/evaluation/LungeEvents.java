package truce.classify.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lunges as events rather than frames. A true lunge is a run of truth-lunging frames; it is detected when a
 * lunging frame is predicted between {@link #TOLERANCE_FRAMES} frames before its onset and its last frame,
 * and its latency is the media time from onset to the first such frame (0 if the prediction came early).
 * A predicted lunge (a run of predicted lunging frames) that touches no true lunge, give or take the same
 * tolerance, is a false lunge; those that start while the truth says calm also count towards the rate on
 * calm footage.
 */
public final class LungeEvents {
    public static final int TOLERANCE_FRAMES = 3;

    private int lunges;
    private int detected;
    private final List<Double> latenciesMs = new ArrayList<>();
    private final List<Integer> latencyFrames = new ArrayList<>();
    private int falseLunges;
    private int falseLungesInCalm;
    private double footageMs;
    private double calmMs;

    /**
     * Adds one scene: per-frame truth and prediction flags (lunging or not), whether the truth is calm, and the
     * frames' media times.
     */
    public SceneEvents addScene(boolean[] truth, boolean[] predicted, boolean[] truthCalm, double[] timeMs) {
        boolean[] all = new boolean[truth.length];
        Arrays.fill(all, true);
        return addScene(truth, predicted, truthCalm, timeMs, all);
    }

    /**
     * As {@link #addScene(boolean[], boolean[], boolean[], double[])}, counting only the frames {@code counted}
     * marks: a true lunge counts when its onset does, a false one when its first frame does, and the footage
     * and calm minutes are those of the counted frames.
     *
     * @return the onsets of the counted true lunges missed and the first frames of the counted false ones
     */
    public SceneEvents addScene(boolean[] truth, boolean[] predicted, boolean[] truthCalm, double[] timeMs,
            boolean[] counted) {
        int n = truth.length;
        if (predicted.length != n || truthCalm.length != n || timeMs.length != n || counted.length != n) {
            throw new IllegalArgumentException("truth, prediction, calm and time must have one entry per frame");
        }
        List<Integer> missed = new ArrayList<>();
        List<Integer> falseStarts = new ArrayList<>();
        double step = n > 1 ? (timeMs[n - 1] - timeMs[0]) / (n - 1) : 0;
        for (int t = 0; t < n; t++) {
            if (counted[t]) {
                footageMs += step;
                if (truthCalm[t]) {
                    calmMs += step;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            if (truth[t] && (t == 0 || !truth[t - 1]) && counted[t]) {
                int end = t;
                while (end + 1 < n && truth[end + 1]) {
                    end++;
                }
                lunges++;
                boolean found = false;
                for (int p = Math.max(0, t - TOLERANCE_FRAMES); p <= end; p++) {
                    if (predicted[p]) {
                        detected++;
                        latenciesMs.add(Math.max(0, timeMs[p] - timeMs[t]));
                        latencyFrames.add(Math.max(0, p - t));
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    missed.add(t);
                }
            }
            if (predicted[t] && (t == 0 || !predicted[t - 1])) {
                int end = t;
                while (end + 1 < n && predicted[end + 1]) {
                    end++;
                }
                boolean touches = false;
                for (int q = Math.max(0, t - TOLERANCE_FRAMES); q <= Math.min(n - 1, end + TOLERANCE_FRAMES); q++) {
                    touches |= truth[q];
                }
                if (!touches && counted[t]) {
                    falseStarts.add(t);
                    falseLunges++;
                    if (truthCalm[t]) {
                        falseLungesInCalm++;
                    }
                }
            }
        }
        return new SceneEvents(missed.stream().mapToInt(Integer::intValue).toArray(),
                falseStarts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One scene's missed true lunges (their onset frames) and false lunges (their first frames). */
    public record SceneEvents(int[] missedOnsets, int[] falseStarts) {
    }

    public int lunges() {
        return lunges;
    }

    public int detected() {
        return detected;
    }

    /** Share of true lunges detected; NaN when there were none. */
    public double recall() {
        return lunges == 0 ? Double.NaN : (double) detected / lunges;
    }

    /** Median latency of detected lunges in ms; NaN when none was detected. */
    public double medianLatencyMs() {
        return percentile(latenciesMs, 50);
    }

    public double latencyPercentileMs(double p) {
        return percentile(latenciesMs, p);
    }

    /** Largest latency in frames among detected lunges (-1 when none). */
    public int maxLatencyFrames() {
        return latencyFrames.stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    public int falseLunges() {
        return falseLunges;
    }

    public double falseLungesPerMinute() {
        return footageMs == 0 ? Double.NaN : falseLunges / (footageMs / 60000);
    }

    /** False lunges that began while the cat was truly calm, per minute of truly calm footage. */
    public double falseLungesPerCalmMinute() {
        return calmMs == 0 ? Double.NaN : falseLungesInCalm / (calmMs / 60000);
    }

    public double footageMinutes() {
        return footageMs / 60000;
    }

    public double calmMinutes() {
        return calmMs / 60000;
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }
}
