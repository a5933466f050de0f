package truce.classify.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void figuresOfAHandMadeMatrix() {
        // rows truth, columns predicted: calm, stalking, lunging
        ConfusionMatrix m = new ConfusionMatrix(new int[][] {
                {50, 3, 2},
                {5, 30, 0},
                {0, 2, 8}});
        assertEquals(100, m.total());
        assertEquals(50.0 / 55, m.precision(0), 1e-12);
        assertEquals(50.0 / 55, m.recall(0), 1e-12);
        assertEquals(30.0 / 35, m.precision(1), 1e-12);
        assertEquals(30.0 / 35, m.recall(1), 1e-12);
        assertEquals(8.0 / 10, m.precision(2), 1e-12);
        assertEquals(8.0 / 10, m.recall(2), 1e-12);
        double f0 = 2 * 50.0 / (55 + 55);
        double f1 = 2 * 30.0 / (35 + 35);
        double f2 = 2 * 8.0 / (10 + 10);
        assertEquals(f2, m.f1(2), 1e-12);
        assertEquals((f0 + f1 + f2) / 3, m.macroF1(), 1e-12);
        assertEquals(0.88, m.accuracy(), 1e-12);
    }

    @Test
    void asymmetricPrecisionAndRecall() {
        ConfusionMatrix m = new ConfusionMatrix(new int[][] {
                {8, 2, 0},
                {0, 0, 0},
                {4, 0, 6}});
        assertEquals(8.0 / 12, m.precision(0), 1e-12);
        assertEquals(0.8, m.recall(0), 1e-12);
        assertEquals(0, m.precision(1), 1e-12);
        assertTrue(Double.isNaN(m.recall(1)), "stalking never occurs");
        assertEquals(0, m.f1(1), 1e-12, "predicted but never true: F1 0");
        assertEquals(1.0, m.precision(2), 1e-12);
        assertEquals(0.6, m.recall(2), 1e-12);
        assertEquals(0.75, m.f1(2), 1e-12);
        double f0 = 2 * (8.0 / 12) * 0.8 / (8.0 / 12 + 0.8);
        assertEquals((f0 + 0 + 0.75) / 3, m.macroF1(), 1e-12);
    }

    @Test
    void aClassNeitherPresentNorPredictedLeavesTheMacroAverage() {
        ConfusionMatrix m = new ConfusionMatrix(new int[][] {
                {5, 0, 0},
                {0, 5, 0},
                {0, 0, 0}});
        assertTrue(Double.isNaN(m.f1(2)));
        assertEquals(1.0, m.macroF1(), 1e-12);
    }
}
