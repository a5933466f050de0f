package truce.classify.training;

import java.util.ArrayList;
import java.util.List;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/**
 * Augmentation: a scene's twin with the cat removed, the rat left as it was. Real footage often has a rat and
 * no cat (a rodent alone in the pen, or the cat outside the view), and a model that never saw that would guess;
 * the twin teaches it that a rat in plain view with no cat is exploring (or fleeing when it runs), never hiding.
 */
final class CatlessTwin {
    private CatlessTwin() {
    }

    static LabelledScene of(LabelledScene scene) {
        List<FrameRow> truth = new ArrayList<>(scene.frames());
        List<FrameFeatures> features = new ArrayList<>(scene.frames());
        for (int t = 0; t < scene.frames(); t++) {
            FrameRow r = scene.truth().get(t);
            FrameFeatures f = scene.features().get(t);
            truth.add(new FrameRow(r.frame(), r.timeMs(), null, r.ratState(), Double.NaN, Double.NaN,
                    r.ratX(), r.ratY(), false, r.ratVisible()));
            features.add(new FrameFeatures(f.frame(), f.timeMs(), AnimalFeatures.NEVER_SEEN, f.rat(),
                    Double.NaN, Double.NaN, 0, Double.NaN, f.ratInCover()));
        }
        return new LabelledScene(scene.name() + "~catless", truth, features);
    }
}
