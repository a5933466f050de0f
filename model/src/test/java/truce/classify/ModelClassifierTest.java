package truce.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

class ModelClassifierTest {

    /** A cat walking towards a rat, then bursting at it: enough variety to exercise every channel. */
    private static List<FrameFeatures> frames() {
        List<FrameFeatures> out = new ArrayList<>();
        for (int t = 0; t < 90; t++) {
            double speed = t < 70 ? 30 : 500;
            double cx = 100 + t * 2;
            AnimalFeatures cat = new AnimalFeatures(true, cx, 200, speed, 0, speed, speed / 90, t == 70 ? 9000 : 0,
                    0, 90, 35, 2.6, 3000, 0);
            boolean ratVisible = t < 80;
            AnimalFeatures rat = ratVisible
                    ? new AnimalFeatures(true, 400, 200, t > 72 ? 300 : 0, 0, t > 72 ? 300 : 0, t > 72 ? 7 : 0, 0,
                    0, 40, 18, 2.2, 700, 0)
                    : new AnimalFeatures(false, 400, 200, 0, 0, 0, 0, 0, 0, 40, 18, 2.2, 0, t - 79);
            double d = 400 - cx;
            out.add(new FrameFeatures(t, t * 33.3, cat, rat, d, d / 90, speed, 0.1, !ratVisible));
        }
        return out;
    }

    @Test
    void theCommittedWeightsLoadOffline() throws IOException {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests must run with DJL offline");
        try (ModelClassifier c = ModelClassifier.withDefaultWeights().withProbabilities()) {
            Labels l = c.classify(frames().get(0));
            assertNotNull(l.cat());
            assertNotNull(l.rat());
            assertEquals(1.0, sum(l.catProbabilities()), 1e-4);
            assertEquals(1.0, sum(l.ratProbabilities()), 1e-4);
        }
    }

    /**
     * The live path allocates no labels of its own per frame: a frame's labels are shared instances without
     * probabilities (two arrays per frame on the hot path before), with the same labels as when probabilities are
     * asked for; probabilities asked for are the frame's own copies, which later frames leave alone.
     */
    @Test
    void liveLabelsAreSharedAndProbabilitiesAreCopies() throws IOException {
        List<FrameFeatures> frames = frames();
        try (BehaviourModel model = BehaviourModel.loadDefault();
             ModelClassifier live = new ModelClassifier(model);
             ModelClassifier offline = new ModelClassifier(model).withProbabilities()) {
            Labels firstOffline = offline.classify(frames.get(0));
            float[] firstCat = firstOffline.catProbabilities().clone();
            float[] firstRat = firstOffline.ratProbabilities().clone();
            for (FrameFeatures f : frames) {
                Labels l = live.classify(f);
                Labels o = f == frames.get(0) ? firstOffline : offline.classify(f);
                assertEquals(o.cat(), l.cat(), "frame " + f.frame());
                assertEquals(o.rat(), l.rat(), "frame " + f.frame());
                assertNull(l.catProbabilities());
                assertNull(l.ratProbabilities());
                assertSame(Labels.of(l.cat(), l.rat()), l, "frame " + f.frame());
            }
            assertArrayEquals(firstCat, firstOffline.catProbabilities());
            assertArrayEquals(firstRat, firstOffline.ratProbabilities());
        }
        assertEquals(new Labels(null, RatState.HIDING, null, null), Labels.of(null, RatState.HIDING));
        assertEquals(new Labels(CatPosture.LUNGING, null, null, null), Labels.of(CatPosture.LUNGING, null));
    }

    @Test
    void inferenceIsDeterministic() throws IOException {
        List<FrameFeatures> frames = frames();
        try (BehaviourModel model = BehaviourModel.loadDefault();
             ModelClassifier a = new ModelClassifier(model).withProbabilities();
             ModelClassifier b = new ModelClassifier(model).withProbabilities()) {
            List<Labels> first = new ArrayList<>();
            for (FrameFeatures f : frames) {
                first.add(a.classify(f));
            }
            a.reset();
            for (int i = 0; i < frames.size(); i++) {
                Labels again = a.classify(frames.get(i));
                Labels other = b.classify(frames.get(i));
                assertArrayEquals(first.get(i).catProbabilities(), again.catProbabilities(), "frame " + i);
                assertArrayEquals(first.get(i).catProbabilities(), other.catProbabilities(), "frame " + i);
                assertArrayEquals(first.get(i).ratProbabilities(), other.ratProbabilities(), "frame " + i);
                assertEquals(first.get(i).cat(), other.cat());
                assertEquals(first.get(i).rat(), other.rat());
            }
        }
    }

