package truce.live;

import java.io.IOException;

/** A camera's stream of labelled frames: capture, detection and classification behind one call. */
public interface LiveFeed extends AutoCloseable {

    /**
     * The next frame, blocking until it arrives; null at the end of the stream (a file or demo ran out).
     * Throws when the source fails (unplugged, network): the loop reopens it with backoff.
     */
    LiveFrame next() throws IOException, InterruptedException;

    @Override
    void close();

    /** Frames a live source skipped to stay current, since it was opened. */
    default long droppedFrames() {
        return 0;
    }

    /** Opens a camera's feed; called again after a failure or, for looping sources, after the end. */
    interface Opener {
        LiveFeed open() throws IOException;

        /** What the camera reads, for GET /api/cameras ("demo", "/dev/video0", "rtsp://..."). */
        String describe();

        /** Whether the stream starts over after it ends (the demo loops; a file does not). */
        boolean restartsAtEnd();

        /**
         * A camera or stream (reopened after a failure) rather than a file: a damaged file is read up to the damage,
         * then treated as ended, never reread from the start.
         */
        default boolean live() {
            return true;
        }
    }
}
