package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import truce.classify.BehaviourModel;
import truce.classify.ModelClassifier;
import truce.classify.evaluation.Evaluation;
import truce.classify.evaluation.LungeEvents;

/**
 * Chooses the probability at which a lunge is reported at once, on the validation scenes (never the
 * held-out ones): the class weighting that makes lunges learnable also inflates their probability, so 0.5
 * over-reports. The choice maximises the event F1 of lunges (detected versus false), ties to the lower
 * threshold (earlier alerts).
 */
public final class LungeThreshold {
    private static final float[] CANDIDATES = {0.5f, 0.6f, 0.7f, 0.8f, 0.85f, 0.9f, 0.95f};

    private LungeThreshold() {
    }

    /** The chosen threshold, and a table of what each candidate scored. */
    public record Choice(float threshold, String table) {
    }

    public static Choice choose(BehaviourModel model, List<LabelledScene> validation) {
        StringBuilder table = new StringBuilder("| threshold | lunges | detected | false | event F1 | median latency ms |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        float best = BehaviourModel.DEFAULT_LUNGE_THRESHOLD;
        double bestF1 = -1;
        for (float t : CANDIDATES) {
            model.withLungeThreshold(t);
            LungeEvents e;
            try (ModelClassifier c = new ModelClassifier(model)) {
                e = Evaluation.run("t", c, validation).lunges();
            }
            double f1 = e.lunges() == 0 ? Double.NaN : 2.0 * e.detected() / (e.lunges() + e.detected() + e.falseLunges());
            table.append(String.format(Locale.ROOT, "| %.2f | %d | %d | %d | %.3f | %.0f |%n", t, e.lunges(),
                    e.detected(), e.falseLunges(), f1, e.medianLatencyMs()));
            if (!Double.isNaN(f1) && f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t;
            }
        }
        model.withLungeThreshold(best);
        return new Choice(best, table.toString());
    }

    /** Writes the choice beside the weights, where {@link BehaviourModel#load} reads it. */
    public static void write(Path modelDir, float threshold) throws IOException {
        Files.writeString(modelDir.resolve(BehaviourModel.SETTINGS),
                "# chosen on the validation scenes by truce train (event F1 of lunges)\nlunge.threshold="
                        + threshold + "\n");
    }
}
