package truce.metrics;

import java.util.List;
import java.util.Map;

/**
 * product.md's calm metrics of one session (live or final). Times in seconds, shares in [0, 1].
 *
 * @param observedS              time covered by frames (gaps in the stream are left out)
 * @param catPostureS            seconds in each cat posture, plus "not_visible"
 * @param catPostureShare        the same as shares of observedS
 * @param ratStateS              seconds in each rat state, plus "none" (no rat seen yet)
 * @param ratStateShare          the same as shares of observedS
 * @param calmShare              share of time with the cat calm and the rat exploring, both in view
 * @param longestCalmStreak      the longest such stretch (null if none)
 * @param timeToFirstCalm60sS    from session start to the start of the first calm stretch lasting 60 s (null if none)
 * @param stalkingEpisodes       each unbroken stalking stretch
 * @param lungeEpisodes          each lunge
 * @param flightEpisodes         each flight of the rat
 * @param minDistancePx          minimum cat-rat distance while both in view (null if never)
 * @param medianDistancePx       median of it (time-weighted, 0.5 px resolution)
 * @param withinOneCatLengthShare share of the time both are in view that they are within one cat body length
 * @param calmLooks              how often the calm cat looked straight at the rat for 2 s or more
 * @param calmLookTimesMs        when each calm look reached 2 s
 * @param calmScore              0-100, see {@link MetricsAccumulator#calmScore}
 */
public record CalmMetrics(
        double observedS,
        Map<String, Double> catPostureS, Map<String, Double> catPostureShare,
        Map<String, Double> ratStateS, Map<String, Double> ratStateShare,
        double calmShare,
        Episode longestCalmStreak,
        Double timeToFirstCalm60sS,
        int stalkingCount, List<Episode> stalkingEpisodes,
        int lungeCount, List<Episode> lungeEpisodes,
        int flightCount, List<Episode> flightEpisodes,
        Double minDistancePx, Double medianDistancePx, double withinOneCatLengthShare,
        int calmLooks, List<Double> calmLookTimesMs,
        int calmScore) {
}
