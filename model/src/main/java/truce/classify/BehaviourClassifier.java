package truce.classify;

import org.opencv.core.Mat;
import truce.features.FrameFeatures;

/**
 * Labels every frame from its features, causally: called once per frame in source order, it may keep state
 * from past frames but never waits for future ones. One instance per stream (not thread-safe, by design).
 */
public interface BehaviourClassifier extends AutoCloseable {

    /** Labels this frame. */
    Labels classify(FrameFeatures frame);

    /**
     * Labels this frame, with its pixels for a classifier that reads the cat's crop ({@link #readsPixels()}); the
     * others ignore them.
     */
    default Labels classify(FrameFeatures frame, Mat bgr) {
        return classify(frame);
    }

    /**
     * Labels this frame with the shape net's readings of its crop already made ({@link ShapeNet#READINGS} values at
     * {@code shape[offset..]}; offline evaluation reads them in batches); the others ignore them.
     */
    default Labels classify(FrameFeatures frame, float[] shape, int offset) {
        return classify(frame);
    }

    /** Whether this classifier reads the cat's crop (then give it each frame's pixels). */
    default boolean readsPixels() {
        return false;
    }

    /** Forgets the past (a new stream or a gap). */
    void reset();

    @Override
    default void close() {
    }
}
