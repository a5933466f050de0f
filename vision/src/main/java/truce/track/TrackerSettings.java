package truce.track;

/**
 * Tuning of identity tracking.
 *
 * @param catMinAreaCm2   a blob at least this large (cm^2 seen from above) is cat-sized; smaller is rat-sized
 *                        (a cat of 30-55 cm covers ~250-800 cm^2, a rat of 15-28 cm ~60-200 cm^2)
 * @param defaultViewWidthCm assumed floor width when none is given, only to judge a lone animal's size
 * @param maxSpeedLengths fastest plausible motion, body lengths per second (a lunge is ~5-8)
 * @param minRatElongation a new rat must look at least this elongated (a rolling ball is round)
 * @param minNewContrast  a blob must differ from the floor by at least this much on average (0..765) to
 *                        become a new animal: flicker and reflections barely pass the pixel threshold
 */
public record TrackerSettings(double catMinAreaCm2, double defaultViewWidthCm, double maxSpeedLengths,
                              double minRatElongation, double minNewContrast) {
    public static final TrackerSettings DEFAULT = new TrackerSettings(230, 120, 12, 1.3, 90);
}
