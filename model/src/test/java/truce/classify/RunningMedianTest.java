package truce.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunningMedianTest {

    @Test
    void theMedianIsWithinABinOfTheTrueOneAndIgnoresNothingMeasured() {
        RunningMedian m = new RunningMedian(100);
        assertTrue(Double.isNaN(m.median()), "no value yet");
        for (double v : new double[] {10, 1000, 50, 52, 48, Double.NaN, 0, -3}) {
            m.push(v);
        }
        assertEquals(5, m.size(), "NaN, 0 and negative values are not measurements");
        assertEquals(50, m.median(), 50 * 0.04);
    }

    @Test
    void oldValuesLeaveTheWindow() {
        RunningMedian m = new RunningMedian(10);
        for (int i = 0; i < 10; i++) {
            m.push(100);
        }
        assertEquals(100, m.median(), 4);
        for (int i = 0; i < 6; i++) {
            m.push(400);
        }
        assertEquals(10, m.size());
        assertEquals(400, m.median(), 16, "six of the last ten are 400");
        m.clear();
        assertEquals(0, m.size());
        assertTrue(Double.isNaN(m.median()));
    }
}
