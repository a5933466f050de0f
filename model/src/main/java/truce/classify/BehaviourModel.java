package truce.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loaded weights of the {@link BehaviourNet}, ready for inference. Read-only once loaded, so one instance may
 * serve several streams; each stream keeps its own window and smoothing in a {@link ModelClassifier}.
 */
public final class BehaviourModel implements AutoCloseable {
    /** Classpath location of the committed weights. */
    public static final String DEFAULT_RESOURCE = "/truce/classify/behaviour.params";

    /** Beside the weights: the lunge threshold chosen on the validation scenes. */
    public static final String SETTINGS = "behaviour.properties";
    /** Setting saying the weights were trained on a shape net's readings ({@code shape.params} beside them). */
    public static final String SHAPE_NET = "shape.net";
    /** Probability at which a lunge is reported at once, when no settings file says otherwise. */
    public static final float DEFAULT_LUNGE_THRESHOLD = 0.5f;

    private final NDManager manager;
    /** One net, or an ensemble fused into one net that gives the mean of its members' logits. */
    private final Block block;
    private final ParameterStore store;
    /** The fused net's weights laid out for {@link StepwiseNet}, shared by every stream. */
    private final StepwiseNet.Weights stepWeights;
    /**
     * Frames in a row a lunge must stay above the threshold before it is reported, when no settings file says
     * otherwise. 1 reports it on its first frame, as the issue asks. 2 was measured on three held-out sets (74
     * lunges, 20 min): false lunges 0.70 -> 0.40 per minute, but 51 -> 48 lunges found and the median a frame later.
     */
    public static final int DEFAULT_LUNGE_CONFIRM = 1;
    private float lungeThreshold = DEFAULT_LUNGE_THRESHOLD;
    private int lungeConfirm = DEFAULT_LUNGE_CONFIRM;
    /** Frames another label must win in a row before the label changes, when no settings file says otherwise. */
    public static final int DEFAULT_DWELL = 3;
    private int dwell = DEFAULT_DWELL;

    /** The shape net that reads the cat's crop, for weights of feature version 5; null for older ones. */
    private ShapeModel shape;

    /** Nets averaged (1 for a single net). */
    private final int nets;

    /** Feature version the weights were trained on, and so the channels per frame they read. */
    private final int featureVersion;
    private final int channels;

    private BehaviourModel(NDManager manager, List<? extends Block> blocks, int featureVersion) {
        this.manager = manager;
        this.nets = blocks.size();
        this.featureVersion = featureVersion;
        this.channels = FeatureEncoder.channels(featureVersion);
        // an ensemble runs as one fused net: the exact mean of its members' logits at about one net's cost
        this.block = blocks.size() == 1 ? blocks.get(0) : BehaviourNet.fuse(manager, blocks, channels);
        this.store = new ParameterStore(manager, false);
        // a stream steps the fused layout (one net fused alone for a single net)
        Block fused = blocks.size() == 1 ? BehaviourNet.fuse(manager, blocks, channels) : block;
        this.stepWeights = new StepwiseNet.Weights(manager,
                fused.getParameters().values().stream().map(ai.djl.nn.Parameter::getArray).toList(), channels, nets);
    }

    /** A new stream's stepper over these weights ({@link StepwiseNet}: one per stream, closed by the caller). */
    public StepwiseNet stepwise() {
        return new StepwiseNet(stepWeights, manager);
    }

