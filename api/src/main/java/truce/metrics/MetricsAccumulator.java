package truce.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.session.Detection;

/**
 * Folds a session's detections, in frame order, into product.md's calm metrics. The same class serves the
 * live figures (fed by the camera loop) and the final ones (fed from the stored detections), so the two agree.
 * Each frame stands for the time since the previous frame; after a gap longer than {@link #MAX_FRAME_GAP_MS}
 * (a stalled camera) the frame stands for nothing, so the gap is not counted as behaviour. Not thread-safe; {@link #snapshot()} is cheap enough to call often.
 */
public final class MetricsAccumulator {
    /** A longer pause between frames is a gap in the stream, left out of every share and breaking every streak. */
    public static final double MAX_FRAME_GAP_MS = 500;
    /** Facing angle within which a calm cat "looks straight at" the rat. */
    public static final double CALM_LOOK_ANGLE_RAD = Math.toRadians(20);
    public static final double CALM_LOOK_MS = 2000;
    static final double CALM_60S_MS = 60_000;
    private static final double HIST_BIN_PX = 0.5;
    private static final int HIST_BINS = 8192;

    /** Told when a calm look reaches 2 s (the moment to reward). */
    public interface CalmLookListener {
        void calmLook(Detection d);
    }

    private final CalmLookListener calmLookListener;
    private double lastTimeMs = Double.NaN;
    private double observedMs;
    private final double[] catMs = new double[CatPosture.values().length + 1];
    private final double[] ratMs = new double[RatState.values().length + 1];
    private double calmMs;
    private double calmRunStart = Double.NaN;
    private double calmRunEnd;
    private Episode longestCalm;
    private Double firstCalm60sStart;
    private final RunTracker stalking = new RunTracker();
    private final RunTracker lunging = new RunTracker();
    private final RunTracker fleeing = new RunTracker();
    private double minDistance = Double.NaN;
    private final long[] distHist = new long[HIST_BINS + 1];
    private double bothVisibleMs;
    private double withinOneMs;
    private double lookRunStart = Double.NaN;
    private boolean lookCounted;
    private final List<Double> calmLookTimes = new ArrayList<>();

    public MetricsAccumulator(CalmLookListener calmLookListener) {
        this.calmLookListener = calmLookListener;
    }

    public MetricsAccumulator() {
        this(d -> { });
    }

    /** Folds in the next frame of the session. */
    public void add(Detection d) {
        double t = d.timeMs();
        boolean gap = !Double.isNaN(lastTimeMs) && t - lastTimeMs > MAX_FRAME_GAP_MS;
        double dt = Double.isNaN(lastTimeMs) || gap ? 0 : Math.max(0, t - lastTimeMs);
        lastTimeMs = t;
        observedMs += dt;
        catMs[d.cat() == null ? CatPosture.values().length : d.cat().ordinal()] += dt;
        ratMs[d.rat() == null ? RatState.values().length : d.rat().ordinal()] += dt;

        boolean calm = d.bothVisible() && d.cat() == CatPosture.CALM && d.rat() == RatState.EXPLORING;
        if (calm) {
            calmMs += dt;
        }
        if (gap) {
            closeCalmRun();
        }
        if (calm) {
            if (Double.isNaN(calmRunStart)) {
                calmRunStart = t;
            }
            calmRunEnd = t;
            if (firstCalm60sStart == null && calmRunEnd - calmRunStart >= CALM_60S_MS) {
                firstCalm60sStart = calmRunStart;
            }
        } else {
            closeCalmRun();
        }

        stalking.step(d.cat() == CatPosture.STALKING, t);
        lunging.step(d.cat() == CatPosture.LUNGING, t);
        fleeing.step(d.rat() == RatState.FLEEING, t);

        if (d.bothVisible() && !Float.isNaN(d.distance())) {
            double dist = d.distance();
            if (Double.isNaN(minDistance) || dist < minDistance) {
                minDistance = dist;
            }
            int bin = (int) Math.min(HIST_BINS, Math.max(0, Math.round(dist / HIST_BIN_PX)));
            distHist[bin] += Math.max(1, Math.round(dt * 10)); // weight by time; the first frame counts a little
            bothVisibleMs += dt;
            if (d.distanceCatLengths() <= 1.0) {
                withinOneMs += dt;
            }
        }

        boolean looking = d.bothVisible() && d.cat() == CatPosture.CALM && d.facing() <= CALM_LOOK_ANGLE_RAD;
        if (looking && !gap) {
            if (Double.isNaN(lookRunStart)) {
                lookRunStart = t;
                lookCounted = false;
            }
            if (!lookCounted && t - lookRunStart >= CALM_LOOK_MS) {
                lookCounted = true;
                calmLookTimes.add(t);
                calmLookListener.calmLook(d);
            }
        } else {
            lookRunStart = looking ? t : Double.NaN;
            lookCounted = false;
        }
    }

