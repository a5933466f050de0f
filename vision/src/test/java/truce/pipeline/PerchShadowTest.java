package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.samples.scene.Scene;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;
import truce.source.Natives;
import truce.video.AviWriter;

/**
 * A tabby lying on a raised perch casts its shadow onto the floor below, and the shadow differs from the floor
 * more than the cat differs from the tan perch (generated seed 3141592, scene 6, written and read back as
 * {@code generate} and {@code analyze} do: the cat lies on the perch from 12 s to the end). Most of the blob is
 * "evenly darker" shade and the shadow is its darker part, so neither the attached-shadow rule nor the dark-cat
 * rule left it out: on main the cat's median error over the minute was 52 px, on the shadow's side. The shadow
 * keeps the floor's smoothness and its tile edges show through it; the tabby's stripes are its own.
 */
class PerchShadowTest {
    private static final int SCENE = 6;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    @Test
    void aTabbysShadowBelowItsPerchIsNotPartOfIt(@TempDir Path dir) throws Exception {
        SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSeed(3141592));
        Path avi = dir.resolve("perch.avi");
        try (Scene s = g.open(SCENE);
             AviWriter w = new AviWriter(avi, 640, 480, 30, s.plan().look().jpegQuality())) {
            g.writeScene(s, dir, "perch", w::write, n -> { });
        }
        TrackingScore.Tally t = TrackingScore.score(avi, dir.resolve("perch.truth.csv"), dir.resolve("perch.zones.json"));
        double median = DrawnSceneTrackingTest.median(t.catErr);
        System.out.printf("tabby on its perch: cat median error %.1f px over %d frames%n", median, t.catErr.size());
        // what is left is the tabby's own shading on the perch's edge; the shadow alone put it at 52 px
        assertTrue(median <= 25, "cat median error " + median + " px");
    }
}
