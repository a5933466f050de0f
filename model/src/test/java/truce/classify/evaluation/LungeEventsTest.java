package truce.classify.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LungeEventsTest {

    private static boolean[] flags(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < s.length(); i++) {
            b[i] = s.charAt(i) == 'L';
        }
        return b;
    }

    private static boolean[] calm(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < s.length(); i++) {
            b[i] = s.charAt(i) == '.';
        }
        return b;
    }

    private static double[] times(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 100.0; // 10 fps keeps the arithmetic readable
        }
        return t;
    }

    @Test
    void recallLatencyAndFalseLunges() {
        String truth = "....LLLLL.......LLLL..........LLL.....";
        String pred  = "......LLLL.......LLL.....LL...........";
        LungeEvents e = new LungeEvents();
        e.addScene(flags(truth), flags(pred), calm(truth), times(truth.length()));
        assertEquals(3, e.lunges());
        assertEquals(2, e.detected());
        assertEquals(2.0 / 3, e.recall(), 1e-12);
        // latencies: 2 frames (200 ms) and 1 frame (100 ms)
        assertEquals(100, e.medianLatencyMs(), 1e-9);
        assertEquals(200, e.latencyPercentileMs(100), 1e-9);
        assertEquals(2, e.maxLatencyFrames());
        assertEquals(1, e.falseLunges(), "the run at 25-26 touches no true lunge");
        double minutes = truth.length() * 100.0 / 60000;
        assertEquals(1 / minutes, e.falseLungesPerMinute(), 1e-9);
    }

    @Test
    void anEarlyPredictionWithinToleranceCountsWithZeroLatency() {
        String truth = "..........LLLL......";
        String pred  = "........LLLLLL......";
        LungeEvents e = new LungeEvents();
        e.addScene(flags(truth), flags(pred), calm(truth), times(truth.length()));
        assertEquals(1, e.detected());
        assertEquals(0, e.medianLatencyMs(), 1e-9);
        assertEquals(0, e.falseLunges());
    }

    @Test
    void countsOnlyTheMarkedLungesAndNamesTheMissedAndFalseOnes() {
        String truth   = "....LLLLL.......LLLL..........LLL.....";
        String pred    = "......LLLL...............LL...........";
        String counted = "++++++++++++++++--------++++++++++++++";
        boolean[] mask = new boolean[counted.length()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = counted.charAt(i) == '+';
        }
        LungeEvents e = new LungeEvents();
        LungeEvents.SceneEvents ev = e.addScene(flags(truth), flags(pred), calm(truth), times(truth.length()), mask);
        assertEquals(2, e.lunges(), "the lunge at 16 starts on an uncounted frame");
        assertEquals(1, e.detected());
        assertArrayEquals(new int[] {30}, ev.missedOnsets());
        assertArrayEquals(new int[] {25}, ev.falseStarts());
        assertEquals(30 * 100.0 / 60000, e.footageMinutes(), 1e-9, "only the counted frames' footage");
        LungeEvents all = new LungeEvents();
        LungeEvents.SceneEvents evAll = all.addScene(flags(truth), flags(pred), calm(truth), times(truth.length()));
        assertArrayEquals(new int[] {16, 30}, evAll.missedOnsets());
    }
}
