package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.footage.Footage;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.samples.playpen.Vec;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;
import truce.samples.scene.ScenePlan;
import truce.samples.script.HandPose;
import truce.samples.script.Pose;
import truce.samples.script.ScriptFrame;
import truce.samples.script.ToyPose;
import truce.source.Natives;

/**
 * A generated scene's script is replayed from the recipe and info written beside it, and it is the drawn scene's
 * (its cat where the truth, measured on the drawn pixels, has it); each frame is named by what the script shows. A
 * video without the recipe, or whose info is not the recipe's scene, has no situations.
 */
class SituationsTest {
    private static final SceneOptions OPTIONS = SceneOptions.defaults().withScenes(1).withSeconds(20).withSize(320, 240)
            .withSeed(20261128);
    private static final double CAT_CM = 40;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    @Test
    void theReplayedScriptIsTheDrawnScenes(@TempDir Path dir) throws Exception {
        Path avi = new SceneGenerator(OPTIONS).generate(dir, n -> { }).get(0);
        ScenePlan plan = Situations.replay(avi).orElseThrow();
        List<FrameRow> truth = FrameCsv.readRows(Footage.beside(avi, ".truth.csv"));
        assertEquals(truth.size(), plan.script().size());
        assertEquals(truth.size(), Situations.of(avi).orElseThrow().size());
        double pxPerCm = OPTIONS.width() / plan.playpen().viewWidthCm();
        List<Double> err = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            FrameRow r = truth.get(i);
            if (r.catVisible()) {
                Pose c = plan.script().get(i).cat();
                err.add(Math.hypot(c.x() * pxPerCm - r.catX(), c.y() * pxPerCm - r.catY()));
            }
        }
        // the truth is the centre of the drawn pixels, tail and head included: a few pixels off the body's centre
        double median = DrawnSceneTrackingTest.median(err);
        assertTrue(median < 4, "script cat " + median + " px from the drawn one (median)");
    }

    @Test
    void eachFrameIsNamedByWhatItsScriptShows() {
        Pose cat = pose(100, 100, 1.0);
        HandPose hand = new HandPose(new Vec(0, 0), new Vec(20, 20), 1);
        ToyPose toy = new ToyPose(new Vec(50, 50), 4, 0, 0, 0);
        assertEquals(Situations.PLAIN, Situations.of(frame(cat, pose(200, 100, 1), null, null, false), CAT_CM));
        assertEquals("contact", Situations.of(frame(cat, pose(120, 100, 1), null, null, false), CAT_CM));
        // a rat in its shelter beside the cat is not in contact with it
        assertEquals(Situations.PLAIN, Situations.of(frame(cat, pose(120, 100, 1), null, null, true), CAT_CM));
        assertEquals("hand+perch+toy+contact",
                Situations.of(frame(pose(100, 100, 1.1), pose(110, 100, 1), hand, toy, false), CAT_CM));
        assertEquals("perch", Situations.of(frame(pose(100, 100, 1.1), pose(300, 100, 1), null, null, false), CAT_CM));
    }

    @Test
    void aVideoThatIsNotTheRecipesSceneHasNoSituations(@TempDir Path dir) throws Exception {
        // the script needs no pictures: the recipe and the info are all that is read
        ObjectMapper json = new ObjectMapper();
        json.writeValue(dir.resolve(SceneOptions.RECIPE_FILE).toFile(), OPTIONS);
        Path avi = dir.resolve("scene-00.avi");
        Path info = Footage.beside(avi, ".info.json");
        json.writeValue(info.toFile(), new SceneGenerator(OPTIONS).plan(0).info());
        assertEquals(OPTIONS.frames(), Situations.of(avi).orElseThrow().size());

        ObjectNode node = (ObjectNode) json.readTree(info.toFile());
        node.put("seed", node.get("seed").asLong() + 1);
        json.writeValue(info.toFile(), node);
        assertEquals(Optional.empty(), Situations.of(avi));

        Files.delete(dir.resolve(SceneOptions.RECIPE_FILE));
        assertEquals(Optional.empty(), Situations.of(avi));
    }

    private static Pose pose(double x, double y, double lift) {
        return new Pose(x, y, 0, 0, 0, 1, 1, 0, 0, 0, 0, lift);
    }

    private static ScriptFrame frame(Pose cat, Pose rat, HandPose hand, ToyPose toy, boolean ratUnderCover) {
        return new ScriptFrame(cat, rat, CatPosture.CALM, RatState.EXPLORING, hand, toy, ratUnderCover);
    }
}
