package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.classify.BehaviourModel;

class TrainerTest {

    @Test
    void aTinyRunLowersTheLossAndWritesLoadableWeights(@TempDir Path dir) throws Exception {
        List<LabelledScene> scenes = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            scenes.add(SimulatedScenes.labelled(100 + s, 600));
        }
        Trainer.Result result = new Trainer(new Trainer.Config(4, 128, 3e-3f, 1, 0.25, 10, false))
                .train(scenes, dir);
        List<Trainer.Epoch> h = result.history();
        assertEquals(4, h.size());
        assertTrue(h.get(h.size() - 1).trainLoss() < 0.8 * h.get(0).trainLoss(),
                "training loss should fall: " + h);
        Trainer.Epoch best = result.best();
        for (Trainer.Epoch e : h) {
            assertTrue(best.catMacroF1() + best.ratMacroF1() >= e.catMacroF1() + e.ratMacroF1(),
                    "the kept epoch has the best validation macro-F1: " + h);
        }
        assertTrue(Files.size(result.weights()) > 10_000);
        try (BehaviourModel m = BehaviourModel.load(dir)) {
            float[] logits = new float[6];
            m.logits(new float[truce.classify.FeatureEncoder.CHANNELS * truce.classify.BehaviourNet.WINDOW], 1, logits);
            for (float v : logits) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void validationIsSplitByWholeScenes() {
        List<LabelledScene> scenes = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            scenes.add(SimulatedScenes.labelled(s, 30));
        }
        List<List<LabelledScene>> split = Trainer.splitByScene(scenes, 0.2, 5);
        Set<String> train = new HashSet<>();
        split.get(0).forEach(s -> train.add(s.name()));
        assertEquals(8, split.get(0).size());
        assertEquals(2, split.get(1).size());
        split.get(1).forEach(s -> assertTrue(!train.contains(s.name())));
        assertEquals(split.get(1).stream().map(LabelledScene::name).toList(),
                Trainer.splitByScene(scenes, 0.2, 5).get(1).stream().map(LabelledScene::name).toList());
    }

    @Test
    void rareClassesWeighMoreButNotOverwhelmingly() {
        float[] w = Trainer.classWeights(new int[] {900, 80, 20});
        assertTrue(w[2] > w[1] && w[1] > w[0]);
        assertTrue(w[2] / w[0] < 10);
        assertEquals(1000, 900 * w[0] + 80 * w[1] + 20 * w[2], 1);
    }

    @Test
    void labelSmoothingSpreadsAShareOfEachHeadsWeightedTargetAndKeepsMissingHeadsEmpty() {
        float[] catW = {0.5f, 1f, 4f};
        float[] ratW = {1f, 2f, 3f};
        float[] y = new float[2 * 6];
        Trainer.target(y, 1, 2, -1, catW, ratW, 0.3f);
        // the lunge's weight 4: 0.7 of it on the label, 0.3 spread over the three classes
        assertEquals(4 * 0.1f, y[6], 1e-6);
        assertEquals(4 * 0.1f, y[7], 1e-6);
        assertEquals(4 * (0.7f + 0.1f), y[8], 1e-6);
        for (int k = 0; k < 6; k++) {
            assertEquals(0f, y[k], "another window's targets are untouched");
        }
        for (int k = 9; k < 12; k++) {
            assertEquals(0f, y[k], "no rat label: no rat target");
        }
        float[] plain = new float[6];
        Trainer.target(plain, 0, 0, 1, catW, ratW, 0f);
        assertEquals(List.of(0.5f, 0f, 0f, 0f, 2f, 0f), List.of(plain[0], plain[1], plain[2], plain[3], plain[4], plain[5]));
    }

    /**
     * Dropout and the validation share are knobs of a run: a net built with another dropout trains and saves like
     * any other (dropout has no parameter), the share decides how many whole scenes validate, and values that
     * cannot be meant are refused instead of training something else.
     */
    @Test
    void dropoutAndValidationShareAreKnobsOfARun(@TempDir Path dir) throws Exception {
        List<LabelledScene> scenes = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            scenes.add(SimulatedScenes.labelled(200 + s, 300));
        }
        Trainer.Config c = new Trainer.Config(1, 128, 3e-3f, 1, 0.4, 10, false, 0.15f, 0f, 1e-4f, 0f, 0f, 0.6f,
                Trainer.Config.STRAY_RAT_SHARE);
        Trainer.Result r = new Trainer(c).train(scenes, dir);
        assertEquals(2, r.validationScenes().size(), "0.4 of 5 scenes validate");
        assertEquals(3, r.trainScenes().size());
        try (BehaviourModel m = BehaviourModel.load(dir)) {
            assertEquals(truce.classify.FeatureEncoder.CHANNELS, m.channels());
        }
        assertEquals(0.6f, c.withSeed(2).dropout());
        assertEquals(truce.classify.BehaviourNet.DROPOUT,
                new Trainer.Config(1, 128, 3e-3f, 1, 0.2, 10, false).dropout());
        for (float bad : new float[] {-0.1f, 1f, Float.NaN}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Trainer.Config(1, 128, 3e-3f, 1, 0.2, 10, false, 0.15f, 0f, 1e-4f, 0f, 0f, bad,
                            Trainer.Config.STRAY_RAT_SHARE));
            assertThrows(IllegalArgumentException.class, () -> truce.classify.BehaviourNet.build(bad));
        }
        for (double bad : new double[] {0, 1, -0.2, Double.NaN}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Trainer.Config(1, 128, 3e-3f, 1, bad, 10, false));
        }
    }
}