    @Test
    void noCatInViewGivesAnEmptyPostureAndNoRatEverSeenAnEmptyState() throws IOException {
        try (ModelClassifier c = ModelClassifier.withDefaultWeights()) {
            FrameFeatures empty = new FrameFeatures(0, 0, AnimalFeatures.NEVER_SEEN, AnimalFeatures.NEVER_SEEN,
                    Double.NaN, Double.NaN, 0, Double.NaN, false);
            Labels l = c.classify(empty);
            assertNull(l.cat());
            assertNull(l.rat());
        }
    }

    @Test
    void weightsForAnotherNetAreRefusedClearly(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("behaviour.params");
        Files.writeString(bad, "not weights at all, just some text that is long enough to read a header from");
        IOException e = assertThrows(IOException.class, () -> BehaviourModel.load(dir));
        assertTrue(e.getMessage().contains("not weights for this net"), e.getMessage());
        assertThrows(IOException.class, () -> BehaviourModel.load(dir.resolve("missing")));
    }

    @Test
    void anEnsembleAveragesItsNetsLogits(@TempDir Path dir) throws IOException {
        DjlRuntime.start(); // oneDNN off: batches of windows exact (DjlRuntime.start says why)
        List<Path> singles = new ArrayList<>();
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            for (int k = 0; k < 2; k++) {
                ai.djl.engine.Engine.getInstance().setRandomSeed(100 + k);
                ai.djl.nn.SequentialBlock net = BehaviourNet.build();
                net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, BehaviourNet.inputShape(1));
                Path p = dir.resolve("net" + k + ".params");
                BehaviourNet.save(net, p);
                singles.add(p);
            }
        }
        Path joined = dir.resolve("both.params");
        assertEquals(2, BehaviourNet.join(singles, joined), "nets written");
        float[] x = new float[FeatureEncoder.CHANNELS * BehaviourNet.WINDOW];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        // a batch of two windows (evaluation batches them): x, then another
        float[] pair = java.util.Arrays.copyOf(x, 2 * x.length);
        for (int i = x.length; i < pair.length; i++) {
            pair[i] = (float) r.nextGaussian();
        }
        float[] y = java.util.Arrays.copyOfRange(pair, x.length, pair.length);
        float[] a = new float[BehaviourNet.OUTPUTS];
        float[] b = new float[BehaviourNet.OUTPUTS];
        float[] ay = new float[BehaviourNet.OUTPUTS];
        float[] by = new float[BehaviourNet.OUTPUTS];
        float[] both = new float[BehaviourNet.OUTPUTS];
        float[] batch = new float[2 * BehaviourNet.OUTPUTS];
        try (BehaviourModel ma = BehaviourModel.load(singles.get(0));
             BehaviourModel mb = BehaviourModel.load(singles.get(1));
             BehaviourModel mj = BehaviourModel.load(joined)) {
            assertEquals(2, mj.nets());
            ma.logits(x, 1, a);
            mb.logits(x, 1, b);
            ma.logits(y, 1, ay);
            mb.logits(y, 1, by);
            mj.logits(x, 1, both);
            mj.logits(pair, 2, batch);
        }
        boolean differ = false;
        for (int i = 0; i < a.length; i++) {
            assertEquals((a[i] + b[i]) / 2, both[i], 1e-5, "logit " + i);
            assertEquals(both[i], batch[i], 1e-5, "first of a batch, logit " + i);
            assertEquals((ay[i] + by[i]) / 2, batch[BehaviourNet.OUTPUTS + i], 1e-5, "second of a batch, logit " + i);
            differ |= Math.abs(a[i] - b[i]) > 1e-3;
        }
        assertTrue(differ, "two differently seeded nets");
        // a truncated ensemble is refused, not half loaded
        byte[] all = Files.readAllBytes(joined);
        Path cut = dir.resolve("cut.params");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 1000));
        IOException e = assertThrows(IOException.class, () -> BehaviourModel.load(cut));
        assertTrue(e.getMessage().contains("corrupt weights (net 2 of 2)"), e.getMessage());
        // an ensemble joined with more nets keeps all of its own (train --join of a shipped pair)
        Path three = dir.resolve("three.params");
        assertEquals(3, BehaviourNet.join(List.of(joined, singles.get(0)), three), "nets written");
        float[] t = new float[BehaviourNet.OUTPUTS];
        try (BehaviourModel m3 = BehaviourModel.load(three)) {
            assertEquals(3, m3.nets());
            m3.logits(x, 1, t);
        }
        for (int i = 0; i < a.length; i++) {
            assertEquals((2 * a[i] + b[i]) / 3, t[i], 1e-5, "logit " + i + " of three");
        }
    }

    @Test
    void weightsOfFeatureVersion3StillLoadAndReadTheFirst29Channels(@TempDir Path dir) throws IOException {
        DjlRuntime.configure();
        Path v3 = dir.resolve("v3.params");
        Path v4 = dir.resolve("v4.params");
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.nn.SequentialBlock old = BehaviourNet.build();
            old.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, BehaviourNet.inputShape(1, 29));
            BehaviourNet.save(List.of(old), 3, v3);
            ai.djl.nn.SequentialBlock now = BehaviourNet.build();
            now.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, BehaviourNet.inputShape(1));
            BehaviourNet.save(now, v4);
        }
        try (BehaviourModel old = BehaviourModel.load(v3); BehaviourModel now = BehaviourModel.load(v4)) {
            assertEquals(3, old.featureVersion());
            assertEquals(29, old.channels());
            assertEquals(FeatureEncoder.VERSION, now.featureVersion());
            assertEquals(FeatureEncoder.CHANNELS, now.channels());
            assertTrue(now.channels() > old.channels(), "v4 adds channels after v3's");
            // both classify a stream: each window holds the channels its net reads
            for (BehaviourModel model : List.of(old, now)) {
                try (ModelClassifier c = new ModelClassifier(model).withProbabilities()) {
                    for (FrameFeatures f : frames()) {
                        Labels l = c.classify(f);
                        assertEquals(1.0, sum(l.catProbabilities()), 1e-4);
                    }
                }
            }
        }
        // the settings beside the weights may set the smoothing's dwell; a bad one is refused, not guessed at
        Files.writeString(dir.resolve(BehaviourModel.SETTINGS), "lunge.threshold=0.9\nlabel.dwell=2\n");
        try (BehaviourModel m = BehaviourModel.load(v4)) {
            assertEquals(2, m.dwell());
            assertEquals(0.9f, m.lungeThreshold(), 1e-6f);
        }
        Files.writeString(dir.resolve(BehaviourModel.SETTINGS), "label.dwell=0\n");
        assertThrows(IllegalArgumentException.class, () -> BehaviourModel.load(v4));
        Files.delete(dir.resolve(BehaviourModel.SETTINGS));
        try (BehaviourModel m = BehaviourModel.load(v4)) {
            assertEquals(BehaviourModel.DEFAULT_DWELL, m.dwell());
        }
        // an older net joins a newer one's ensemble, as a net of the newer version
        assertEquals(2, BehaviourNet.join(List.of(v3, v4), dir.resolve("mixed.params")));
        try (BehaviourModel mixed = BehaviourModel.load(dir.resolve("mixed.params"))) {
            assertEquals(FeatureEncoder.VERSION, mixed.featureVersion());
            assertEquals(2, mixed.nets());
        }
    }

    @Test
    void aWindowOfFewerChannelsKeepsTheFirstOnes() {
        List<FrameFeatures> f = frames();
        FeatureWindow all = new FeatureWindow(2);
        FeatureWindow first = new FeatureWindow(2, 29);
        for (int i = 0; i < 75; i++) {
            all.push(f.get(i));
            first.push(f.get(i));
        }
        float[] a = new float[FeatureEncoder.CHANNELS * 2];
        float[] b = new float[29 * 2];
        all.copyTo(a, 0);
        first.copyTo(b, 0);
        assertArrayEquals(java.util.Arrays.copyOf(a, b.length), b);
        assertThrows(IllegalArgumentException.class, () -> new FeatureWindow(2, FeatureEncoder.CHANNELS + 1));
    }

    @Test
    void theWindowKeepsTheNewestFramesInOrder() {
        FeatureWindow w = new FeatureWindow(3);
        List<FrameFeatures> f = frames();
        float[] out = new float[FeatureEncoder.CHANNELS * 3];
        w.push(f.get(0));
        w.copyTo(out, 0);
        assertEquals(0f, out[0]);
        assertEquals(1f, out[2], "channel 0 (cat visible) of the newest frame is last");
        for (int i = 0; i < 80; i++) {
            w.push(f.get(i));
        }
        w.copyTo(out, 0);
        int ratVisible = FeatureEncoder.RAT_VISIBLE;
        assertEquals(1f, out[ratVisible * 3 + 2], "frame 79: rat still visible");
        w.push(f.get(80));
        w.copyTo(out, 0);
        assertEquals(1f, out[ratVisible * 3 + 1]);
        assertEquals(0f, out[ratVisible * 3 + 2], "frame 80: rat gone");
    }

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    }

    /**
     * Weights trained on a shape net's readings say so in their settings: without the shape net beside them they
     * refuse to load (zeros in its channels would be labels from nothing); with it, the classifier reads pixels.
     */
    @Test
    void weightsThatReadTheCropNeedTheirShapeNet(@TempDir Path dir) throws Exception {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            DjlRuntime.configure();
            ai.djl.nn.SequentialBlock net = BehaviourNet.build();
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, BehaviourNet.inputShape(1));
            BehaviourNet.save(net, dir.resolve("behaviour.params"));
            ai.djl.nn.SequentialBlock shape = ShapeNet.build();
            shape.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, ShapeNet.inputShape(1));
            ShapeNet.save(shape, dir.resolve(ShapeNet.FILE));
        }
        java.nio.file.Files.writeString(dir.resolve(BehaviourModel.SETTINGS), "lunge.threshold=0.9\n"
                + BehaviourModel.SHAPE_NET + "=true\n");
        try (ModelClassifier c = ModelClassifier.withWeights(dir)) {
            assertTrue(c.readsPixels());
        }
        java.nio.file.Files.delete(dir.resolve(ShapeNet.FILE));
        IOException e = assertThrows(IOException.class, () -> ModelClassifier.withWeights(dir));
        assertTrue(e.getMessage().contains("shape net"), e.getMessage());
        java.nio.file.Files.writeString(dir.resolve(BehaviourModel.SETTINGS), "lunge.threshold=0.9\n");
        try (ModelClassifier c = ModelClassifier.withWeights(dir)) {
            assertTrue(!c.readsPixels(), "weights trained with --no-shape read no crop");
        }
    }

    /** A net of an older feature version, widened, computes exactly what it did: its new channels weigh 0. */
    @Test
    void aWidenedNetReadsItsOldChannelsOnly() {
        int from = FeatureEncoder.channels(4);
        int to = FeatureEncoder.CHANNELS;
        int w = BehaviourNet.WINDOW;
        float[] wide = new float[to * w];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (float) r.nextGaussian();
        }
        float[] narrow = java.util.Arrays.copyOf(wide, from * w); // channel-major: the first rows are the old channels
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            DjlRuntime.configure();
            ai.djl.nn.SequentialBlock net = BehaviourNet.build();
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, BehaviourNet.inputShape(1, from));
            ai.djl.nn.SequentialBlock widened = BehaviourNet.widen(m, net, from, to);
            var ps = new ai.djl.training.ParameterStore(m, false);
            float[] a = net.forward(ps, new ai.djl.ndarray.NDList(m.create(narrow, BehaviourNet.inputShape(1, from))),
                    false).singletonOrThrow().toFloatArray();
            float[] b = widened.forward(ps, new ai.djl.ndarray.NDList(m.create(wide, BehaviourNet.inputShape(1, to))),
                    false).singletonOrThrow().toFloatArray();
            assertArrayEquals(a, b, 1e-5f);
        }
    }
}
