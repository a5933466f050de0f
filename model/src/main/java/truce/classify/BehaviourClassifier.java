package truce.classify;

import truce.features.FrameFeatures;

/**
 * Labels every frame from its features, causally: called once per frame in source order, it may keep state
 * from past frames but never waits for future ones. One instance per stream (not thread-safe, by design).
 */
public interface BehaviourClassifier extends AutoCloseable {

    /** Labels this frame. */
    Labels classify(FrameFeatures frame);

    /** Forgets the past (a new stream or a gap). */
    void reset();

    @Override
    default void close() {
    }
}
