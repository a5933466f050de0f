package truce.classify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.opencv.core.Mat;
import truce.features.AnimalFeatures;

/**
 * One stream's reader of the cat's shape: cuts the cat's crop from each frame ({@link BodyCrop}) and reads it with
 * the shared {@link ShapeModel}. Buffers are reused; one instance per stream.
 */
public final class ShapeReader implements AutoCloseable {
    private final ShapeModel model;
    private final BodyCrop crop = new BodyCrop();
    private final byte[] pixels = new byte[BodyCrop.BYTES];
    private final ByteBuffer direct = ByteBuffer.allocateDirect(ShapeNet.INPUT * Float.BYTES).order(ByteOrder.nativeOrder());
    private final FloatBuffer directFloats = direct.asFloatBuffer();
    private final float[] outputs = new float[ShapeNet.OUTPUTS];

    public ShapeReader(ShapeModel model) {
        this.model = model;
    }

    /**
     * Writes this frame's {@link ShapeNet#READINGS} readings of the cat to {@code readings[offset..]}: all zero (not
     * seen) when the cat is out of view.
     */
    public void read(Mat bgr, AnimalFeatures cat, float[] readings, int offset) {
        if (bgr == null || !crop.cut(bgr, cat, pixels)) {
            java.util.Arrays.fill(readings, offset, offset + ShapeNet.READINGS, 0f);
            return;
        }
        ShapeNet.input(pixels, 0, directFloats, 0, false, false);
        model.outputs(direct, outputs);
        ShapeNet.reading(outputs, 0, readings, offset);
    }

    /** Forgets the stream (the crop's usual length). */
    public void reset() {
        crop.reset();
    }

    @Override
    public void close() {
        crop.close();
    }
}
