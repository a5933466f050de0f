package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import truce.classify.BehaviourModel;
import truce.classify.ModelClassifier;
import truce.classify.evaluation.Evaluation;
import truce.classify.evaluation.LungeEvents;

/**
 * Chooses the probability at which a lunge is reported at once, on the validation scenes (never the
 * held-out ones): the class weighting that makes lunges learnable also inflates their probability, so 0.5
 * over-reports. The choice maximises the event F1 of lunges (detected versus false). Candidates within
 * {@link #TIE} of the best are a tie the validation scenes cannot resolve (one lunge of forty moves the F1 by
 * about 0.01), and a tie goes to the higher threshold, so long as it flags lunges as early (median latency no
 * later than the best's): each false "lunge" alarm costs the user's trust in the next one (the 2026-11-26
 * candidate's rule of ties-to-lower picked 0.6 from a flat 0.786-0.797 and gave 0.66 false lunges per minute on
 * held-out footage), while a late alarm is a lunge that lands.
 */
public final class LungeThreshold {
    private static final float[] CANDIDATES = {0.5f, 0.6f, 0.7f, 0.8f, 0.85f, 0.9f, 0.95f};

    private LungeThreshold() {
    }

    /** The chosen threshold, and a table of what each candidate scored. */
    public record Choice(float threshold, String table) {
    }

    /** What one candidate threshold scored on the validation scenes. */
    record Row(float threshold, int lunges, int detected, int falseLunges, double medianLatencyMs) {
        double eventF1() {
            return lunges == 0 ? Double.NaN : 2.0 * detected / (lunges + detected + falseLunges);
        }
    }

    /** Event F1 within this of the best is a tie. */
    static final double TIE = 0.005;

    public static Choice choose(BehaviourModel model, List<LabelledScene> validation) {
        StringBuilder table = new StringBuilder("| threshold | lunges | detected | false | event F1 | median latency ms |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        List<Row> rows = new ArrayList<>();
        for (float t : CANDIDATES) {
            model.withLungeThreshold(t);
            LungeEvents e;
            try (ModelClassifier c = new ModelClassifier(model)) {
                e = Evaluation.run("t", c, validation).lunges();
            }
            Row r = new Row(t, e.lunges(), e.detected(), e.falseLunges(), e.medianLatencyMs());
            rows.add(r);
            table.append(String.format(Locale.ROOT, "| %.2f | %d | %d | %d | %.3f | %.0f |%n", r.threshold(),
                    r.lunges(), r.detected(), r.falseLunges(), r.eventF1(), r.medianLatencyMs()));
        }
        float best = pick(rows);
        model.withLungeThreshold(best);
        return new Choice(best, table.toString());
    }

    /**
     * The highest threshold whose event F1 is within {@link #TIE} of the best and whose median latency is no later
     * than the best's; the default when none scored.
     */
    static float pick(List<Row> rows) {
        Row top = null;
        for (Row r : rows) {
            if (!Double.isNaN(r.eventF1()) && (top == null || r.eventF1() > top.eventF1())) {
                top = r;
            }
        }
        if (top == null) {
            return BehaviourModel.DEFAULT_LUNGE_THRESHOLD;
        }
        float best = top.threshold();
        for (Row r : rows) {
            if (r.eventF1() >= top.eventF1() - TIE && r.medianLatencyMs() <= top.medianLatencyMs()
                    && r.threshold() > best) {
                best = r.threshold();
            }
        }
        return best;
    }

    /** Writes the threshold beside the weights, where {@link BehaviourModel#load} reads it, with where it came from. */
    public static void write(Path modelDir, float threshold, String why) throws IOException {
        boolean shape = Files.isRegularFile(modelDir.resolve(truce.classify.ShapeNet.FILE));
        Files.writeString(modelDir.resolve(BehaviourModel.SETTINGS),
                "# " + why + "\nlunge.threshold=" + threshold + "\n"
                        + (shape ? "# the behaviour net reads the shape net's readings of the cat's crop\n"
                        + BehaviourModel.SHAPE_NET + "=true\n" : ""));
    }
}
