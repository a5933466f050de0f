package truce.classify;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
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
 * The shape net: reads the cat's posture from its pixels ({@link BodyCrop}), where vision's blob measures it
 * badly (a cast shadow widens a light cat's blob, a dark coat's light rim narrows it, a still cat's heading flips).
 * Three 3x3 convolutions of stride 2 (16, 32, 32 filters, 32 -> 4 pixels; half the cost of convolving at full
 * resolution and pooling, for the same reach), a dense layer of 32, and
 * {@link #OUTPUTS} outputs: the body's stretch and width factors as the generator draws them (standardised), and
 * the logits of calm, stalking and lunging from this one frame. About 25k parameters (100 KB). Its readings are
 * channels of the behaviour net's input ({@link FeatureEncoder} v5), which adds time.
 */
public final class ShapeNet {
    public static final int OUTPUTS = 5;
    /** Values per frame the behaviour net reads: seen, stretch, width, stalking and lunging probabilities. */
    public static final int READINGS = 5;
    /** Standardisation of the regression outputs: a walking body reads 0, a stalking one about +0.75 / -1.25. */
    public static final float STRETCH_MEAN = 1.0f;
    public static final float STRETCH_SCALE = 0.2f;
    public static final float WIDTH_MEAN = 0.95f;
    public static final float WIDTH_SCALE = 0.12f;
    private static final int[] FILTERS = {16, 32, 32};
    private static final int HIDDEN = 32;
    private static final String MAGIC = "truce-shape-net crop=" + BodyCrop.SIZE + " stride2 filters=16,32,32 hidden="
            + HIDDEN + " outputs=" + OUTPUTS + "\n";
    /** File name beside {@code behaviour.params} in a model directory. */
    public static final String FILE = "shape.params";

    private ShapeNet() {
    }

    /** The input shape of a batch of {@code batch} crops. */
    public static Shape inputShape(int batch) {
        return new Shape(batch, 3, BodyCrop.SIZE, BodyCrop.SIZE);
    }

    /** Floats of one crop's input. */
    public static final int INPUT = 3 * BodyCrop.SIZE * BodyCrop.SIZE;

    /** A fresh, uninitialised net. */
    public static SequentialBlock build() {
        SequentialBlock b = new SequentialBlock();
        for (int f : FILTERS) {
            b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .optStride(new Shape(2, 2)).setFilters(f).build())
                    .add(Activation.reluBlock());
        }
        return b.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(OUTPUTS).build());
    }

    /**
     * One crop's BGR bytes as the net's planar input at {@code out[offset..]}: each channel's mean taken out and
     * divided by the crop's spread, so a change of light or coat colour moves nothing but the contrast. With
     * {@code flipAlong} the crop is mirrored head for tail and with {@code flipAcross} side for side (training's
     * augmentation: a still cat's heading flips, and a body looks the same mirrored).
     */
    public static void input(byte[] crop, int from, float[] out, int offset, boolean flipAlong, boolean flipAcross) {
        input(crop, from, java.nio.FloatBuffer.wrap(out), offset, flipAlong, flipAcross);
    }

    /** The same into a buffer (the live path writes straight into the net's direct input buffer). */
    public static void input(byte[] crop, int from, java.nio.FloatBuffer out, int offset, boolean flipAlong,
                             boolean flipAcross) {
        int s = BodyCrop.SIZE;
        double m0 = 0;
        double m1 = 0;
        double m2 = 0;
        for (int p = 0; p < s * s; p++) {
            m0 += crop[from + 3 * p] & 0xff;
            m1 += crop[from + 3 * p + 1] & 0xff;
            m2 += crop[from + 3 * p + 2] & 0xff;
        }
        m0 /= s * s;
        m1 /= s * s;
        m2 /= s * s;
        double sq = 0;
        for (int p = 0; p < s * s; p++) {
            double a = (crop[from + 3 * p] & 0xff) - m0;
            double b = (crop[from + 3 * p + 1] & 0xff) - m1;
            double c = (crop[from + 3 * p + 2] & 0xff) - m2;
            sq += a * a + b * b + c * c;
        }
        // a few grey levels of floor: a flat crop is not blown up into noise
        float inv = (float) (1 / (Math.sqrt(sq / (3.0 * s * s)) + 4));
        int plane = s * s;
        for (int y = 0; y < s; y++) {
            int sy = flipAcross ? s - 1 - y : y;
            for (int x = 0; x < s; x++) {
                int sx = flipAlong ? s - 1 - x : x;
                int p = from + 3 * (sy * s + sx);
                int o = offset + y * s + x;
                out.put(o, (float) (((crop[p] & 0xff) - m0) * inv));
                out.put(o + plane, (float) (((crop[p + 1] & 0xff) - m1) * inv));
                out.put(o + 2 * plane, (float) (((crop[p + 2] & 0xff) - m2) * inv));
            }
        }
    }

    /** Writes the net's weights after a one-line header. */
    public static void save(Block block, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            block.saveParameters(out);
        }
    }

    /** Builds the net and loads weights written by {@link #save}; refuses anything else. */
    public static SequentialBlock load(NDManager manager, InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        byte[] head = data.readNBytes(MAGIC.length());
        if (!MAGIC.equals(new String(head, StandardCharsets.US_ASCII))) {
            throw new IOException(source + ": not weights for this shape net (expected header '" + MAGIC.strip()
                    + "'); retrain with `truce train`");
        }
        SequentialBlock block = build();
        block.initialize(manager, DataType.FLOAT32, inputShape(1));
        try {
            block.loadParameters(manager, data);
        } catch (MalformedModelException | RuntimeException | IOException e) {
            throw new IOException(source + ": corrupt shape-net weights: " + e.getMessage(), e);
        }
        return block;
    }

    /**
     * A batch's outputs as readings: for crop {@code b}, {@code outputs[b * OUTPUTS ..]} becomes {@code seen = 1},
     * the stretch and width factors, and the stalking and lunging probabilities at {@code readings[offset ..]}.
     */
    public static void reading(float[] outputs, int b, float[] readings, int offset) {
        int o = b * OUTPUTS;
        float max = Math.max(outputs[o + 2], Math.max(outputs[o + 3], outputs[o + 4]));
        double calm = Math.exp(outputs[o + 2] - max);
        double stalk = Math.exp(outputs[o + 3] - max);
        double lunge = Math.exp(outputs[o + 4] - max);
        double sum = calm + stalk + lunge;
        readings[offset] = 1f;
        readings[offset + 1] = outputs[o] * STRETCH_SCALE + STRETCH_MEAN;
        readings[offset + 2] = outputs[o + 1] * WIDTH_SCALE + WIDTH_MEAN;
        readings[offset + 3] = (float) (stalk / sum);
        readings[offset + 4] = (float) (lunge / sum);
    }
}
