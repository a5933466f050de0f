package truce.samples.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.videoio.VideoCapture;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.samples.render.AnimalTruth;
import truce.samples.render.CatCoat;
import truce.samples.render.Colouring;
import truce.samples.render.RatCoat;
import truce.samples.render.FrameTruth;
import truce.samples.render.Labels;
import truce.samples.script.ScriptFrame;
import truce.zones.ZoneKind;
import truce.zones.Zones;

class SceneGeneratorTest {

    /** Small and short, so the suite stays fast. */
    private static final SceneOptions SMALL = SceneOptions.defaults().withScenes(2).withSeconds(3).withSize(320, 240);

    @BeforeAll
    static void loadOpenCv() {
        nu.pattern.OpenCV.loadLocally();
    }

    @Test
    void theSameSeedGivesTheSameTruthAndFrames(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        new SceneGenerator(SMALL.withSeed(7)).generate(a, n -> { });
        new SceneGenerator(SMALL.withSeed(7)).generate(b, n -> { });
        for (String name : List.of("scene-00", "scene-01")) {
            for (String ext : List.of(".truth.csv", ".avi", ".zones.json", ".info.json")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(name + ext)), Files.readAllBytes(b.resolve(name + ext)), name + ext);
            }
        }
    }

    @Test
    void aSetRecordsTheOptionsAndTheCommandThatMadeIt(@TempDir Path dir) throws IOException {
        assertTrue(SceneOptions.recipe(dir).isEmpty(), "no recipe before anything is generated");
        SceneOptions o = SMALL.withSeed(7).withBarrier(BarrierMode.NONE).withSeconds(2.5);
        new SceneGenerator(o).generate(dir, n -> { });
        assertEquals(o, SceneOptions.recipe(dir).orElseThrow());
        assertEquals("truce generate --out D --scenes 2 --seconds 2.5 --seed 7 --width 320 --height 240 --barrier none",
                o.command("D"));
        assertEquals("truce generate --out D --scenes 8 --seconds 40 --seed 12",
                SceneOptions.defaults().withSeconds(40).withSeed(12).command("D"));
    }

    @Test
    void differentSeedsGiveDifferentLooks() {
        Set<String> catCoats = new HashSet<>(), ratCoats = new HashSet<>(), floors = new HashSet<>();
        Set<Double> widths = new HashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            ScenePlan p = new SceneGenerator(SMALL.withSeed(seed)).plan(0);
            catCoats.add(p.info().catCoat().name());
            ratCoats.add(p.info().ratCoat().name());
            floors.add(p.info().floor().name());
            widths.add(p.info().viewWidthCm());
        }
        assertTrue(catCoats.size() >= 2 && ratCoats.size() >= 2 && floors.size() >= 2, catCoats + " " + ratCoats + " " + floors);
        assertEquals(6, widths.size(), "camera height (scale) differs");

        // and the pictures differ: the first frames of two seeds are far apart, pixel for pixel
        Mat f1 = new Mat(), f2 = new Mat(), diff = new Mat();
        try (Scene s1 = new SceneGenerator(SMALL.withSeed(1)).open(0); Scene s2 = new SceneGenerator(SMALL.withSeed(2)).open(0)) {
            s1.next();
            s2.next();
            s1.frame().copyTo(f1);
            s2.frame().copyTo(f2);
        }
        Core.absdiff(f1, f2, diff);
        Scalar mean = Core.mean(diff);
        assertTrue(mean.val[0] + mean.val[1] + mean.val[2] > 30, "mean difference " + mean);
        f1.release();
        f2.release();
        diff.release();
    }

    @Test
    void everyVisibleTruthCentroidLiesOnItsAnimal() {
        // clean frames, so the colour at the centroid can be checked against the animal's coat
        SceneOptions clean = SceneOptions.defaults().withScenes(3).withSeconds(4).withSize(320, 240).withCamera(false).withSeed(3);
        SceneGenerator g = new SceneGenerator(clean);
        byte[] label = new byte[1];
        byte[] bgr = new byte[3];
        int checked = 0, colourMatches = 0, hidden = 0;
        for (int i = 0; i < clean.scenes(); i++) {
            try (Scene s = g.open(i)) {
                Colouring cat = s.plan().look().cat(), rat = s.plan().look().rat();
                while (s.next()) {
                    FrameRow t = s.truth();
                    for (int animal = 0; animal < 2; animal++) {
                        boolean visible = animal == 0 ? t.catVisible() : t.ratVisible();
                        if (!visible) {
                            hidden++;
                            continue;
                        }
                        int x = (int) Math.round(animal == 0 ? t.catX() : t.ratX());
                        int y = (int) Math.round(animal == 0 ? t.catY() : t.ratY());
                        s.labels().get(y, x, label);
                        assertEquals(animal == 0 ? Labels.CAT : Labels.RAT, label[0], "frame " + t.frame() + " animal " + animal);
                        AnimalTruth m = animal == 0 ? s.measured().cat() : s.measured().rat();
                        int[] box = m.box();
                        assertTrue(x >= box[0] && y >= box[1] && x < box[0] + box[2] && y < box[1] + box[3], "centroid in its box");
                        assertTrue((long) box[2] * box[3] >= m.visiblePixels(), "box holds the visible pixels");
                        assertTrue(m.visibleShare() >= AnimalTruth.MIN_VISIBLE_SHARE);
                        s.frame().get(y, x, bgr);
                        if (near(bgr, animal == 0 ? cat : rat)) {
                            colourMatches++;
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 400, "checked " + checked);
        // glare on the barrier or a stripe edge may shift a few; the coat must show at nearly all of them
        assertTrue(colourMatches >= checked * 0.95, colourMatches + " of " + checked + " centroids show the coat");
    }

    private static boolean near(byte[] bgr, Colouring c) {
        for (Scalar s : List.of(c.base(), c.mark(), c.ear(), c.tail())) {
            double d = 0;
            for (int k = 0; k < 3; k++) {
                d = Math.max(d, Math.abs((bgr[k] & 0xff) - s.val[k]));
            }
            if (d <= 40) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theVideoHasOneFrameForEveryTruthRow(@TempDir Path dir) throws IOException {
        SceneGenerator g = new SceneGenerator(SMALL.withScenes(1).withSeed(11));
        List<Path> videos = g.generate(dir, n -> { });
        assertEquals(1, videos.size());
        List<FrameRow> rows = FrameCsv.readRows(dir.resolve("scene-00.truth.csv"));
        assertEquals(SMALL.frames(), rows.size());
        VideoCapture cap = new VideoCapture(videos.get(0).toString());
        assertTrue(cap.isOpened());
        Mat m = new Mat();
        int frames = 0;
        while (cap.read(m)) {
            assertEquals(320, m.cols());
            assertEquals(240, m.rows());
            frames++;
        }
        cap.release();
        m.release();
        assertEquals(rows.size(), frames);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).frame());
            assertEquals(i * 1000.0 / 30, rows.get(i).timeMs(), 0.051);
        }
        Zones zones = Zones.read(dir.resolve("scene-00.zones.json"));
        assertTrue(zones.viewWidthCm() >= 100 && zones.viewWidthCm() <= 300, "viewWidthCm " + zones.viewWidthCm());
        assertFalse(zones.ofKind(ZoneKind.COVER).isEmpty(), "the rat has cover");
    }

    @Test
    void aDefaultSetShowsEveryStateWithLungesAndFlightsToLearnFrom() {
        SceneGenerator g = new SceneGenerator(SceneOptions.defaults());
        Set<CatPosture> postures = EnumSet.noneOf(CatPosture.class);
        Set<RatState> states = EnumSet.noneOf(RatState.class);
        for (int i = 0; i < g.options().scenes(); i++) {
            ScenePlan p = g.plan(i);
            double catLen = p.catLengthCm();
            int lunges = 0, flights = 0, run = 0;
            double peak = 0;
            Zones zones = p.zones();
            double s = p.info().width() / p.playpen().viewWidthCm();
            for (int f = 0; f < p.script().size(); f++) {
                ScriptFrame sf = p.script().get(f);
                postures.add(sf.catPosture());
                states.add(sf.ratState());
                boolean lunging = sf.catPosture() == CatPosture.LUNGING;
                if (lunging) {
                    run++;
                    peak = Math.max(peak, sf.cat().speed());
                } else if (run > 0) {
                    // a lunge lasts 0.3-0.8 s and bursts at several body lengths a second
                    assertTrue(run >= 9 && run <= 24, p.name() + ": lunge of " + run + " frames ending at " + f);
                    assertTrue(peak >= 2.5 * catLen, p.name() + ": lunge peak " + peak / catLen + " body lengths/s");
                    lunges++;
                    run = 0;
                    peak = 0;
                }
                if (sf.ratState() == RatState.FLEEING && (f == 0 || p.script().get(f - 1).ratState() != RatState.FLEEING)) {
                    flights++;
                }
                if (sf.ratUnderCover()) {
                    // a rat under a roof is inside one of the cover zones written for the scene
                    double x = sf.rat().x() * s, y = sf.rat().y() * s;
                    assertTrue(zones.ofKind(ZoneKind.COVER).stream().anyMatch(z -> z.contains(x - 0.5, y) || z.contains(x + 0.5, y)
                            || z.contains(x, y - 0.5) || z.contains(x, y + 0.5)), p.name() + " frame " + f);
                    assertEquals(RatState.HIDING, sf.ratState(), p.name() + " frame " + f);
                }
            }
            assertTrue(lunges >= 2, p.name() + " has " + lunges + " lunges");
            assertTrue(flights >= 2, p.name() + " has " + flights + " flights");
        }
        assertEquals(EnumSet.allOf(CatPosture.class), postures);
        assertEquals(EnumSet.allOf(RatState.class), states);
    }

    @Test
    void aDefaultSetShowsEveryCoatAndBothStagesWhateverTheSeed() {
        for (long seed : new long[]{1, 99}) {
            SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withSeed(seed));
            Set<CatCoat> cats = EnumSet.noneOf(CatCoat.class);
            Set<RatCoat> rats = EnumSet.noneOf(RatCoat.class);
            Set<Boolean> barrier = new HashSet<>();
            for (int i = 0; i < g.options().scenes(); i++) {
                SceneInfo info = g.plan(i).info();
                cats.add(info.catCoat());
                rats.add(info.ratCoat());
                barrier.add(info.barrier());
                // cat 30-55 cm and rat 15-28 cm nose to tail base, as product.md says
                assertTrue(info.catLengthCm() >= 30 && info.catLengthCm() <= 55, "cat " + info.catLengthCm());
                assertTrue(info.ratLengthCm() >= 15 && info.ratLengthCm() <= 28, "rat " + info.ratLengthCm());
            }
            assertEquals(EnumSet.allOf(CatCoat.class), cats);
            assertEquals(EnumSet.allOf(RatCoat.class), rats);
            assertEquals(Set.of(true, false), barrier, "scenes behind the barrier and scenes without");
        }
    }

    @Test
    void everyBarrierModeAndFrameShapeLaysOutAndStagesItsEncounters() {
        for (BarrierMode mode : BarrierMode.values()) {
            for (int[] size : new int[][]{{160, 120}, {640, 480}, {1280, 720}, {480, 640}}) {
                for (long seed = 1; seed <= 3; seed++) {
                    SceneGenerator g = new SceneGenerator(SceneOptions.defaults().withBarrier(mode).withSize(size[0], size[1])
                            .withSeed(seed).withScenes(3));
                    for (int i = 0; i < 3; i++) {
                        ScenePlan p = g.plan(i);
                        String what = mode + " " + size[0] + "x" + size[1] + " seed " + seed + " " + p.name();
                        assertEquals(mode == BarrierMode.ALL || (mode == BarrierMode.SOME && i == 1), p.info().barrier(), what);
                        assertTrue(SceneGenerator.count(p, true) >= 2 && SceneGenerator.count(p, false) >= 2, what);
                        truce.samples.playpen.Box b = p.playpen().barrier();
                        for (ScriptFrame f : p.script()) {
                            if (f.ratUnderCover()) {
                                assertEquals(RatState.HIDING, f.ratState(), what);
                            }
                            if (b != null) {
                                // each animal keeps to its own side of the barrier, its whole body too
                                boolean vertical = b.height() > b.width();
                                double catSide = vertical ? f.cat().x() - b.center().x() : f.cat().y() - b.center().y();
                                double ratSide = vertical ? f.rat().x() - b.center().x() : f.rat().y() - b.center().y();
                                assertTrue(catSide * ratSide < 0, what + ": on opposite sides");
                                assertTrue(Math.abs(catSide) >= p.catLengthCm() * 0.4, what + ": cat body clear of the barrier");
                                double noseX = f.cat().x() + Math.cos(f.cat().heading()) * 0.7 * p.catLengthCm() * f.cat().stretch() / 1.27;
                                double noseY = f.cat().y() + Math.sin(f.cat().heading()) * 0.7 * p.catLengthCm() * f.cat().stretch() / 1.27;
                                double noseSide = vertical ? noseX - b.center().x() : noseY - b.center().y();
                                assertTrue(noseSide * catSide > 0, what + ": the cat's nose stays on its side");
                                assertTrue(Math.abs(ratSide) >= p.ratLengthCm() * 0.4, what + ": rat body clear of the barrier");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void roofsHideTheRatAndTheHandCoversWhatItIsOver() {
        // a 25 s stage-5 scene with the hand and the toy: the rat hides under a roof, the hand reaches in
        SceneOptions base = SceneOptions.defaults().withScenes(1).withSeconds(25).withSize(320, 240).withBarrier(BarrierMode.NONE);
        SceneGenerator g = null;
        for (long seed = 1; g == null; seed++) {
            // the first seed whose script has the hand reach in and the rat take cover (plans are cheap)
            SceneGenerator c = new SceneGenerator(base.withSeed(seed));
            ScenePlan p = c.plan(0);
            if (p.info().handReaches() > 0 && p.script().stream().filter(ScriptFrame::ratUnderCover).count() > 60) {
                g = c;
            }
        }
        int underRoof = 0, underRoofHidden = 0, handFrames = 0, handOverAnimal = 0;
        Mat hand = new Mat();
        try (Scene s = g.open(0)) {
            assertTrue(s.plan().info().handReaches() > 0, "the scene has a hand");
            while (s.next()) {
                ScriptFrame f = s.scripted();
                FrameTruth m = s.measured();
                if (f.ratUnderCover()) {
                    underRoof++;
                    if (!s.truth().ratVisible()) {
                        underRoofHidden++;
                        assertTrue(Double.isNaN(s.truth().ratX()), "a hidden rat has no position");
                    }
                }
                if (f.hand() != null) {
                    Core.compare(s.labels(), new Scalar(Labels.HAND), hand, Core.CMP_EQ);
                    if (Core.countNonZero(hand) > 0) {
                        handFrames++;
                        // only the hand (or, rarely, a roof) can cover the cat, which is drawn over the rat
                        if (m.cat().visiblePixels() < m.cat().bodyPixels()) {
                            handOverAnimal++;
                        }
                    }
                }
                // nothing is ever counted as more visible than it was drawn
                assertTrue(m.cat().visiblePixels() <= m.cat().bodyPixels() && m.rat().visiblePixels() <= m.rat().bodyPixels());
            }
        }
        hand.release();
        assertTrue(underRoof > 30, "frames with the rat under a roof: " + underRoof);
        assertTrue(underRoofHidden >= underRoof * 0.8, underRoofHidden + " of " + underRoof + " frames under a roof hide the rat");
        assertTrue(handFrames > 30, "frames with the hand in the picture: " + handFrames);
        assertTrue(handOverAnimal > 0, "the hand covers part of the cat at some point");
    }

    @Test
    void badOptionsAreRefused() {
        assertThrowsMessage("even", () -> SceneOptions.defaults().withSize(321, 240));
        assertThrowsMessage("scenes", () -> SceneOptions.defaults().withScenes(0));
        assertThrowsMessage("seconds", () -> SceneOptions.defaults().withSeconds(-1));
        assertNotEquals(SceneOptions.defaults(), SceneOptions.defaults().withSeed(2));
    }

    private static void assertThrowsMessage(String part, Runnable r) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
