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
 * {@code analyze} seeds a file, with the hand, the toy and the camera effects. Prints its figures and asserts
 * what this version reaches; the 3 px for the cat and zero swaps are met on the drawn scene
 * ({@link DrawnSceneTrackingTest}) but not yet on these.
 */
class GeneratedSceneTest {

    /** Share of in-view frames in which the cat must be reported. */
    private static final double CAT_FOUND = 0.9;
    /** Share of in-view frames in which the rat must be reported (measured 0.90-1.0 per scene). */
    private static final double RAT_FOUND = 0.85;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    record Figures(double medianCat, double medianRat, int swaps, int ratSeenWhenVisible, int ratVisible,
                   int hidingOk, int hiding, int frames, int catSeenWhenVisible, int catVisible) {
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
        TrackingScore.Tally t = new TrackingScore.Tally();
        int hidingOk = 0;
        int hiding = 0;
        try (Scene s = g.open(scene); FrameProcessor p = new FrameProcessor(VisionSettings.of(floor))) {
            p.seed(seed);
            while (s.next()) {
                FrameRow truth = s.truth();
                FrameFeatures f = p.process(s.frame(), s.index(), truth.timeMs());
                t.add(truth, f);
                if (truth.ratState() == RatState.HIDING) {
                    hiding++;
                    if (!f.rat().visible() || f.ratInCover()) {
                        hidingOk++;
                    }
                }
            }
        } finally {
            SeedFrames.release(seed);
        }
        Figures fig = new Figures(DrawnSceneTrackingTest.median(t.catErr), DrawnSceneTrackingTest.median(t.ratErr),
                t.swappedFrames, t.ratFound, t.ratInView, hidingOk, hiding, t.frames, t.catFound, t.catInView);
        System.out.printf("generated %s scene %d: median error cat %.2f px, rat %.2f px; swaps %d; rat found in %d/%d "
                        + "frames it is in view, cat in %d/%d; hiding recognised in %d/%d%n",
                options.distractors() ? "full" : "clean", scene, fig.medianCat(), fig.medianRat(), fig.swaps(),
                fig.ratSeenWhenVisible(), fig.ratVisible(), fig.catSeenWhenVisible(), fig.catVisible(), hidingOk, hiding);
        return fig;
    }

    @Test
    void threeFullScenesRatWithinThreePixelsFewSwapsHidingRecognised() {
        SceneOptions o = SceneOptions.defaults().withScenes(3).withSeconds(30).withSeed(1);
        List<Double> rat = new ArrayList<>();
        List<Double> cat = new ArrayList<>();
        int swaps = 0;
        int hidingOk = 0;
        int hiding = 0;
        int frames = 0;
        for (int i = 0; i < 3; i++) {
            Figures f = evaluate(o, i);
            rat.add(f.medianRat());
            cat.add(f.medianCat());
            swaps += f.swaps();
            hidingOk += f.hidingOk();
            hiding += f.hiding();
            frames += f.frames();
            assertTrue(f.ratSeenWhenVisible() >= RAT_FOUND * f.ratVisible(), "scene " + i + " rat found in "
                    + f.ratSeenWhenVisible() + "/" + f.ratVisible());
            assertTrue(f.catSeenWhenVisible() >= CAT_FOUND * f.catVisible(), "scene " + i + " cat found in "
                    + f.catSeenWhenVisible() + "/" + f.catVisible());
        }
        double ratMedian = DrawnSceneTrackingTest.median(rat);
        double catMedian = DrawnSceneTrackingTest.median(cat);
        System.out.printf("generated scenes 0-2: median of per-scene medians: rat %.2f px, cat %.2f px; swapped "
                + "frames %d of %d; hiding %d/%d%n", ratMedian, catMedian, swaps, frames, hidingOk, hiding);
        // Reported centroids are the blob's opening (no tail, leash or shadow), over the fragments merged into
        // it, measured after identities are decided: cat 3.13 px (scenes 3.54, 1.73, 3.13), rat 2.60; with the
        // blob's own centroid cat 4.40 px (5.08, 4.40, 4.00) and rat 2.96, 5.7 px before a light cat's shadow was
        // left out, 10 px before seeded-ghost healing.
        assertTrue(catMedian <= 3.5, "cat median " + catMedian);
        // Rat 2.77 -> 2.83 px when the cat joined by an arm over the edge stopped being lost (scene 0: cat found in
        // 840 -> 900 of 900 frames, rat in 597 -> 607 of 637, rat median 2.77 -> 2.91): the bar is 3 px.
        assertTrue(ratMedian <= 2.9, "rat median " + ratMedian);
        assertTrue(swaps <= 0.001 * frames, "identity swapped in " + swaps + " frames of " + frames);
        assertTrue(hidingOk >= 0.8 * hiding, "hiding " + hidingOk + "/" + hiding);
    }
}
