package truce.samples.scene;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.opencv.core.Mat;
import truce.framecsv.FrameCsv;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.PlaypenFactory;
import truce.samples.render.CatCoat;
import truce.samples.render.FloorKind;
import truce.samples.render.Look;
import truce.samples.render.RatCoat;
import truce.samples.script.Choreography;
import truce.samples.script.Director;
import truce.samples.script.ScriptFrame;
import truce.video.AviWriter;
import truce.video.Mp4Writer;

/**
 * Generates synthetic playpen footage with exact truth: for each scene {@code DIR/<scene>.avi} (MJPG, 30 fps),
 * {@code DIR/<scene>.truth.csv} (the per-frame CSV contract), {@code DIR/<scene>.zones.json} and
 * {@code DIR/<scene>.info.json}, and the options in {@code DIR/generate.json}. Everything follows from the options' seed: the same options give byte-identical
 * truth and frames. The public API for other modules' tests:
 * <pre>
 * SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withScenes(2).withSeconds(5).withSize(320, 240));
 * g.generate(dir, n -> {});                  // files
 * try (Scene s = g.open(0)) { ... }          // frames in process
 * </pre>
 */
public final class SceneGenerator {
    /** The seed of the committed demo clip. */
    public static final long DEMO_SEED = 20261123L;
    /** File name stem of the demo clip. */
    public static final String DEMO_NAME = "session";

    private final SceneOptions options;

    public SceneGenerator(SceneOptions options) {
        this.options = options;
        nu.pattern.OpenCV.loadLocally();
    }

    /** The options of the demo clip: one 2-minute scene at 640x480, no barrier (stage 5), hand, toy and camera. */
    public static SceneOptions demoOptions() {
        return new SceneOptions(1, 120, DEMO_SEED, 640, 480, 30, BarrierMode.NONE, true, true, 4);
    }

    public SceneOptions options() {
        return options;
    }

    /** The name of scene i: scene-00, scene-01, ... */
    public String name(int i) {
        int digits = Math.max(2, String.valueOf(options.scenes() - 1).length());
        return "scene-" + String.format("%0" + digits + "d", i);
    }

