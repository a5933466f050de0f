package truce.classify.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.ShapeNet;
import truce.classify.training.LabelledScene;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

class ShapeScoreTest {

    @Test
    void scoresOnlyCropsCutOnTheCat() {
        CatPosture[] truth = {CatPosture.CALM, CatPosture.STALKING, CatPosture.LUNGING, CatPosture.STALKING,
                CatPosture.CALM};
        // per frame: stalking and lunging probabilities read, and how far the track was from the true cat
        float[][] said = {{0.1f, 0.0f}, {0.8f, 0.1f}, {0.6f, 0.3f}, {0.9f, 0.0f}, {0f, 0f}};
        double[] off = {0, 5, 10, 40, 0};
        boolean[] cut = {true, true, true, true, false};
        List<FrameRow> rows = new ArrayList<>();
        List<FrameFeatures> features = new ArrayList<>();
        float[] readings = new float[truth.length * ShapeNet.READINGS];
        for (int t = 0; t < truth.length; t++) {
            rows.add(new FrameRow(t, t * 33.3, truth[t], RatState.EXPLORING, 100, 100, 300, 100, true, true));
            AnimalFeatures cat = new AnimalFeatures(true, 100 + off[t], 100, 0, 0, 0, 0, 0, 0, 60, 20, 3, 900, 0);
            features.add(new FrameFeatures(t, t * 33.3, cat, AnimalFeatures.NEVER_SEEN, 200, 3, 0, 0, false));
            int o = t * ShapeNet.READINGS;
            readings[o] = cut[t] ? 1f : 0f;
            readings[o + 3] = said[t][0];
            readings[o + 4] = said[t][1];
        }
        ShapeScore s = ShapeScore.of(List.of(new LabelledScene("drawn", rows, features, readings)));
        ConfusionMatrix m = s.posture();
        assertEquals(3, m.total(), "the crop 40 px off the cat and the frame not cut are not scored");
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(1, 1));
        assertEquals(1, m.count(2, 1), "a lunge read as stalking");
        assertEquals((1.0 + 2.0 / 3 + 0) / 3, m.macroF1(), 1e-9);
    }
}