    private void closeCalmRun() {
        if (!Double.isNaN(calmRunStart)) {
            if (longestCalm == null || calmRunEnd - calmRunStart > longestCalm.endMs() - longestCalm.startMs()) {
                longestCalm = new Episode(calmRunStart, calmRunEnd);
            }
            calmRunStart = Double.NaN;
        }
    }

    /** The longest calm streak so far, counting the one in progress. */
    public Episode longestCalmStreak() {
        Episode best = longestCalm;
        if (!Double.isNaN(calmRunStart) && (best == null || calmRunEnd - calmRunStart > best.endMs() - best.startMs())) {
            best = new Episode(calmRunStart, calmRunEnd);
        }
        return best;
    }

    public double calmShare() {
        return observedMs > 0 ? calmMs / observedMs : 0;
    }

    public CalmMetrics snapshot() {
        Map<String, Double> catS = new LinkedHashMap<>();
        Map<String, Double> catShare = new LinkedHashMap<>();
        for (CatPosture p : CatPosture.values()) {
            put(catS, catShare, p.label(), catMs[p.ordinal()]);
        }
        put(catS, catShare, "not_visible", catMs[CatPosture.values().length]);
        Map<String, Double> ratS = new LinkedHashMap<>();
        Map<String, Double> ratShare = new LinkedHashMap<>();
        for (RatState r : RatState.values()) {
            put(ratS, ratShare, r.label(), ratMs[r.ordinal()]);
        }
        put(ratS, ratShare, "none", ratMs[RatState.values().length]);

        Episode longest = longestCalmStreak();
        List<Episode> stalks = stalking.episodes();
        List<Episode> lunges = lunging.episodes();
        List<Episode> flights = fleeing.episodes();
        double within = bothVisibleMs > 0 ? withinOneMs / bothVisibleMs : 0;
        double share = calmShare();
        return new CalmMetrics(
                round(observedMs / 1000.0), catS, catShare, ratS, ratShare, round4(share),
                longest, firstCalm60sStart == null ? null : round(firstCalm60sStart / 1000.0),
                stalks.size(), stalks, lunges.size(), lunges, flights.size(), flights,
                Double.isNaN(minDistance) ? null : round(minDistance), medianDistance(), round4(within),
                calmLookTimes.size(), List.copyOf(calmLookTimes),
                calmScore(share, longest == null ? 0 : longest.seconds(), stalks.size(), lunges.size(),
                        flights.size(), calmLookTimes.size(), observedMs / 1000.0));
    }

    /**
     * The calm score, 0-100: one number for "how calm was this session", comparable across sessions.
     * <pre>
     *   base      = 70 * calmShare                          (most of the score: time calm together)
     *             + 20 * min(1, longestCalmStreak / 120 s)  (a sustained calm stretch, full marks at 2 min)
     *             + 10 * min(1, calmLooks / 3)              (calm looks at the rat: the behaviour to reward)
     *   penalties = 25 per lunge + 8 per stalking episode + 5 per flight, scaled to a 10-minute session
     *               (count * 600 s / max(observed, 600 s)), so a long session is not punished for its length
     *   score     = round(clamp(base - penalties, 0, 100))
     * </pre>
     * A session with no observed time scores 0.
     */
    public static int calmScore(double calmShare, double longestCalmS, int stalks, int lunges, int flights,
                                int calmLooks, double observedS) {
        if (observedS <= 0) {
            return 0;
        }
        double base = 70 * calmShare + 20 * Math.min(1, longestCalmS / 120.0) + 10 * Math.min(1, calmLooks / 3.0);
        double scale = 600.0 / Math.max(observedS, 600.0);
        double penalties = (25.0 * lunges + 8.0 * stalks + 5.0 * flights) * scale;
        return (int) Math.round(Math.max(0, Math.min(100, base - penalties)));
    }

    private Double medianDistance() {
        long total = 0;
        for (long c : distHist) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        long half = (total + 1) / 2;
        long acc = 0;
        for (int i = 0; i < distHist.length; i++) {
            acc += distHist[i];
            if (acc >= half) {
                return i * HIST_BIN_PX;
            }
        }
        return HIST_BINS * HIST_BIN_PX;
    }

    private void put(Map<String, Double> secs, Map<String, Double> shares, String key, double ms) {
        secs.put(key, round(ms / 1000.0));
        shares.put(key, round4(observedMs > 0 ? ms / observedMs : 0));
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    /** Contiguous runs of one state; a run is an episode from its first to its last frame. */
    private static final class RunTracker {
        private final List<Episode> done = new ArrayList<>();
        private double start = Double.NaN;
        private double last;

        void step(boolean on, double t) {
            if (on) {
                if (Double.isNaN(start)) {
                    start = t;
                }
                last = t;
            } else if (!Double.isNaN(start)) {
                done.add(new Episode(start, last));
                start = Double.NaN;
            }
        }

        List<Episode> episodes() {
            if (Double.isNaN(start)) {
                return List.copyOf(done);
            }
            List<Episode> all = new ArrayList<>(done);
            all.add(new Episode(start, last));
            return all;
        }
    }
}
