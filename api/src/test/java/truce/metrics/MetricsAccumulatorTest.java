package truce.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.session.Detection;

class MetricsAccumulatorTest {

    /** 10 fps: frame i at 100*i ms. */
    private static Detection d(int i, CatPosture cat, RatState rat, float dist, float facing) {
        boolean catV = cat != null;
        boolean ratV = rat != null && rat != RatState.HIDING;
        boolean both = catV && ratV;
        return new Detection(i, i * 100.0, cat, rat, catV ? 10 : Float.NaN, catV ? 10 : Float.NaN,
                ratV ? 10 + dist : Float.NaN, ratV ? 10 : Float.NaN, catV, ratV,
                both ? dist : Float.NaN, both ? dist / 50f : Float.NaN, both ? facing : Float.NaN);
    }

    @Test
    void timesSharesEpisodesAndDistances() {
        List<Detection> ds = new ArrayList<>();
        int i = 0;
        // 0..99: calm + exploring at 100 px, not facing (10 s)
        for (; i < 100; i++) {
            ds.add(d(i, CatPosture.CALM, RatState.EXPLORING, 100, 1.5f));
        }
        // 100..129: stalking at 40 px (3 s, within one cat length of 50 px)
        for (; i < 130; i++) {
            ds.add(d(i, CatPosture.STALKING, RatState.EXPLORING, 40, 0.1f));
        }
        // 130..132: lunge; rat flees 131..140
        for (; i < 133; i++) {
            ds.add(d(i, CatPosture.LUNGING, i == 130 ? RatState.EXPLORING : RatState.FLEEING, 20, 0f));
        }
        for (; i < 141; i++) {
            ds.add(d(i, CatPosture.CALM, RatState.FLEEING, 200, 1f));
        }
        // 141..199: rat hiding, cat calm
        for (; i < 200; i++) {
            ds.add(d(i, CatPosture.CALM, RatState.HIDING, 0, 0));
        }
        MetricsAccumulator acc = new MetricsAccumulator();
        ds.forEach(acc::add);
        CalmMetrics m = acc.snapshot();

        assertEquals(19.9, m.observedS(), 1e-9);
        // frame 0 counts 0 s; each later frame counts 0.1 s
        assertEquals(9.9 + 0.8 + 5.9, m.catPostureS().get("calm"), 1e-9);
        assertEquals(3.0, m.catPostureS().get("stalking"), 1e-9);
        assertEquals(0.3, m.catPostureS().get("lunging"), 1e-9);
        assertEquals(1.0, m.ratStateS().get("fleeing"), 1e-9);
        assertEquals(5.9, m.ratStateS().get("hiding"), 1e-9);
        assertEquals(Math.round(9.9 / 19.9 * 10000) / 10000.0, m.calmShare(), 1e-9);
        assertEquals(new Episode(0, 9900), m.longestCalmStreak());
        assertNull(m.timeToFirstCalm60sS());
        assertEquals(1, m.stalkingCount());
        assertEquals(new Episode(10000, 12900), m.stalkingEpisodes().get(0));
        assertEquals(1, m.lungeCount());
        assertEquals(new Episode(13000, 13200), m.lungeEpisodes().get(0));
        assertEquals(1, m.flightCount());
        assertEquals(new Episode(13100, 14000), m.flightEpisodes().get(0));
        assertEquals(20.0, m.minDistancePx(), 1e-9);
        assertEquals(100.0, m.medianDistancePx(), 1e-9);
        // within 50 px: 30 stalking + 3 lunging frames of the 141 with both in view (0.1 s each, frame 0 zero)
        assertEquals(Math.round(3.3 / 14.0 * 10000) / 10000.0, m.withinOneCatLengthShare(), 1e-9);
        assertEquals(0, m.calmLooks());
        assertTrue(m.calmScore() >= 0 && m.calmScore() <= 100);
    }

    @Test
    void calmLookCountsOncePerTwoSecondsOfCalmFacing() {
        List<Double> cues = new ArrayList<>();
        MetricsAccumulator acc = new MetricsAccumulator(d -> cues.add(d.timeMs()));
        for (int i = 0; i < 50; i++) { // 5 s calm facing the rat
            acc.add(d(i, CatPosture.CALM, RatState.EXPLORING, 100, 0.1f));
        }
        for (int i = 50; i < 55; i++) { // looks away
            acc.add(d(i, CatPosture.CALM, RatState.EXPLORING, 100, 1.0f));
        }
        for (int i = 55; i < 70; i++) { // 1.4 s facing: too short
            acc.add(d(i, CatPosture.CALM, RatState.EXPLORING, 100, 0.1f));
        }
        CalmMetrics m = acc.snapshot();
        assertEquals(1, m.calmLooks());
        assertEquals(List.of(2000.0), cues);
        assertEquals(List.of(2000.0), m.calmLookTimesMs());
    }

    @Test
    void firstSixtySecondCalmStreakAndGapsBreakStreaks() {
        MetricsAccumulator acc = new MetricsAccumulator();
        int i = 0;
        for (; i < 50; i++) {
            acc.add(d(i, CatPosture.STALKING, RatState.EXPLORING, 100, 1));
        }
        for (; i < 50 + 610; i++) {
            acc.add(d(i, CatPosture.CALM, RatState.EXPLORING, 100, 1));
        }
        CalmMetrics m = acc.snapshot();
        assertEquals(5.0, m.timeToFirstCalm60sS(), 1e-9);
        assertEquals(new Episode(5000, 65900), m.longestCalmStreak());

        // A 3 s camera gap: the gap is not observed time and breaks the streak.
        MetricsAccumulator g = new MetricsAccumulator();
        for (int k = 0; k < 20; k++) {
            g.add(d(k, CatPosture.CALM, RatState.EXPLORING, 100, 1));
        }
        for (int k = 50; k < 60; k++) {
            g.add(d(k, CatPosture.CALM, RatState.EXPLORING, 100, 1));
        }
        CalmMetrics gm = g.snapshot();
        assertEquals(1.9 + 0.9, gm.observedS(), 1e-9);
        assertEquals(new Episode(0, 1900), gm.longestCalmStreak());
    }

    @Test
    void calmScoreFormula() {
        assertEquals(0, MetricsAccumulator.calmScore(1, 600, 0, 0, 0, 5, 0));
        assertEquals(100, MetricsAccumulator.calmScore(1, 600, 0, 0, 0, 5, 600));
        assertEquals(70, MetricsAccumulator.calmScore(1, 0, 0, 0, 0, 0, 600));
        // one lunge in a 10-minute session costs 25; in a 20-minute one 12.5
        assertEquals(75, MetricsAccumulator.calmScore(1, 600, 0, 1, 0, 5, 600));
        assertEquals(88, MetricsAccumulator.calmScore(1, 600, 0, 1, 0, 5, 1200));
        assertEquals(0, MetricsAccumulator.calmScore(0.1, 0, 5, 3, 5, 0, 600));
    }
}
