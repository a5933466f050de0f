package truce.service;

/**
 * How a camera records and cuts highlights.
 *
 * @param record         record sessions to disk at all
 * @param segmentSeconds length of a recorded segment
 * @param fps            frame rate written into recordings (the source's nominal rate)
 * @param minFreeBytes   below this much free space on the data disk, recording stops (DISK_FULL alert)
 * @param highlightPreMs clip start before the moment
 * @param highlightPostMs clip end after it
 * @param ringFps        frame rate of the highlight ring and clips
 * @param clipMaxWidth   clips are scaled down to at most this width
 */
public record MediaOptions(boolean record, double segmentSeconds, double fps, long minFreeBytes,
                           double highlightPreMs, double highlightPostMs, double ringFps, int clipMaxWidth) {
    public static final MediaOptions DEFAULTS = new MediaOptions(true, 60, 30, 500L << 20, 3000, 3000, 15, 960);

    public MediaOptions withFps(double f) {
        return new MediaOptions(record, segmentSeconds, f > 0 ? f : fps, minFreeBytes, highlightPreMs, highlightPostMs, ringFps, clipMaxWidth);
    }
}
