package truce.classify;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour net: a small causal temporal convolution over the last {@link #WINDOW} frames of
 * {@link FeatureEncoder} vectors, then a dense layer and one linear output of six logits, the cat head
 * (calm, stalking, lunging) first and the rat head (exploring, hiding, fleeing) after. The window holds only
 * past and current frames, so every output is causal. Dilations 1, 2, 4 give each of the ten output positions
 * a 15-frame receptive field (half a second at 30 fps), which sees a lunge's burst and a stalk's creep alike.
 * About 31k parameters (~120 KB), built here block by block (no model zoo).
 */
public final class BehaviourNet {
    /** Frames per input window (0.8 s at 30 fps). */
    public static final int WINDOW = 24;
    static final int LAYERS = 3;
    public static final int CAT_CLASSES = 3;
    public static final int RAT_CLASSES = 3;
    public static final int OUTPUTS = CAT_CLASSES + RAT_CLASSES;
    private static final int FILTERS = 32;
    /** Taps of each causal convolution. */
    static final int KERNEL = 3;
    private static final int HIDDEN = 64;
    /** Dropout after the dense layer in training (no parameter: weights of any dropout load alike). */
    public static final float DROPOUT = 0.3f;
    /** First line of the params file: what the weights were trained for. */
    private static final String MAGIC = "truce-behaviour-net";
    /** Most nets in one weights file (they run fused, side by side in one forward pass; see BehaviourModel). */
    public static final int MAX_NETS = 5;

    private BehaviourNet() {
    }

    /** The input shape of a batch of {@code batch} windows (of the current feature version). */
    public static Shape inputShape(int batch) {
        return inputShape(batch, FeatureEncoder.CHANNELS);
    }

    /** The input shape of a batch of {@code batch} windows of {@code channels} channels. */
    public static Shape inputShape(int batch, int channels) {
        return new Shape(batch, channels, WINDOW);
    }

    /** Nets loaded from one weights file, and the feature version they were trained on. */
    public record Loaded(int featureVersion, List<SequentialBlock> nets) {
    }

    /** A fresh, uninitialised net. */
    public static SequentialBlock build() {
        return build(DROPOUT);
    }

    /** A fresh, uninitialised net with another dropout rate after its dense layer (training only). */
    public static SequentialBlock build(float dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
        }
        SequentialBlock b = new SequentialBlock();
        for (int l = 0; l < LAYERS; l++) {
            b.add(conv(dilation(l))).add(Activation.reluBlock());
        }
        return b.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation.reluBlock())
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(OUTPUTS).build());
    }

    /** Dilation of convolution {@code layer} (0-based): 1, 2, 4. */
    static int dilation(int layer) {
        return 1 << layer;
    }

    /** Output columns the last convolution leaves of the window, all of which the dense layer reads. */
    static int denseSpan() {
        int left = WINDOW;
        for (int l = 0; l < LAYERS; l++) {
            left -= (KERNEL - 1) * dilation(l);
        }
        return left;
    }

    private static Block conv(int dilation) {
        return Conv1d.builder().setKernelShape(new Shape(KERNEL)).optDilation(new Shape(dilation)).setFilters(FILTERS)
                .build();
    }

    /** Writes one net's weights, after a one-line header naming the feature version and window. */
    public static void save(Block block, Path file) throws IOException {
        save(List.of(block), file);
    }

    /**
     * Writes an ensemble: the header (with the number of nets) and each net's parameters in turn. The model
     * averages the nets' logits, which steadies the run-to-run spread of a single net.
     */
    public static void save(List<? extends Block> blocks, Path file) throws IOException {
        save(blocks, FeatureEncoder.VERSION, file);
    }

    /** Writes an ensemble of nets trained on feature version {@code featureVersion}. */
    public static void save(List<? extends Block> blocks, int featureVersion, Path file) throws IOException {
        if (blocks.isEmpty() || blocks.size() > MAX_NETS) {
            throw new IllegalArgumentException("an ensemble has 1 to " + MAX_NETS + " nets, was " + blocks.size());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(header(blocks.size(), featureVersion).getBytes(StandardCharsets.US_ASCII));
            for (Block b : blocks) {
                b.saveParameters(out);
            }
        }
    }

    /**
     * Joins weight files (members trained with other seeds; each may be an ensemble itself) into one ensemble file.
     *
     * @return how many nets the written file holds
     */
    public static int join(List<Path> members, Path file) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Loaded> loaded = new ArrayList<>();
            int version = -1;
            for (Path m : members) {
                try (InputStream in = Files.newInputStream(m)) {
                    Loaded l = load(manager, in, m.toString());
                    version = Math.max(version, l.featureVersion());
                    loaded.add(l);
                }
            }
            // each version's channels are a prefix of the next's: an older net joins as a net of the newest
            // version whose first layer gives the channels it never read a weight of zero, so it computes what it did
            List<SequentialBlock> blocks = new ArrayList<>();
            for (Loaded l : loaded) {
                for (SequentialBlock b : l.nets()) {
                    blocks.add(l.featureVersion() == version ? b : widen(manager, b, FeatureEncoder.channels(
                            l.featureVersion()), FeatureEncoder.channels(version)));
                }
            }
            save(blocks, version, file);
            return blocks.size();
        }
    }

    /** A copy of {@code net} (reading {@code from} channels) that reads {@code to}, the extra ones weighted zero. */
    static SequentialBlock widen(NDManager manager, SequentialBlock net, int from, int to) {
        SequentialBlock wide = build();
        wide.initialize(manager, DataType.FLOAT32, inputShape(1, to));
        var src = net.getParameters();
        var dst = wide.getParameters();
        for (int q = 0; q < src.size(); q++) {
            float[] v = src.get(q).getValue().getArray().toFloatArray();
            if (q == 0) {
                // the first convolution's kernel, (filters, channels, k): each filter's rows for the new channels are 0
                int k = KERNEL;
                float[] w = new float[FILTERS * to * k];
                for (int f = 0; f < FILTERS; f++) {
                    System.arraycopy(v, f * from * k, w, f * to * k, from * k);
                }
                v = w;
            }
            dst.get(q).getValue().getArray().set(java.nio.FloatBuffer.wrap(v));
        }
        return wide;
    }

    /**
     * Builds the nets and loads weights written by {@link #save}; refuses weights of an unknown feature version or
     * another net shape. Weights of feature version 3 load too: they read the first 29 channels, which v4 keeps.
     */
    public static Loaded load(NDManager manager, InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        String prefix = prefix(FeatureEncoder.VERSION);
        byte[] head = data.readNBytes(prefix.length());
        String found = new String(head, StandardCharsets.US_ASCII);
        int version = -1;
        for (int v : FeatureEncoder.READABLE_VERSIONS) {
            if (prefix(v).equals(found)) {
                version = v;
            }
        }
        String rest = readLine(data);
        int nets = -1;
        if (rest.isEmpty()) {
            nets = 1; // written before ensembles: one net
        } else if (rest.startsWith(" nets=")) {
            try {
                nets = Integer.parseInt(rest.substring(" nets=".length()).trim());
            } catch (NumberFormatException e) {
                nets = -1;
            }
        }
        if (version < 0 || nets < 1 || nets > MAX_NETS) {
            throw new IOException(source + ": not weights for this net (expected header '" + header(1, FeatureEncoder.VERSION).strip()
                    + "', found '" + (found + rest).strip() + "'); retrain with `truce train`");
        }
        List<SequentialBlock> blocks = new ArrayList<>(nets);
        for (int k = 0; k < nets; k++) {
            SequentialBlock block = build();
            block.initialize(manager, DataType.FLOAT32, inputShape(1, FeatureEncoder.channels(version)));
            try {
                block.loadParameters(manager, data);
            } catch (MalformedModelException | RuntimeException | IOException e) {
                throw new IOException(source + ": corrupt weights (net " + (k + 1) + " of " + nets + "): "
                        + e.getMessage(), e);
            }
            blocks.add(block);
        }
        return new Loaded(version, blocks);
    }

    /**
     * One net that computes exactly the mean of the ensemble's logits in one forward pass: the members' first
     * convolutions side by side, the later ones and the dense layer as grouped convolutions (each member's filters
     * see only its own), and the output layer summing the members' outputs divided by their number.
     * A forward pass of these tiny nets costs mostly the per-operation overhead, not the arithmetic, so the fused
     * ensemble costs about what one net does, where running the members in turn would cost that many times over.
     */
    public static SequentialBlock fuse(NDManager manager, List<? extends Block> members, int channels) {
        int n = members.size();
        SequentialBlock fused = new SequentialBlock();
        for (int l = 0; l < LAYERS; l++) {
            fused.add(Conv1d.builder().setKernelShape(new Shape(KERNEL)).optDilation(new Shape(dilation(l)))
                    .setFilters(FILTERS * n).optGroups(l == 0 ? 1 : n).build()).add(Activation.reluBlock());
        }
        // each member's dense layer over its own filters: a grouped convolution as long as what is left of the window
        fused.add(Conv1d.builder().setKernelShape(new Shape(denseSpan())).setFilters(HIDDEN * n).optGroups(n).build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(OUTPUTS).build());
        fused.initialize(manager, DataType.FLOAT32, inputShape(1, channels));
        List<List<float[]>> p = new ArrayList<>();
        for (Block m : members) {
            List<float[]> arrays = new ArrayList<>();
            for (var pair : m.getParameters()) {
                arrays.add(pair.getValue().getArray().toFloatArray());
            }
            p.add(arrays);
        }
        List<ai.djl.nn.Parameter> out = new ArrayList<>();
        for (var pair : fused.getParameters()) {
            out.add(pair.getValue());
        }
        // conv layers: weights (out, in/groups, k) and biases stack along the output filters; so does the dense
        // layer, since a member's (HIDDEN, FILTERS x L) weights, flattened filter by filter, are the
        // (HIDDEN, FILTERS, L) kernel of its group
        for (int q = 0; q < 2 * LAYERS + 2; q++) {
            float[] all = new float[p.get(0).get(q).length * n];
            for (int k = 0; k < n; k++) {
                float[] a = p.get(k).get(q);
                System.arraycopy(a, 0, all, k * a.length, a.length);
            }
            set(out.get(q), all);
        }
        // output: the members' weights side by side, divided by n, and their mean bias
        float[] wo = new float[OUTPUTS * HIDDEN * n];
        float[] bo = new float[OUTPUTS];
        for (int k = 0; k < n; k++) {
            float[] wk = p.get(k).get(2 * LAYERS + 2);
            float[] bk = p.get(k).get(2 * LAYERS + 3);
            for (int o = 0; o < OUTPUTS; o++) {
                for (int i = 0; i < HIDDEN; i++) {
                    wo[o * HIDDEN * n + k * HIDDEN + i] = wk[o * HIDDEN + i] / n;
                }
                bo[o] += bk[o] / n;
            }
        }
        set(out.get(2 * LAYERS + 2), wo);
        set(out.get(2 * LAYERS + 3), bo);
        return fused;
    }

    private static void set(ai.djl.nn.Parameter p, float[] values) {
        if (p.getArray().size() != values.length) {
            throw new IllegalStateException("fusing " + p.getName() + ": " + values.length + " values for "
                    + p.getArray().getShape());
        }
        p.getArray().set(java.nio.FloatBuffer.wrap(values));
    }

    /** The rest of the header line, up to 40 characters (a longer one is no header of ours). */
    private static String readLine(DataInputStream data) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int c = data.read();
            if (c < 0 || c == '\n') {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private static String header(int nets, int featureVersion) {
        return prefix(featureVersion) + " nets=" + nets + "\n";
    }

    /** The header up to the number of nets: what the weights were trained for. */
    private static String prefix(int featureVersion) {
        return MAGIC + " features=v" + featureVersion + " channels=" + FeatureEncoder.channels(featureVersion)
                + " window=" + WINDOW + " filters=" + FILTERS + " hidden=" + HIDDEN + " dropout";
    }
}
