package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

class LostFramesTest {

    @Test
    void dropsOnlyTheLabelOfTheAnimalVisionTracksFarFromTheTruth() {
        LabelledScene scene = SimulatedScenes.labelled(3, 300);
        List<FrameFeatures> features = new ArrayList<>(scene.features());
        // frames 100-109: the cat's track sits two body lengths off (on a ghost); frame 200: the rat's, one third
        for (int t = 100; t < 110; t++) {
            features.set(t, moveCat(features.get(t), 2 * SimulatedScenes.CAT_LEN));
        }
        FrameFeatures f = features.get(200);
        AnimalFeatures r = f.rat();
        features.set(200, new FrameFeatures(f.frame(), f.timeMs(), f.cat(), shift(r, SimulatedScenes.RAT_LEN / 3),
                f.distance(), f.distanceCatLengths(), f.approachSpeed(), f.catFacingAngle(), f.ratInCover()));
        LabelledScene edited = new LabelledScene(scene.name(), scene.truth(), features);

        LabelledScene kept = LostFrames.drop(edited, 1.0, 1.0);
        for (int t = 0; t < scene.frames(); t++) {
            FrameRow before = scene.truth().get(t);
            FrameRow after = kept.truth().get(t);
            if (t >= 100 && t < 110 && before.catPosture() != null) {
                assertNull(after.catPosture(), "frame " + t + ": the cat's label goes where vision tracks a ghost");
            } else {
                assertEquals(before.catPosture(), after.catPosture(), "frame " + t);
            }
            assertEquals(before.ratState(), after.ratState(), "frame " + t + ": a third of a length off is the rat");
        }
        assertSame(kept.features(), edited.features(), "the inputs stay, vision's mistakes and all");
        assertSame(edited, LostFrames.drop(edited, 0, 0), "0 drops nothing");
        assertSame(scene, LostFrames.drop(scene, 1.0, 1.0), "a well-tracked scene is kept as it is");
        LabelledScene ratOnly = LostFrames.drop(edited, 0, 1.0);
        for (int t = 0; t < scene.frames(); t++) {
            assertEquals(scene.truth().get(t), ratOnly.truth().get(t), "frame " + t + ": the cat's labels all stay");
        }
    }

    private static FrameFeatures moveCat(FrameFeatures f, double dx) {
        return new FrameFeatures(f.frame(), f.timeMs(), shift(f.cat(), dx), f.rat(), f.distance(),
                f.distanceCatLengths(), f.approachSpeed(), f.catFacingAngle(), f.ratInCover());
    }

    private static AnimalFeatures shift(AnimalFeatures a, double dx) {
        return new AnimalFeatures(a.visible(), a.x() + dx, a.y(), a.vx(), a.vy(), a.speed(), a.speedBodyLengths(),
                a.acceleration(), a.heading(), a.bodyLength(), a.bodyWidth(), a.elongation(), a.area(),
                a.framesUnseen());
    }
}
