package truce.classify.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.BehaviourClassifier;
import truce.classify.Labels;
import truce.classify.ShapeNet;
import truce.classify.training.LabelledScene;
import truce.framecsv.FrameRow;

/**
 * One classifier's scores over labelled scenes, run exactly as live: frame by frame, in order, reset per scene.
 * Frames where the truth has a label but the classifier gave none (or the reverse) are counted apart from the
 * confusion matrix: they are visibility errors, not posture errors.
 */
public final class Evaluation {
    private final String name;
    private final ConfusionMatrix cat = new ConfusionMatrix(CatPosture.values().length);
    private final ConfusionMatrix rat = new ConfusionMatrix(RatState.values().length);
    private final LungeEvents lunges = new LungeEvents();
    private long catMissing;
    private long catSpurious;
    private long ratMissing;
    private long ratSpurious;
    /** Frames after a truth change within which an error counts as lag at the boundary (half a second). */
    public static final int BOUNDARY_FRAMES = 15;
    private final long[] catBoundary = new long[2];
    private final long[] ratBoundary = new long[2];
    private long[] nanos = new long[0];
    private final List<Moment> missed = new ArrayList<>();
    private final List<Moment> falseLunges = new ArrayList<>();

    /** A frame of a scene: where a lunge was missed or a false one began. */
    public record Moment(LabelledScene scene, int frame) {
    }

    /** The onsets of the true lunges this classifier missed, in scene order. */
    public List<Moment> missedLunges() {
        return List.copyOf(missed);
    }

    /** The first frames of its false lunges. */
    public List<Moment> falseLunges() {
        return List.copyOf(falseLunges);
    }
    private int timed;

    private Evaluation(String name) {
        this.name = name;
    }

    /** Runs {@code classifier} over every scene. */
    public static Evaluation run(String name, BehaviourClassifier classifier, List<LabelledScene> scenes) {
        return run(name, classifier, scenes, s -> null, s -> null);
    }

    /**
     * Runs {@code classifier} over every frame of every scene, as live, but scores only the frames
     * {@code counted} marks, and only the lunges whose onset (for a false one: its first frame) {@code
     * countedEvents} marks (null: all of them). E.g. {@link VisionCheck} splits the model's errors from vision's.
     */
    public static Evaluation run(String name, BehaviourClassifier classifier, List<LabelledScene> scenes,
            Function<LabelledScene, boolean[]> counted, Function<LabelledScene, boolean[]> countedEvents) {
        Evaluation e = new Evaluation(name);
        int frames = scenes.stream().mapToInt(LabelledScene::frames).sum();
        e.nanos = new long[frames];
        for (LabelledScene scene : scenes) {
            classifier.reset();
            int n = scene.frames();
            boolean[] truthLunge = new boolean[n];
            boolean[] predLunge = new boolean[n];
            boolean[] truthCalm = new boolean[n];
            double[] time = new double[n];
            int[] catTruth = new int[n];
            int[] catPred = new int[n];
            int[] ratTruth = new int[n];
            int[] ratPred = new int[n];
            boolean[] scored = flags(scene, counted);
            boolean[] scoredEvents = flags(scene, countedEvents);
            for (int t = 0; t < n; t++) {
                long start = System.nanoTime();
                // a scene without readings passes null: the classifier reads no crop
                Labels labels = classifier.classify(scene.features().get(t), scene.shape(), t * ShapeNet.READINGS);
                e.nanos[e.timed++] = System.nanoTime() - start;
                FrameRow truth = scene.truth().get(t);
                if (scored[t]) {
                    e.score(truth, labels);
                }
                truthLunge[t] = truth.catPosture() == CatPosture.LUNGING;
                truthCalm[t] = truth.catPosture() == CatPosture.CALM;
                predLunge[t] = labels.cat() == CatPosture.LUNGING;
                time[t] = truth.timeMs();
                catTruth[t] = truth.catPosture() == null ? -1 : truth.catPosture().ordinal();
                catPred[t] = labels.cat() == null || !scored[t] ? -1 : labels.cat().ordinal();
                ratTruth[t] = truth.ratState() == null ? -1 : truth.ratState().ordinal();
                ratPred[t] = labels.rat() == null || !scored[t] ? -1 : labels.rat().ordinal();
            }
            LungeEvents.SceneEvents events = e.lunges.addScene(truthLunge, predLunge, truthCalm, time,
                    scoredEvents);
            for (int f : events.missedOnsets()) {
                e.missed.add(new Moment(scene, f));
            }
            for (int f : events.falseStarts()) {
                e.falseLunges.add(new Moment(scene, f));
            }
            addBoundary(e.catBoundary, catTruth, catPred, BOUNDARY_FRAMES);
            addBoundary(e.ratBoundary, ratTruth, ratPred, BOUNDARY_FRAMES);
        }
        return e;
    }

