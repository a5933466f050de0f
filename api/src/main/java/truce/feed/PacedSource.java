package truce.feed;

import java.io.IOException;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.SourceException;

/**
 * The capture half every feed shares: one reused frame read from a vision source, paced at real time when a file
 * stands in for a camera, its failures turned into the IOException the camera loop reopens on.
 */
final class PacedSource implements AutoCloseable {
    private final FrameSource source;
    private final Pacer pacer;
    private final Frame frame = new Frame();

    /** Takes ownership of the source. */
    PacedSource(FrameSource source, boolean pace) {
        this.source = source;
        this.pacer = pace ? new Pacer() : null;
    }

    /** Reads the next frame into {@link #frame()} (waiting for its media time when paced); false at the end. */
    boolean read() throws IOException, InterruptedException {
        try {
            if (!source.read(frame)) {
                return false;
            }
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (pacer != null) {
            pacer.await(frame.mediaTimeMs());
        }
        return true;
    }

    /** The frame last read, reused: valid until the next read. */
    Frame frame() {
        return frame;
    }

    long droppedFrames() {
        return source.droppedFrames();
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            frame.close();
        }
    }
}
