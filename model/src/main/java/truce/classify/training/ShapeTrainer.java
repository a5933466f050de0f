package truce.classify.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import truce.behaviour.CatPosture;
import truce.classify.BodyCrop;
import truce.classify.DjlRuntime;
import truce.classify.ShapeModel;
import truce.classify.ShapeNet;
import truce.classify.evaluation.VisionCheck;
import truce.framecsv.FrameRow;
import truce.samples.script.ScriptFrame;

/**
 * Trains the {@link ShapeNet} on the cat's crops of generated scenes: each crop's truth posture, and where the
 * scene's script replays, the body's drawn stretch and width. Only crops cut where vision had the cat right (within
 * {@link VisionCheck#GOOD_PX} of the truth) are learnt from: the net is to read a body, not to guess from floor.
 * Crops are mirrored at random (a still cat's heading flips; a body is the same seen mirrored). Fixed epochs,
 * seeded, a progress bar.
 */
public final class ShapeTrainer {
    /**
     * Epochs and learning rate: in a first trial (8 training scenes, 3 held out) the held-out posture F1 and stretch
     * fit stopped rising after the third epoch; not tuned further.
     */
    public static final int EPOCHS = 4;
    static final float LEARNING_RATE = 0.002f;
    static final int BATCH = 128;
    private static final int LABEL = 6;

    public record Config(int epochs, long seed, boolean progressBar) {
    }

    /** One scene's crops and targets. {@code stretch} and {@code width} are NaN where the script is unknown. */
    public record Material(String name, CatCrops crops, int[] posture, float[] stretch, float[] width) {
    }

    private final Config config;

    public ShapeTrainer(Config config) {
        this.config = config;
    }

    /**
     * A scene's material: its crops, the truth posture of each crop cut on the cat, and the script's body shape
     * when the scene is a generated one whose script replays (else the posture alone is learnt).
     */
    public static Material material(Scene scene, LabelledScene labelled, CatCrops crops) {
        int n = labelled.frames();
        int[] posture = new int[n];
        float[] stretch = new float[n];
        float[] width = new float[n];
        List<ScriptFrame> script;
        try {
            script = ScriptFeatures.replay(scene, labelled.truth());
        } catch (IOException | RuntimeException e) {
            script = null;
        }
        for (int t = 0; t < n; t++) {
            FrameRow r = labelled.truth().get(t);
            CatPosture p = r.catPosture();
            // a cut crop means vision saw a cat: within GOOD_PX means the truth has it there too
            boolean onCat = crops.cut()[t] && p != null
                    && VisionCheck.catError(labelled.features().get(t), r) <= VisionCheck.GOOD_PX;
            posture[t] = onCat ? p.ordinal() : -1;
            stretch[t] = onCat && script != null ? (float) script.get(t).cat().stretch() : Float.NaN;
            width[t] = onCat && script != null ? (float) script.get(t).cat().width() : Float.NaN;
        }
        return new Material(labelled.name(), crops, posture, stretch, width);
    }

