package truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import truce.framecsv.FrameCsv;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;

/** train, evaluate and analyze through the command line, on a few seconds of generated footage. */
class ModelCommandsTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        new SceneGenerator(SceneOptions.defaults().withScenes(3).withSeconds(4).withSize(320, 240).withSeed(5))
                .generate(data, n -> { });
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Truce.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void trainWritesWeightsAndACardAndEvaluateRefusesTheTrainingScenes(@TempDir Path model) throws Exception {
        String[] r = run("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "2",
                "--features", "truth");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(model.resolve("behaviour.params")) > 10_000);
        String card = Files.readString(model.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("truce train --data"), card);
        assertTrue(card.contains("`truce generate --out " + data + " --scenes 3 --seconds 4 --seed 5 --width 320 --height 240`"),
                "the card names the command that regenerates its data: " + card);
        assertTrue(card.contains("| 2 |") || card.contains("| 2 (best) |"), card);
        assertTrue(card.contains("2 nets on the same split"), "the recipe's ensemble (two nets) is the default: " + card);
        assertEquals(3, Files.readAllLines(model.resolve("training-scenes.txt")).size());
        assertTrue(Files.readString(model.resolve("behaviour.properties")).contains("chosen on the validation scenes"));

        String[] e = run("evaluate", "--data", data.toString(), "--model", model.toString(), "--features", "truth");
        assertEquals("1", e[0]);
        assertTrue(e[2].contains("used in training"), e[2]);
    }

    @Test
    void scriptTwinsAddEachTrainingScenesPerfectVisionTwinButNeverAValidationScenes(@TempDir Path model)
            throws Exception {
        String[] r = run("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
                "--features", "truth", "--script-twins", "--label-smoothing", "0.1", "--lunge-threshold", "0.9");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("2 perfect-vision twins"), r[2]);
        String card = Files.readString(model.resolve("MODEL_CARD.md"));
        String train = card.lines().filter(l -> l.startsWith("- Train scenes")).findFirst().orElseThrow();
        String val = card.lines().filter(l -> l.startsWith("- Validation scenes")).findFirst().orElseThrow();
        assertEquals(2, train.split("~script", -1).length - 1, train);
        assertFalse(val.contains("~script"), val);
        assertTrue(card.contains("label smoothing 0.1"), card);
        // the threshold given ships, and the card says what the validation scenes would have chosen
        assertTrue(Files.readString(model.resolve("behaviour.properties")).contains("lunge.threshold=0.9\n"));
        assertTrue(card.contains("lunge threshold 0.9 (given; these scenes chose "), card);
        assertEquals("1", run("train", "--data", data.toString(), "--out", model.toString(), "--features", "truth",
                "--lunge-threshold", "2")[0], "a threshold outside 0.5-1 is refused");
        String[] bad = run("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
                "--features", "truth", "--label-smoothing", "1");
        assertEquals("1", bad[0]);
        assertTrue(bad[2].contains("label smoothing"), bad[2]);
    }

    @Test
    void perfectVisionFeaturesReplayTheGeneratorsScriptFrameForFrame() {
        // ScriptFeatures refuses a scene whose replayed labels differ from its truth CSV in any frame
        String[] e = run("evaluate", "--data", data.toString(), "--features", "script", "--no-baseline");
        assertEquals("0", e[0], e[2]);
        assertTrue(e[1].contains("macro-F1"), e[1]);
    }

    @Test
    void serveAndAnalyzeTakeAModelDirectoryAndRefuseOneWithoutWeights(@TempDir Path empty) {
        String[] s = run("serve", "--model", empty.toString(), "--data", empty.resolve("svc").toString(), "--port", "0");
        assertEquals("1", s[0], s[2]);
        assertTrue(s[2].contains("no weights at"), s[2]);
        assertFalse(Files.exists(empty.resolve("svc")), "the service must not start on a bad model");
        String[] a = run("analyze", data.resolve("scene-00.avi").toString(), "--model", empty.toString(),
                "--csv", empty.resolve("out.csv").toString(), "--no-progress");
        assertEquals("1", a[0], a[2]);
        assertTrue(a[2].contains("no weights at"), a[2]);
    }

    @Test
    void evaluatePrintsModelAndBaselineSideBySide() {
        String[] e = run("evaluate", "--data", data.toString(), "--features", "truth");
        assertEquals("0", e[0], e[2]);
        assertTrue(e[1].contains("model P / R / F1") && e[1].contains("baseline P / R / F1"), e[1]);
        assertTrue(e[1].contains("macro-F1") && e[1].contains("false lunges / min"), e[1]);
    }

    @Test
    void analyzeLabelsWithTheModelUnlessToldToUseTheBaseline(@TempDir Path out) throws Exception {
        Path video = data.resolve("scene-00.avi");
        Path csv = out.resolve("model.csv");
        String[] r = run("analyze", video.toString(), "--csv", csv.toString(), "--no-progress");
        assertEquals("0", r[0], r[2]);
        List<FrameCsv.Read> rows = FrameCsv.readAll(csv);
        assertEquals(FrameCsv.readRows(data.resolve("scene-00.truth.csv")).size(), rows.size());
        int labelled = 0;
        int withState = 0;
        for (FrameCsv.Read row : rows) {
            if (row.row().ratState() != null) {
                withState++;
            }
            String p = row.extras().get("rat_p_exploring");
            if (p != null && !p.isEmpty()) {
                double sum = Double.parseDouble(p) + Double.parseDouble(row.extras().get("rat_p_hiding"))
                        + Double.parseDouble(row.extras().get("rat_p_fleeing"));
                assertEquals(1.0, sum, 0.11, "the model's rat probabilities (one decimal each) sum to 1");
                labelled++;
            }
        }
        assertTrue(labelled > 0, "the rat was seen and labelled");
        assertEquals(withState, labelled, "every labelled frame carries the model's probabilities");

        Path base = out.resolve("baseline.csv");
        assertEquals("0", run("analyze", video.toString(), "--csv", base.toString(), "--no-progress", "--baseline")[0]);
        assertEquals(rows.size(), FrameCsv.readRows(base).size());
    }

    /**
     * bench-model splits the model's time into the shape reading and the rest, both inside the model's own per-frame
     * figure, and times the nets back to back for comparison.
     */
    @Test
    void benchModelSplitsTheModelsTimeIntoItsParts() {
        String[] r = run("bench-model", data.resolve("scene-00.avi").toString(), "--warm-up", "20");
        assertEquals("0", r[0], r[2]);
        java.util.regex.Matcher model = java.util.regex.Pattern.compile(
                "behaviour model +[\\d.]+ +[\\d.]+ +[\\d.]+ +([\\d.]+) +([\\d.]+)").matcher(r[1]);
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile(
                "shape reading \\(crop, shape net\\) (\\d+) / (\\d+) us, window, behaviour net and smoothing (\\d+) /"
                + " (\\d+) us").matcher(r[1]);
        assertTrue(model.find() && parts.find(), r[1]);
        double modelP50 = Double.parseDouble(model.group(1));
        double modelP99 = Double.parseDouble(model.group(2));
        int shape = Integer.parseInt(parts.group(1));
        int rest = Integer.parseInt(parts.group(3));
        assertTrue(shape >= 0 && rest > 0, r[1]);
        // every frame's parts are inside that frame's model time, so no percentile of a part exceeds the model's
        // (but for the rounding of whole microseconds)
        assertTrue(shape <= modelP50 + 1 && rest <= modelP50 + 1, "each part is inside the model's time: " + r[1]);
        assertTrue(Integer.parseInt(parts.group(2)) <= modelP99 + 1 && Integer.parseInt(parts.group(4)) <= modelP99 + 1,
                "each part's p99 is inside the model's: " + r[1]);
        assertTrue(r[1].matches("(?s).*back to back on a fixed input, cpu p50: behaviour net \\(\\d+ fused, one step\\)"
                + " \\d+ us, shape net \\d+ us.*"), r[1]);
    }
}
