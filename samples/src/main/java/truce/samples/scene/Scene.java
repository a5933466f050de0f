package truce.samples.scene;

import org.opencv.core.Mat;
import truce.framecsv.FrameRow;
import truce.samples.render.FrameRenderer;
import truce.samples.render.FrameTruth;
import truce.samples.script.ScriptFrame;

/**
 * One scene rendered frame by frame, in process: for tests and for training code that wants frames with their
 * truth without going through files. Not thread-safe; one per thread.
 * <pre>
 * try (Scene scene = generator.open(0)) {
 *     while (scene.next()) { Mat bgr = scene.frame(); FrameRow truth = scene.truth(); Mat labels = scene.labels(); }
 * }
 * </pre>
 */
public final class Scene implements AutoCloseable {
    private final ScenePlan plan;
    private final FrameRenderer renderer;
    private int index = -1;
    private FrameRow truth;
    private FrameTruth measured;

    Scene(ScenePlan plan, boolean camera) {
        this.plan = plan;
        this.renderer = new FrameRenderer(plan.playpen(), plan.look(), plan.catLengthCm(), plan.ratLengthCm(),
                plan.info().width(), plan.info().height(), plan.info().fps(), camera);
    }

    public ScenePlan plan() {
        return plan;
    }

    /** Renders the next frame; false when the scene is over. */
    public boolean next() {
        if (index + 1 >= plan.script().size()) {
            return false;
        }
        index++;
        ScriptFrame f = plan.script().get(index);
        measured = renderer.render(f, index);
        truth = toRow(index, plan.info().fps(), f, measured);
        return true;
    }

    static FrameRow toRow(int index, double fps, ScriptFrame f, FrameTruth m) {
        boolean catVisible = m.cat().visible();
        boolean ratVisible = m.rat().visible();
        return new FrameRow(index, index * 1000.0 / fps,
                catVisible ? f.catPosture() : null,
                f.ratState(),
                m.cat().x(), m.cat().y(), m.rat().x(), m.rat().y(),
                catVisible, ratVisible);
    }

    /** Index of the current frame (0-based). */
    public int index() {
        return index;
    }

    /** The current picture, BGR; owned by the scene and overwritten by the next call to {@link #next()}. */
    public Mat frame() {
        return renderer.frame();
    }

    /** The current label mask (values in {@link truce.samples.render.Labels}); owned by the scene. */
    public Mat labels() {
        return renderer.labels();
    }

    /** The current frame's truth row. */
    public FrameRow truth() {
        return truth;
    }

    /** The current frame's measurements (visible shares, pixel counts). */
    public FrameTruth measured() {
        return measured;
    }

    /** What the script says of the current frame. */
    public ScriptFrame scripted() {
        return plan.script().get(index);
    }

    @Override
    public void close() {
        renderer.release();
    }
}
