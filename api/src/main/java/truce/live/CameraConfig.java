package truce.live;

/**
 * One camera (playpen) of the config file or the command line.
 *
 * @param id          short name used in the API ("cam0")
 * @param source      "demo", a device index or path, an RTSP/HTTP URL, or a video file
 * @param pair        the pair an automatic session is tagged with (e.g. "Tom+Remy")
 * @param stage       the protocol stage (1-5) an automatic session is tagged with
 * @param viewWidthCm width of floor the picture spans (cm), or null
 * @param zones       zones JSON file, or null
 * @param truth       a per-frame truth CSV to replay as labels instead of running the classifier (TruthReplay)
 */
public record CameraConfig(String id, String source, String pair, Integer stage, Double viewWidthCm, String zones,
                           String truth) {

    public CameraConfig {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("camera id must be 1-32 letters, digits, '-' or '_', was '" + id + "'");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("camera " + id + ": source is required");
        }
        if (pair == null || pair.isBlank()) {
            pair = "unnamed";
        }
        if (stage == null) {
            stage = 5;
        }
        if (stage < 1 || stage > 5) {
            throw new IllegalArgumentException("camera " + id + ": stage must be 1-5, was " + stage);
        }
    }
}
