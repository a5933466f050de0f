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
    private static final int LAYERS = 3;
    public static final int CAT_CLASSES = 3;
    public static final int RAT_CLASSES = 3;
    public static final int OUTPUTS = CAT_CLASSES + RAT_CLASSES;
    private static final int FILTERS = 32;
    private static final int HIDDEN = 64;
    private static final float DROPOUT = 0.3f;
    /** First line of the params file: what the weights were trained for. */
    private static final String MAGIC = "truce-behaviour-net";

    private BehaviourNet() {
    }

    /** The input shape of a batch of {@code batch} windows. */
    public static Shape inputShape(int batch) {
        return new Shape(batch, FeatureEncoder.CHANNELS, WINDOW);
    }

    /** A fresh, uninitialised net. */
    public static SequentialBlock build() {
        SequentialBlock b = new SequentialBlock();
        for (int l = 0; l < LAYERS; l++) {
            b.add(conv(1 << l)).add(Activation.reluBlock());
        }
        return b.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation.reluBlock())
                .add(Dropout.builder().optRate(DROPOUT).build())
                .add(Linear.builder().setUnits(OUTPUTS).build());
    }

    private static Block conv(int dilation) {
        return Conv1d.builder().setKernelShape(new Shape(3)).optDilation(new Shape(dilation)).setFilters(FILTERS).build();
    }

    /** Writes the weights, after a one-line header naming the feature version and window. */
    public static void save(Block block, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(header().getBytes(StandardCharsets.US_ASCII));
            block.saveParameters(out);
        }
    }

    /** Builds a net and loads weights written by {@link #save}; refuses weights of another feature version. */
    public static SequentialBlock load(NDManager manager, InputStream in, String source) throws IOException {
        SequentialBlock block = build();
        block.initialize(manager, DataType.FLOAT32, inputShape(1));
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        String expected = header();
        byte[] head = data.readNBytes(expected.length());
        String found = new String(head, StandardCharsets.US_ASCII);
        if (!expected.equals(found)) {
            throw new IOException(source + ": not weights for this net (expected header '" + expected.strip()
                    + "', found '" + found.strip() + "'); retrain with `truce train`");
        }
        try {
            block.loadParameters(manager, data);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(source + ": corrupt weights: " + e.getMessage(), e);
        }
        return block;
    }

    private static String header() {
        return MAGIC + " features=v" + FeatureEncoder.VERSION + " channels=" + FeatureEncoder.CHANNELS
                + " window=" + WINDOW + " filters=" + FILTERS + " hidden=" + HIDDEN + " dropout\n";
    }
}
