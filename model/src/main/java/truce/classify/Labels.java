package truce.classify;

import java.util.ArrayList;
import java.util.List;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/**
 * The behaviour labels of one frame. {@code cat} is null when no cat is in view; {@code rat} is null only when
 * no rat has ever been seen. Probabilities are indexed by the enums' ordinals; they are null where the source
 * gives none (replayed labels, or a {@link ModelClassifier} not asked for them).
 */
public record Labels(CatPosture cat, RatState rat, float[] catProbabilities, float[] ratProbabilities) {

    /** Every pair of labels without probabilities, built once: [cat ordinal + 1][rat ordinal + 1], 0 for null. */
    private static final List<List<Labels>> PLAIN = plain();

    /** The labels without probabilities: a shared instance, so the per-frame path allocates none. */
    public static Labels of(CatPosture cat, RatState rat) {
        return PLAIN.get(cat == null ? 0 : cat.ordinal() + 1).get(rat == null ? 0 : rat.ordinal() + 1);
    }

    private static List<List<Labels>> plain() {
        List<List<Labels>> rows = new ArrayList<>();
        for (int c = 0; c <= CatPosture.values().length; c++) {
            List<Labels> row = new ArrayList<>();
            for (int r = 0; r <= RatState.values().length; r++) {
                row.add(new Labels(c == 0 ? null : CatPosture.values()[c - 1], r == 0 ? null : RatState.values()[r - 1],
                        null, null));
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }
}
