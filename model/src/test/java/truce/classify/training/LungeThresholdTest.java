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
                new Row(0.5f, 41, 34, 12, 100), new Row(0.6f, 41, 34, 9, 100), new Row(0.7f, 41, 34, 9, 100),
                new Row(0.8f, 41, 33, 8, 100), new Row(0.9f, 41, 30, 5, 100));
        assertTrue(rows.get(1).eventF1() > rows.get(3).eventF1(), "0.6 is the best by a hair");
        assertTrue(rows.get(1).eventF1() - rows.get(4).eventF1() > LungeThreshold.TIE, "0.9 is no tie");
        assertEquals(0.8f, LungeThreshold.pick(rows));
    }

    @Test
    void aTieThatAlarmsLaterIsNoTie() {
        // the 120-scene candidate's validation table: 0.95 ties on F1 but flags lunges 33 ms later
        List<Row> rows = List.of(
                new Row(0.5f, 67, 53, 25, 100), new Row(0.6f, 67, 53, 13, 100), new Row(0.7f, 67, 51, 10, 100),
                new Row(0.8f, 67, 48, 6, 100), new Row(0.85f, 67, 48, 6, 100), new Row(0.9f, 67, 46, 4, 133),
                new Row(0.95f, 67, 46, 3, 133));
        assertEquals(0.85f, LungeThreshold.pick(rows));
    }

    @Test
    void aClearBestIsKeptEvenWhenLow() {
        List<Row> rows = List.of(
                new Row(0.5f, 40, 38, 4, 100), new Row(0.6f, 40, 36, 4, 100), new Row(0.7f, 40, 34, 3, 100));
        assertEquals(0.5f, LungeThreshold.pick(rows));
    }

    @Test
    void noLungesLeavesTheDefault() {
        List<Row> rows = List.of(new Row(0.5f, 0, 0, 2, 100), new Row(0.9f, 0, 0, 0, 100));
        assertEquals(0.5f, LungeThreshold.pick(rows));
    }
}