    private static boolean[] flags(LabelledScene scene, Function<LabelledScene, boolean[]> which) {
        boolean[] f = which.apply(scene);
        if (f == null) {
            f = new boolean[scene.frames()];
            Arrays.fill(f, true);
        } else if (f.length != scene.frames()) {
            throw new IllegalArgumentException(scene.name() + ": " + f.length + " flags for " + scene.frames()
                    + " frames");
        }
        return f;
    }

    private void score(FrameRow truth, Labels labels) {
        if (truth.catPosture() != null && labels.cat() != null) {
            cat.add(truth.catPosture().ordinal(), labels.cat().ordinal());
        } else if (truth.catPosture() != null) {
            catMissing++;
        } else if (labels.cat() != null) {
            catSpurious++;
        }
        if (truth.ratState() != null && labels.rat() != null) {
            rat.add(truth.ratState().ordinal(), labels.rat().ordinal());
        } else if (truth.ratState() != null) {
            ratMissing++;
        } else if (labels.rat() != null) {
            ratSpurious++;
        }
    }

    /**
     * Adds to {@code counts} the frames both label where they disagree ([0]) and how many of those lie within
     * {@code window} frames after a change of the truth label ([1]): a causal classifier cannot see a change
     * coming, and its features (smoothed shapes, speeds) take a few frames to show it, so those errors are lag
     * at the boundaries rather than confusion. -1 is "no label".
     */
    static void addBoundary(long[] counts, int[] truth, int[] predicted, int window) {
        int sinceChange = Integer.MAX_VALUE / 2;
        for (int t = 0; t < truth.length; t++) {
            if (t > 0 && truth[t] != truth[t - 1]) {
                sinceChange = 0;
            } else {
                sinceChange++;
            }
            if (truth[t] >= 0 && predicted[t] >= 0 && truth[t] != predicted[t]) {
                counts[0]++;
                if (sinceChange < window) {
                    counts[1]++;
                }
            }
        }
    }

    /** Cat frames labelled wrongly, and of those the ones within {@link #BOUNDARY_FRAMES} after a truth change. */
    public long[] catBoundaryErrors() {
        return catBoundary.clone();
    }

    public long[] ratBoundaryErrors() {
        return ratBoundary.clone();
    }

    public String name() {
        return name;
    }

    public ConfusionMatrix cat() {
        return cat;
    }

    public ConfusionMatrix rat() {
        return rat;
    }

    public LungeEvents lunges() {
        return lunges;
    }

    public long catMissing() {
        return catMissing;
    }

    public long catSpurious() {
        return catSpurious;
    }

    public long ratMissing() {
        return ratMissing;
    }

    public long ratSpurious() {
        return ratSpurious;
    }

    /** Calls left out of the timing: JIT compilation and first-touch of native memory, not steady state. */
    public static final int WARM_UP_FRAMES = 300;

    /** Percentile of the per-frame classify time in microseconds, after the warm-up frames. */
    public double classifyMicros(double p) {
        int from = timed > 2 * WARM_UP_FRAMES ? WARM_UP_FRAMES : 0;
        if (timed == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOfRange(nanos, from, timed);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
