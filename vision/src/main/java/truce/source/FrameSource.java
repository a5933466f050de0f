package truce.source;

/**
 * Where frames come from: a camera, a video file, a network stream or a folder of images. One small
 * interface; one file per implementation; {@link FrameSources#open} picks one from a spec string.
 *
 * <p>A file source delivers every frame, in order. A live source never lets its reader fall behind: it keeps
 * only the newest frame and counts the ones it dropped.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * Fills {@code into} with the next frame, reusing its pixels.
     *
     * @return false at the clean end of the stream (or once a live source was closed)
     * @throws SourceException when the source failed; every good frame before the damage was delivered first
     * @throws InterruptedException when the reading thread is interrupted while a live source waits
     */
    boolean read(Frame into) throws SourceException, InterruptedException;

    /** What this source reads, for messages: a path, a device or a URL. */
    String description();

    /** True for cameras and streams (drop stale frames, reconnect), false for files and folders. */
    boolean live();

    /** Nominal frames per second (0 when unknown). */
    double fps();

    /** Frames a live source dropped because the reader was busy; 0 for file sources. */
    default long droppedFrames() {
        return 0;
    }

    /** Frames in the whole file when the container says so, else -1. */
    default long frameCount() {
        return -1;
    }

    @Override
    void close();
}
