package truce.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loaded weights of the {@link ShapeNet}, ready for inference. Read-only once loaded, so one instance serves
 * several streams; each stream cuts its crops with its own {@link ShapeReader}.
 */
public final class ShapeModel implements AutoCloseable {
    /** Classpath location of the committed weights. */
    public static final String DEFAULT_RESOURCE = "/truce/classify/" + ShapeNet.FILE;

    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;

    private ShapeModel(NDManager manager, Block block) {
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
    }

    /** The committed weights in the jar, or null when the jar ships none (a behaviour net of feature v4). */
    public static ShapeModel loadDefaultIfPresent() throws IOException {
        InputStream in = ShapeModel.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            return null;
        }
        try (in) {
            return load(in, "classpath:" + DEFAULT_RESOURCE);
        }
    }

    /** {@code shape.params} in a model directory (or beside a weights file), or null when there is none. */
    public static ShapeModel loadBeside(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(ShapeNet.FILE)
                : fileOrDir.resolveSibling(ShapeNet.FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return load(file);
    }

    /** The weights in {@code file}. */
    public static ShapeModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    private static ShapeModel load(InputStream in, String source) throws IOException {
        DjlRuntime.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            return new ShapeModel(manager, ShapeNet.load(manager, in, source));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Wraps an initialised block (training reads with its nets this way); the caller keeps the block. */
    public static ShapeModel wrap(Block block) {
        DjlRuntime.start();
        return new ShapeModel(NDManager.newBaseManager(), block);
    }

    /** Runs {@code batch} crop inputs laid out as {@link ShapeNet#inputShape} into {@code outputs}. */
    public void outputs(float[] input, int batch, float[] outputs) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(FloatBuffer.wrap(input, 0, batch * ShapeNet.INPUT), ShapeNet.inputShape(batch));
            pass(x, batch, outputs);
        }
    }

    /** The same for one crop in a direct, native-order buffer (the live path: no copy, no allocation of ours). */
    public void outputs(ByteBuffer input, float[] outputs) {
        try (NDManager m = manager.newSubManager()) {
            pass(m.create(input.rewind(), ShapeNet.inputShape(1), DataType.FLOAT32), 1, outputs);
        }
    }

    private void pass(NDArray x, int batch, float[] outputs) {
        FinitePass.run(block, store, x, outputs, batch * ShapeNet.OUTPUTS);
    }

    @Override
    public void close() {
        manager.close();
    }
}
