package truce.live;

import truce.metrics.CalmMetrics;
import truce.session.Detection;
import truce.session.SessionInfo;

/**
 * A stage fed by the camera loop after each frame is labelled: recording, highlights, the live view.
 * Called on the camera's thread; must return quickly (hand heavy work to its own thread).
 */
public interface FrameSink extends AutoCloseable {

    default void sessionStarted(SessionInfo session) {
    }

    /** {@code sessionId} is null between sessions; {@code d} is session-relative when a session is live. */
    void frame(LiveFrame f, Detection d, Long sessionId);

    default void sessionEnded(SessionInfo session, CalmMetrics metrics) {
    }

    @Override
    default void close() {
    }
}