    private long sceneSeed(int i) {
        // SplitMix-style mixing so neighbouring seeds and indices give unrelated scenes
        long z = options.seed() * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Decides scene i: layout, look, sizes and script (no drawing). */
    public ScenePlan plan(int i) {
        if (i < 0 || i >= options.scenes()) {
            throw new IndexOutOfBoundsException("scene " + i + " of " + options.scenes());
        }
        // A scene whose encounters all failed (a cramped pen, a rat that never left cover) is drawn again from a
        // derived seed, so every scene of 20 s or more has the lunges and flights it was asked for.
        ScenePlan plan = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                plan = plan(i, sceneSeed(i) + attempt * 0x632BE59BD9B4E019L);
            } catch (IllegalStateException cramped) {
                continue; // no playpen layout fits this camera height and these animals: draw again
            }
            if (options.seconds() < 20 || (count(plan, true) >= options.minLunges() && count(plan, false) >= options.minLunges())) {
                return plan;
            }
        }
        if (plan == null) {
            throw new IllegalStateException("could not lay out scene " + i + " (frame " + options.width() + "x" + options.height() + ")");
        }
        return plan;
    }

    /**
     * The script of a scene already written, replayed from what its info file records (the plan's own seed, its
     * index, frames, fps, size and barrier): the exact poses behind its truth, for measuring what a model could do
     * with perfect vision. Assumes the scene was generated with distractors on (the generate command's default)
     * and {@code minLunges} planned lunges (2 there, 4 for the demo); the caller should check the replayed labels
     * against the truth CSV.
     */
    public static ScenePlan replay(SceneInfo info, int minLunges) {
        SceneOptions o = new SceneOptions(info.index() + 1, info.frames() / info.fps(), 0, info.width(), info.height(),
                info.fps(), info.barrier() ? BarrierMode.ALL : BarrierMode.NONE, true, true, minLunges);
        return new SceneGenerator(o).plan(info.index(), info.seed());
    }

    /** Episodes of lunging (cat) or fleeing (rat) in a plan's script. */
    static int count(ScenePlan plan, boolean lunges) {
        int n = 0;
        boolean prev = false;
        for (ScriptFrame f : plan.script()) {
            boolean on = lunges ? f.catPosture() == truce.behaviour.CatPosture.LUNGING : f.ratState() == truce.behaviour.RatState.FLEEING;
            if (on && !prev) {
                n++;
            }
            prev = on;
        }
        return n;
    }

    private ScenePlan plan(int i, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        // Coats and floors cycle through the scenes from a seed-given start, so any five scenes in a row show every
        // cat coat, any four every rat coat, and the rest of the look is random.
        long mix = sceneSeed(-1);
        CatCoat catCoat = CatCoat.values()[(int) Math.floorMod(mix + i, (long) CatCoat.values().length)];
        RatCoat ratCoat = RatCoat.values()[(int) Math.floorMod((mix >>> 16) + i, (long) RatCoat.values().length)];
        FloorKind floor = FloorKind.values()[(int) Math.floorMod((mix >>> 32) + 2L * i, (long) FloorKind.values().length)];
        Look look = Look.random(rng.split(), options.seconds(), catCoat, ratCoat, floor);
        if (!options.camera()) {
            look = new Look(look.catCoat(), look.cat(), look.ratCoat(), look.rat(), look.floor(), look.floorColour(),
                    look.roomColour(), look.wallColour(), look.meshWall(), look.coverColours(), look.perchColour(),
                    look.skin(), look.sleeve(), look.toyColour(), look.toyStripe(), look.harness(), 1.0, 0, 1, 0,
                    new double[0], new double[0], new org.opencv.core.Scalar[0], 0, 95, look.shadowX(), look.shadowY(),
                    look.vignette(), look.glare(), look.textureSeed());
        }
        double aspect = options.height() / (double) options.width();
        // camera height: the picture spans 1.2 to 2.6 m of floor
        double viewW = 120 + 140 * rng.nextDouble();
        boolean barrierScene = switch (options.barrier()) {
            case ALL -> true;
            case NONE -> false;
            case SOME -> i % 5 == 1 || i % 5 == 3;
        };
        if (barrierScene) {
            // two sides of a pen need a wider view
            viewW = Math.max(viewW, 165 + 95 * rng.nextDouble());
        }
        double catLen = 32 + 22 * rng.nextDouble();
        double ratLen = 16 + 11 * rng.nextDouble();
        boolean barrier = barrierScene;
        Playpen pen = PlaypenFactory.random(rng.split(), viewW, viewW * aspect, barrier, catLen, ratLen);
        Director director = Director.spread(rng.split(), options.seconds(), options.minLunges());
        int hands = options.distractors() ? rng.nextInt(3) + (options.seconds() >= 60 ? 1 : 0) : 0;
        boolean toy = options.distractors() && rng.nextDouble() < 0.6;
        List<ScriptFrame> script = Choreography.run(pen, new Choreography.Cast(catLen, ratLen, hands, toy), director,
                rng.split(), options.frames(), options.fps());
        SceneInfo info = new SceneInfo(name(i), i, seed, options.frames(), options.fps(), options.width(),
                options.height(), round1(viewW), round1(catLen), round1(ratLen), look.catCoat(), look.ratCoat(), look.floor(),
                barrier, barrier ? 3 : 5, pen.covers().size(), hands, toy, look.jpegQuality(), round1(look.noiseSigma()),
                look.lampTimes().length);
        return new ScenePlan(info, pen, look, catLen, ratLen, script);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Opens scene i for rendering frame by frame. */
    public Scene open(int i) {
        return new Scene(plan(i), options.camera());
    }

    /** A place a scene's frames go. */
    @FunctionalInterface
    public interface FrameSink {
        void write(Mat bgr) throws IOException;
    }

    /**
     * Writes every scene into dir; calls {@code progress} with 1 after each frame. Returns the video files written.
     */
    public List<Path> generate(Path dir, IntConsumer progress) throws IOException {
        Files.createDirectories(dir);
        // the set's recipe beside its scenes, so a model card can name the command that regenerates its data
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve(SceneOptions.RECIPE_FILE).toFile(), options);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < options.scenes(); i++) {
            try (Scene scene = open(i)) {
                Path avi = dir.resolve(scene.plan().name() + ".avi");
                try (AviWriter w = new AviWriter(avi, options.width(), options.height(), options.fps(),
                        scene.plan().look().jpegQuality())) {
                    writeScene(scene, dir, scene.plan().name(), w::write, progress);
                }
                out.add(avi);
            }
        }
        return out;
    }

    /**
     * Writes the demo clip into dir: {@code session.mp4} (H.264, browser-playable), {@code session.truth.csv},
     * {@code session.zones.json} and {@code session.info.json}. Use with {@link #demoOptions()}.
     */
    public Path generateDemo(Path dir, IntConsumer progress) throws IOException {
        Files.createDirectories(dir);
        Path mp4 = dir.resolve(DEMO_NAME + ".mp4");
        try (Scene scene = open(0);
             Mp4Writer w = new Mp4Writer(mp4, new Mp4Writer.Options(options.width(), options.height(), options.fps(), 0.1, 2.0,
                     Mp4Writer.Layout.FASTSTART))) {
            writeScene(scene, dir, DEMO_NAME, w::write, progress);
        }
        return mp4;
    }

    /** Renders a whole scene to a sink and writes its truth, zones and info beside it as name.*. */
    public void writeScene(Scene scene, Path dir, String name, FrameSink sink, IntConsumer progress) throws IOException {
        ScenePlan plan = scene.plan();
        plan.zones().write(dir.resolve(name + ".zones.json"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve(name + ".info.json").toFile(), plan.info().withName(name));
        Path truth = dir.resolve(name + ".truth.csv");
        try (BufferedWriter out = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            FrameCsv.writeHeader(out, List.of());
            StringBuilder sb = new StringBuilder(128);
            while (scene.next()) {
                sink.write(scene.frame());
                sb.setLength(0);
                FrameCsv.appendTo(sb, scene.truth());
                sb.append('\n');
                out.append(sb);
                progress.accept(1);
            }
        }
    }
}
