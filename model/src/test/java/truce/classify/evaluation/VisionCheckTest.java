package truce.classify.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.BehaviourClassifier;
import truce.classify.Labels;
import truce.classify.training.LabelledScene;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

class VisionCheckTest {

    private static AnimalFeatures seen(double x, double y) {
        return new AnimalFeatures(true, x, y, 0, 0, 0, 0, 0, 0, 40, 20, 2, 600, 0);
    }

    private static AnimalFeatures unseen(double x, double y) {
        return new AnimalFeatures(false, x, y, 0, 0, 0, 0, 0, 0, 40, 20, 2, 600, 5);
    }

    private static FrameFeatures frame(int t, AnimalFeatures cat, AnimalFeatures rat) {
        return new FrameFeatures(t, t * 100.0, cat, rat, Double.NaN, Double.NaN, 0, 0, !rat.visible());
    }

    private static FrameFeatures outOfCover(int t, AnimalFeatures cat, AnimalFeatures rat) {
        return new FrameFeatures(t, t * 100.0, cat, rat, Double.NaN, Double.NaN, 0, 0, false);
    }

    /** Truth: cat calm at (100, 100); the rat exploring at (300, 100), or hiding out of view. */
    private static FrameRow truth(int t, CatPosture cat, boolean ratHidden) {
        return ratHidden
                ? new FrameRow(t, t * 100.0, cat, RatState.HIDING, 100, 100, Double.NaN, Double.NaN, true, false)
                : new FrameRow(t, t * 100.0, cat, RatState.EXPLORING, 100, 100, 300, 100, true, true);
    }

    @Test
    void anAnimalIsRightWithin20PxOrOutOfViewWithTheTruth() {
        List<FrameRow> truth = List.of(truth(0, CatPosture.CALM, false), truth(1, CatPosture.CALM, false),
                truth(2, CatPosture.CALM, true), truth(3, CatPosture.CALM, true), truth(4, CatPosture.CALM, false),
                truth(5, CatPosture.CALM, true));
        List<FrameFeatures> seen = List.of(
                frame(0, seen(112, 116), seen(300, 100)), // cat 20 px off: right
                frame(1, seen(121, 100), seen(300, 100)), // cat 21 px off: wrong
                frame(2, seen(100, 100), unseen(300, 100)), // the hidden rat not reported: right
                frame(3, seen(100, 100), seen(300, 100)), // the rat reported in view while hidden: wrong
                frame(4, seen(100, 100), unseen(300, 100)), // the rat in view, vision lost it: wrong
                outOfCover(5, seen(100, 100), unseen(300, 100))); // hidden, but vision says not in cover: wrong
        LabelledScene scene = new LabelledScene("s", truth, seen);
        assertArrayEquals(new boolean[] {true, false, true, false, false, false}, VisionCheck.right(scene));
        assertEquals(Double.POSITIVE_INFINITY, VisionCheck.ratError(seen.get(3), truth.get(3)));
        assertArrayEquals(new boolean[] {false, false, false, true, true, true},
                VisionCheck.rightAround(new boolean[] {true, false, true, true, true, true}, 1));
    }

    @Test
    void scoringOnlyTheFramesVisionGotRightLeavesTheOthersOut() {
        // The classifier always says calm; truth is stalking on the frames vision got wrong, calm elsewhere.
        List<FrameRow> truth = new ArrayList<>();
        List<FrameFeatures> seen = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            boolean wrong = t >= 10;
            truth.add(truth(t, wrong ? CatPosture.STALKING : CatPosture.CALM, false));
            seen.add(frame(t, seen(wrong ? 160 : 100, 100), seen(300, 100)));
        }
        LabelledScene scene = new LabelledScene("s", truth, seen);
        BehaviourClassifier calm = new BehaviourClassifier() {
            @Override
            public Labels classify(FrameFeatures frame) {
                return Labels.of(CatPosture.CALM, RatState.EXPLORING);
            }

            @Override
            public void reset() {
            }
        };
        Evaluation right = Evaluation.run("right", calm, List.of(scene), VisionCheck::right, s -> null);
        assertEquals(10, right.cat().count(0, 0));
        assertEquals(0, right.cat().count(1, 0), "the stalking frames vision got wrong are not scored");
        assertEquals(0, right.catBoundaryErrors()[0]);
        Evaluation all = Evaluation.run("all", calm, List.of(scene));
        assertEquals(10, all.cat().count(1, 0));
    }
}
