package truce.detect;

/**
 * Tuning of the background-difference detector.
 *
 * @param workWidth      width of the working image; the frame is shrunk by a whole factor to about this
 *                       (160 px: a rat is still ~25 px long, and every per-pixel step costs 1/16 of 640x480)
 * @param thresholdAbs   colour difference (sum over B, G, R, 0..765) that always counts as foreground
 * @param thresholdRel   plus at most this share of the background's brightness (bright floors flicker more);
 *                       once seeded, each pixel's own share follows how much it varied over the seed samples
 * @param learnRate      background learning rate per frame where nothing is (drift, slow light changes)
 * @param strayRate      learning rate under foreground that no animal explains (a toy put down, moved
 *                       furniture, a ghost): slow, so passing things are not learned but parked ones are
 * @param relearnRate    learning rate for a few frames after a light step that the global gain cannot explain
 * @param minBlobPixels  smallest blob kept, in working pixels (noise, JPEG blocks, reflections)
 */
public record DetectorSettings(int workWidth, double thresholdAbs, double thresholdRel, double learnRate,
                               double strayRate, double relearnRate, int minBlobPixels) {
    public static final DetectorSettings DEFAULT = new DetectorSettings(160, 22, 0.04, 0.02, 0.004, 0.3, 6);

    public DetectorSettings withWorkWidth(int w) {
        return new DetectorSettings(w, thresholdAbs, thresholdRel, learnRate, strayRate, relearnRate, minBlobPixels);
    }
}