    /** The committed weights that ship in the jar. */
    public static BehaviourModel loadDefault() throws IOException {
        InputStream in = BehaviourModel.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IOException("the committed weights " + DEFAULT_RESOURCE + " are missing from the classpath");
        }
        BehaviourModel model;
        try (in) {
            model = load(in, "classpath:" + DEFAULT_RESOURCE);
        }
        return model.completed(ShapeModel::loadDefaultIfPresent, "classpath:" + ShapeModel.DEFAULT_RESOURCE,
                () -> BehaviourModel.class.getResourceAsStream("/truce/classify/" + SETTINGS));
    }

    /** Something read from a file or resource that may fail. */
    private interface Reading<T> {
        T get() throws IOException;
    }

    /**
     * Attaches the shape net these weights read (weights of feature v5; older ones read no crop) and reads the
     * settings beside them (null: none), closing the model if either fails. Without a shape net the shape channels
     * read zero, as for weights trained with {@code --no-shape}; weights trained with one say so in their settings
     * ({@code shape.net=true}), and then a missing shape net is an error, not a silent zero.
     */
    private BehaviourModel completed(Reading<ShapeModel> shapeNet, String shapeWhere, Reading<InputStream> settings)
            throws IOException {
        try {
            if (featureVersion >= 5) {
                shape = shapeNet.get();
            }
            try (InputStream in = settings.get()) {
                if (in != null) {
                    readSettings(in, shapeWhere);
                }
            }
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void readSettings(InputStream in, String shapeWhere) throws IOException {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String t = p.getProperty("lunge.threshold");
        if (t != null) {
            withLungeThreshold(Float.parseFloat(t.trim()));
        }
        String d = p.getProperty("label.dwell");
        if (d != null) {
            withDwell(Integer.parseInt(d.trim()));
        }
        if (Boolean.parseBoolean(p.getProperty(SHAPE_NET, "false").trim()) && shape == null) {
            throw new IOException("these weights read the cat's crop with a shape net, but there is none at "
                    + shapeWhere);
        }
        String c = p.getProperty("lunge.confirmFrames");
        if (c != null) {
            withLungeConfirm(Integer.parseInt(c.trim()));
        }
    }

    /** Sets how many frames in a row a lunge must stay above the threshold before it is reported (1 to 5). */
    public BehaviourModel withLungeConfirm(int frames) {
        if (frames < 1 || frames > 5) {
            throw new IllegalArgumentException("lunge confirm frames must be 1-5, was " + frames);
        }
        this.lungeConfirm = frames;
        return this;
    }

    public int lungeConfirm() {
        return lungeConfirm;
    }

    /** Sets the frames in a row another label must win before a head's label changes (1 to 15). */
    public BehaviourModel withDwell(int frames) {
        if (frames < 1 || frames > 15) {
            throw new IllegalArgumentException("dwell must be 1-15 frames, was " + frames);
        }
        this.dwell = frames;
        return this;
    }

    /** Frames in a row another label must win before a head's label changes ({@link LabelSmoother}). */
    public int dwell() {
        return dwell;
    }

    /** Sets the probability at which a lunge is reported at once (0.5 to 1). */
    public BehaviourModel withLungeThreshold(float threshold) {
        if (!(threshold >= 0.5f && threshold <= 1f)) {
            throw new IllegalArgumentException("lunge threshold must be in [0.5, 1], was " + threshold);
        }
        this.lungeThreshold = threshold;
        return this;
    }

    public float lungeThreshold() {
        return lungeThreshold;
    }

    /** Weights from a file, or from {@code behaviour.params} inside a model directory. */
    public static BehaviourModel load(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve("behaviour.params") : fileOrDir;
        if (!Files.isRegularFile(file)) {
            throw new IOException("no weights at " + file);
        }
        BehaviourModel model;
        try (InputStream in = Files.newInputStream(file)) {
            model = load(in, file.toString());
        }
        Path settings = file.resolveSibling(SETTINGS);
        return model.completed(() -> ShapeModel.loadBeside(file), file.resolveSibling(ShapeNet.FILE).toString(),
                () -> Files.isRegularFile(settings) ? Files.newInputStream(settings) : null);
    }

    private static BehaviourModel load(InputStream in, String source) throws IOException {
        DjlRuntime.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            BehaviourNet.Loaded loaded = BehaviourNet.load(manager, in, source);
            return new BehaviourModel(manager, loaded.nets(), loaded.featureVersion());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The shape net these weights read, or null for weights that read no crop. */
    public ShapeModel shape() {
        return shape;
    }

    /**
     * Runs {@code batch} windows laid out as (batch, C, W) in {@code input}, C = {@link #channels()}, and writes the
     * six logits of each to {@code logits}: the whole window's pass, the reference a stream's stepped net
     * ({@link #stepwise()}) is tested against (training validates with its own batched pass). A batch of more than one is exact only with oneDNN off,
     * as {@link DjlRuntime#start()} (called on loading) leaves it (oneDNN's batched 1-D convolution is not exact on
     * AVX-512 CPUs); where that switch cannot be set (another libtorch build) a batch is refused.
     */
    public void logits(float[] input, int batch, float[] logits) {
        requireExact(batch);
        try (NDManager frame = manager.newSubManager()) {
            int n = batch * channels * BehaviourNet.WINDOW;
            NDArray x = frame.create(FloatBuffer.wrap(input, 0, n), BehaviourNet.inputShape(batch, channels));
            pass(x, batch, logits);
        }
    }

    private static void requireExact(int batch) {
        if (batch > 1 && !DjlRuntime.batchesExact()) {
            throw new IllegalStateException("a batch of " + batch + " windows would take libtorch's inexact oneDNN "
                    + "path: call DjlRuntime.start() first, or pass one window at a time");
        }
    }

    /** One forward pass into {@code logits}, checked finite ({@link FinitePass}). */
    private void pass(NDArray x, int batch, float[] logits) {
        FinitePass.run(block, store, x, logits, batch * BehaviourNet.OUTPUTS);
    }

    /** Feature version the weights were trained on. */
    public int featureVersion() {
        return featureVersion;
    }

    /** Channels per frame the weights read: the first this many of {@link FeatureEncoder}'s. */
    public int channels() {
        return channels;
    }

    /** Nets in this model (1, or the members of an ensemble). */
    public int nets() {
        return nets;
    }

    /** Softmax of {@code n} logits from {@code from} into {@code out}. */
    public static void softmax(float[] logits, int from, int n, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[from + i]);
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = (float) Math.exp(logits[from + i] - max);
            sum += out[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
    }

    @Override
    public void close() {
        if (shape != null) {
            shape.close();
        }
        manager.close();
    }
}