    /** Trains one net on {@code scenes} and writes it to {@code file}. */
    public void train(List<Material> scenes, Path file) throws IOException {
        DjlRuntime.start();
        Engine.getInstance().setRandomSeed((int) config.seed());
        List<long[]> list = new ArrayList<>();
        int[] counts = new int[3];
        for (int s = 0; s < scenes.size(); s++) {
            int[] p = scenes.get(s).posture();
            for (int t = 0; t < p.length; t++) {
                if (p[t] >= 0) {
                    list.add(new long[] {s, t});
                    counts[p[t]]++;
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no crops of a cat to learn its shape from");
        }
        float[] classW = Trainer.classWeights(counts);
        Block net = ShapeNet.build();
        Random r = new Random(config.seed());
        float[] x = new float[BATCH * ShapeNet.INPUT];
        float[] y = new float[BATCH * LABEL];
        int batches = list.size() / BATCH;
        try (Model model = Model.newInstance("truce-shape")) {
            model.setBlock(net);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new ShapeLoss()).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build());
            try (ai.djl.training.Trainer trainer = model.newTrainer(tc);
                 ProgressBar bar = config.progressBar()
                         ? TrainingProgress.bar("shape net", (long) config.epochs() * batches) : null) {
                trainer.initialize(ShapeNet.inputShape(1));
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    java.util.Collections.shuffle(list, r);
                    double lossSum = 0;
                    int lossBatches = 0;
                    for (int k = 0; k < batches; k++) {
                        for (int b = 0; b < BATCH; b++) {
                            long[] st = list.get(k * BATCH + b);
                            Material m = scenes.get((int) st[0]);
                            int t = (int) st[1];
                            ShapeNet.input(m.crops().pixels(), t * BodyCrop.BYTES, x, b * ShapeNet.INPUT,
                                    r.nextBoolean(), r.nextBoolean());
                            target(m, t, classW, y, b);
                        }
                        try (NDManager sub = trainer.getManager().newSubManager()) {
                            NDArray xa = sub.create(FloatBuffer.wrap(x), ShapeNet.inputShape(BATCH));
                            NDArray ya = sub.create(FloatBuffer.wrap(y), new Shape(BATCH, LABEL));
                            boolean finite;
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray loss = trainer.getLoss().evaluate(new NDList(ya),
                                        trainer.forward(new NDList(xa)));
                                float l = loss.getFloat();
                                // libtorch's passing NaN on this CPU (see Trainer): the batch is skipped
                                finite = Float.isFinite(l);
                                if (finite) {
                                    gc.backward(loss);
                                    lossSum += l;
                                    lossBatches++;
                                }
                            }
                            if (finite) {
                                trainer.step();
                            }
                        }
                        if (bar != null) {
                            bar.step();
                        }
                    }
                    if (bar != null) {
                        bar.setExtraMessage(String.format(java.util.Locale.ROOT, " epoch %d loss %.3f", epoch,
                                lossSum / Math.max(1, lossBatches)));
                    }
                }
            }
            ShapeNet.save(net, file);
        }
    }

    private static void target(Material m, int t, float[] classW, float[] y, int b) {
        int o = b * LABEL;
        boolean shaped = !Float.isNaN(m.stretch()[t]);
        y[o] = shaped ? (m.stretch()[t] - ShapeNet.STRETCH_MEAN) / ShapeNet.STRETCH_SCALE : 0f;
        y[o + 1] = shaped ? (m.width()[t] - ShapeNet.WIDTH_MEAN) / ShapeNet.WIDTH_SCALE : 0f;
        y[o + 2] = shaped ? 1f : 0f;
        for (int c = 0; c < 3; c++) {
            y[o + 3 + c] = c == m.posture()[t] ? classW[c] : 0f;
        }
    }

    /** The net's readings of every frame of a scene ({@link ShapeNet#READINGS} a frame; zero where not cut). */
    public static float[] readings(ShapeModel model, CatCrops crops) {
        int n = crops.frames();
        float[] out = new float[n * ShapeNet.READINGS];
        int batch = 256;
        float[] x = new float[batch * ShapeNet.INPUT];
        float[] o = new float[batch * ShapeNet.OUTPUTS];
        int[] which = new int[batch];
        int k = 0;
        for (int t = 0; t <= n; t++) {
            if (t < n && crops.cut()[t]) {
                ShapeNet.input(crops.pixels(), t * BodyCrop.BYTES, x, k * ShapeNet.INPUT, false, false);
                which[k++] = t;
            }
            if (k == batch || (t == n && k > 0)) {
                model.outputs(x, k, o);
                for (int b = 0; b < k; b++) {
                    ShapeNet.reading(o, b, out, which[b] * ShapeNet.READINGS);
                }
                k = 0;
            }
        }
        return out;
    }

    /** Squared error of the two shape factors where the script gave them, plus weighted cross-entropy. */
    static final class ShapeLoss extends Loss {
        ShapeLoss() {
            super("shape");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray p = predictions.singletonOrThrow();
            NDArray y = labels.singletonOrThrow();
            NDArray shapeErr = p.get(":, 0:2").sub(y.get(":, 0:2")).square().sum(new int[] {1})
                    .mul(y.get(":, 2")).sum();
            NDArray ce = p.get(":, 2:5").logSoftmax(1).mul(y.get(":, 3:6")).sum().neg();
            return shapeErr.add(ce).div(p.getShape().get(0));
        }
    }
}
