package truce.framecsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

class FrameCsvTest {

    @Test
    void headerIsTheContractExactly() {
        assertEquals("frame,time_ms,cat_posture,rat_state,cat_x,cat_y,rat_x,rat_y,cat_visible,rat_visible", FrameCsv.HEADER);
    }

    @Test
    void rowsSurviveAWriteAndARead(@TempDir Path dir) throws IOException {
        List<FrameRow> rows = List.of(
                new FrameRow(0, 0, CatPosture.CALM, RatState.EXPLORING, 12.3, 45.6, 300.0, 200.4, true, true),
                new FrameRow(1, 33.3, CatPosture.LUNGING, RatState.HIDING, 14.0, 46.1, Double.NaN, Double.NaN, true, false),
                new FrameRow(2, 66.7, null, RatState.FLEEING, Double.NaN, Double.NaN, 310.5, 190.0, false, true));
        Path f = dir.resolve("t.csv");
        FrameCsv.writeAll(f, rows);
        List<String> lines = Files.readAllLines(f);
        assertEquals(FrameCsv.HEADER, lines.get(0));
        assertEquals("1,33.3,lunging,hiding,14.0,46.1,,,1,0", lines.get(2));
        assertEquals("2,66.7,,fleeing,,,310.5,190.0,0,1", lines.get(3));
        List<FrameRow> back = FrameCsv.readRows(f);
        assertEquals(rows.size(), back.size());
        assertEquals(rows.get(0), back.get(0));
        assertEquals(RatState.HIDING, back.get(1).ratState());
        assertTrue(Double.isNaN(back.get(1).ratX()));
        assertNull(back.get(2).catPosture());
        assertFalse(back.get(2).catVisible());
    }

    @Test
    void extraColumnsAreKeptAfterTheContract(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, FrameCsv.HEADER + ",confidence\n0,0,calm,exploring,1.0,2.0,3.0,4.0,1,1,0.9\n");
        var read = FrameCsv.readAll(f);
        assertEquals("0.9", read.get(0).extras().get("confidence"));
    }

    @Test
    void malformedFilesAreRefusedWithTheLine(@TempDir Path dir) throws IOException {
        Path wrongHeader = dir.resolve("h.csv");
        Files.writeString(wrongHeader, "frame,time,cat\n");
        IOException e = assertThrows(IOException.class, () -> FrameCsv.readRows(wrongHeader));
        assertTrue(e.getMessage().contains("header"), e.getMessage());

        Path badState = dir.resolve("s.csv");
        Files.writeString(badState, FrameCsv.HEADER + "\n0,0,calm,exploring,1,2,3,4,1,1\n1,33,pouncing,exploring,1,2,3,4,1,1\n");
        e = assertThrows(IOException.class, () -> FrameCsv.readRows(badState));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());

        Path missingPosition = dir.resolve("p.csv");
        Files.writeString(missingPosition, FrameCsv.HEADER + "\n0,0,calm,exploring,,,3,4,1,1\n");
        assertThrows(IOException.class, () -> FrameCsv.readRows(missingPosition));
    }
}
