package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import truce.behaviour.RatState;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.framecsv.FrameRow;
import truce.samples.scene.Scene;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;
import truce.source.Natives;

/**
 * The pipeline on the samples' generated playpen (truth measured on the drawn pixels), seeded the way
 * {@code analyze} seeds a file. Prints its figures; asserts what this version achieves on a clean scene
 * (no hand, toy or camera effects). The cat figures on the harder scenes are reported, not yet met: see the
 * vision notes.
 */
class GeneratedSceneTest {

    @BeforeAll
    static void load() {
        Natives.load();
    }

    record Figures(double medianCat, double medianRat, int swaps, int ratSeenWhenVisible, int ratVisible,
                   int hidingOk, int hiding, int frames) {
    }

    static Figures evaluate(SceneOptions options, int scene) {
        SceneGenerator g = new SceneGenerator(options);
        FloorMap floor = FloorMap.of(g.plan(scene).zones());
        List<Mat> seed = new ArrayList<>();
        int every = Math.max(1, options.frames() / 40);
        try (Scene s = g.open(scene)) {
            for (int k = 0; s.next(); k++) {
                if (k % every == 0) {
                    seed.add(s.frame().clone());
                }
            }
        }
        List<Double> ce = new ArrayList<>();
        List<Double> re = new ArrayList<>();
        int swaps = 0;
        int ratSeen = 0;
        int ratVisible = 0;
        int hidingOk = 0;
        int hiding = 0;
        int frames = 0;
        try (Scene s = g.open(scene); FrameProcessor p = new FrameProcessor(VisionSettings.of(floor))) {
            p.seed(seed);
            while (s.next()) {
                FrameRow t = s.truth();
                FrameFeatures f = p.process(s.frame(), s.index(), t.timeMs());
                frames++;
                boolean cv = f.cat().visible();
                boolean rv = f.rat().visible();
                if (t.catVisible() && cv) {
                    ce.add(Math.hypot(f.cat().x() - t.catX(), f.cat().y() - t.catY()));
                }
                if (t.ratVisible()) {
                    ratVisible++;
                    if (rv) {
                        ratSeen++;
                        re.add(Math.hypot(f.rat().x() - t.ratX(), f.rat().y() - t.ratY()));
                    }
                }
                if (t.catVisible() && cv && t.ratVisible() && rv) {
                    double straight = Math.hypot(f.cat().x() - t.catX(), f.cat().y() - t.catY())
                            + Math.hypot(f.rat().x() - t.ratX(), f.rat().y() - t.ratY());
                    double crossed = Math.hypot(f.cat().x() - t.ratX(), f.cat().y() - t.ratY())
                            + Math.hypot(f.rat().x() - t.catX(), f.rat().y() - t.catY());
                    if (crossed < straight) {
                        swaps++;
                    }
                }
                if (t.ratState() == RatState.HIDING) {
                    hiding++;
                    if (!rv || f.ratInCover()) {
                        hidingOk++;
                    }
                }
            }
        } finally {
            SeedFrames.release(seed);
        }
        Figures fig = new Figures(DrawnSceneTrackingTest.median(ce), DrawnSceneTrackingTest.median(re), swaps,
                ratSeen, ratVisible, hidingOk, hiding, frames);
        System.out.printf("generated %s scene %d: median error cat %.2f px, rat %.2f px; swaps %d; rat found in %d/%d "
                        + "frames it is in view; hiding recognised in %d/%d%n", options.distractors() ? "full" : "clean",
                scene, fig.medianCat(), fig.medianRat(), swaps, ratSeen, ratVisible, hidingOk, hiding);
        return fig;
    }

    @Test
    void cleanSceneRatWithinThreePixelsNoSwapAndHidingRecognised() {
        Figures f = evaluate(SceneOptions.defaults().withDistractors(false).withCamera(false)
                .withScenes(2).withSeconds(30).withSeed(1), 1);
        assertTrue(f.medianRat() <= 3, "median rat error " + f.medianRat());
        assertEquals(0, f.swaps(), "identity swaps");
        assertTrue(f.ratSeenWhenVisible() >= 0.97 * f.ratVisible(), f.ratSeenWhenVisible() + "/" + f.ratVisible());
        assertTrue(f.hiding() > 0 && f.hidingOk() >= 0.6 * f.hiding(), "hiding " + f.hidingOk() + "/" + f.hiding());
        // the cat is found but its centroid is biased by a coat close to the floor's (reported, not yet 3 px)
        assertTrue(f.medianCat() <= 10, "median cat error " + f.medianCat());
    }
}
