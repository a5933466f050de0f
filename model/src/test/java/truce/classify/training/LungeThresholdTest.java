package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.classify.training.LungeThreshold.Row;

class LungeThresholdTest {

    @Test
    void aFlatTieGoesToTheHigherThresholdWithFewerFalseAlarms() {
        // 41 lunges: 0.6 scores 0.810, 0.8 one lunge and one false alarm fewer, 0.805 (a tie); 0.9 loses four
        List<Row> rows = List.of(
                new Row(0.5f, 41, 34, 12), new Row(0.6f, 41, 34, 9), new Row(0.7f, 41, 34, 9),
                new Row(0.8f, 41, 33, 8), new Row(0.9f, 41, 30, 5));
        assertTrue(rows.get(1).eventF1() > rows.get(3).eventF1(), "0.6 is the best by a hair");
        assertTrue(rows.get(1).eventF1() - rows.get(4).eventF1() > LungeThreshold.TIE, "0.9 is no tie");
        assertEquals(0.8f, LungeThreshold.pick(rows));
    }

    @Test
    void aClearBestIsKeptEvenWhenLow() {
        List<Row> rows = List.of(
                new Row(0.5f, 40, 38, 4), new Row(0.6f, 40, 36, 4), new Row(0.7f, 40, 34, 3));
        assertEquals(0.5f, LungeThreshold.pick(rows));
    }

    @Test
    void noLungesLeavesTheDefault() {
        List<Row> rows = List.of(new Row(0.5f, 0, 0, 2), new Row(0.9f, 0, 0, 0));
        assertEquals(0.5f, LungeThreshold.pick(rows));
    }
}
