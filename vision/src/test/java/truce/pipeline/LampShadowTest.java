package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.framecsv.FrameRow;
import truce.samples.scene.Scene;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;
import truce.source.Natives;
import truce.zones.ZoneKind;

/**
 * A grey cat on linoleum-coloured tiles with its cast shadow beside it (generated seed 5150, scene 0, the first 20 s):
 * its coat is evenly darker than the floor, as the shadow is, so the shade rules leave part of the shadow in the
 * cat's position. The scene's shelters throw their shadows the same way as the cat, and the zones file says where
 * they stand: with them, the silhouette eroded along the lamp's throw is the body.
 */
class LampShadowTest {
    private static final SceneOptions OPTIONS = SceneOptions.defaults().withSeed(5150);
    private static final int SCENE = 0;
    private static final int FRAMES = 600;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    @Test
    void theSheltersShowWhichWayTheCatsShadowFalls() {
        SceneGenerator g = new SceneGenerator(OPTIONS);
        FloorMap withCovers = FloorMap.of(g.plan(SCENE).zones());
        FloorMap withoutCovers = new FloorMap(withCovers.viewWidthCm(),
                withCovers.zones().stream().filter(z -> z.kind() != ZoneKind.COVER).toList());
        double with = medianCatError(g, withCovers);
        double without = medianCatError(g, withoutCovers);
        System.out.printf("seed 5150 scene 0, first %d frames: cat median error %.2f px without the shelters' zones, "
                + "%.2f with them%n", FRAMES, without, with);
        assertTrue(with <= without - 0.5 && with <= 2.5, "cat median error " + without + " -> " + with + " px");
    }

    @Test
    void aLiveStreamReadsTheLampFromTheBackgroundItLearns() {
        SceneGenerator g = new SceneGenerator(OPTIONS);
        FloorMap zones = FloorMap.of(g.plan(SCENE).zones());
        List<Mat> seed = seedFrames(g);
        LampDirection.Lamp seeded;
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(zones))) {
            p.seed(seed);
            seeded = p.lamp();
        } finally {
            SeedFrames.release(seed);
        }
        try (Scene s = g.open(SCENE); FrameProcessor p = new FrameProcessor(VisionSettings.of(zones))) {
            // never seeded, as a camera: the detector learns its background over the first seconds
            for (int k = 0; k < FRAMES && s.next(); k++) {
                p.process(s.frame(), s.index(), s.truth().timeMs());
                if (k == 0) {
                    assertNull(p.lamp(), "a lamp read before any background was learnt");
                }
            }
            p.awaitLamp(); // read off the frame thread: its result is taken on a frame after it ends
            LampDirection.Lamp live = p.lamp();
            assertNotNull(seeded, "no lamp read from the seed frames");
            assertNotNull(live, "no lamp read from the learnt background");
            double off = Math.toDegrees(Math.abs(Math.IEEEremainder(
                    Math.atan2(live.uy(), live.ux()) - Math.atan2(seeded.uy(), seeded.ux()), 2 * Math.PI)));
            assertTrue(off < 10, "the live stream's lamp is " + off + " degrees off the seeded one's");
        }
    }

    private static List<Mat> seedFrames(SceneGenerator g) {
        List<Mat> seed = new ArrayList<>();
        try (Scene s = g.open(SCENE)) {
            for (int k = 0; k < FRAMES && s.next(); k++) {
                if (k % 15 == 0) {
                    seed.add(s.frame().clone());
                }
            }
        }
        return seed;
    }

    private static double medianCatError(SceneGenerator g, FloorMap zones) {
        List<Mat> seed = seedFrames(g);
        TrackingScore.Tally t = new TrackingScore.Tally();
        try (Scene s = g.open(SCENE); FrameProcessor p = new FrameProcessor(VisionSettings.of(zones))) {
            p.seed(seed);
            for (int k = 0; k < FRAMES && s.next(); k++) {
                FrameRow truth = s.truth();
                FrameFeatures f = p.process(s.frame(), s.index(), truth.timeMs());
                t.add(truth, f);
            }
        } finally {
            SeedFrames.release(seed);
        }
        return DrawnSceneTrackingTest.median(t.catErr);
    }
}
