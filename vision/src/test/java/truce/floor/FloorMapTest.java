package truce.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.zones.ZoneKind;

class FloorMapTest {
    static final String JSON = "{\"viewWidthCm\": 120.0, \"zones\": ["
            + "{\"kind\":\"cover\",\"name\":\"shelter-1\",\"polygon\":[[10,10],[60,10],[60,50],[10,50]]},"
            + "{\"kind\":\"barrier\",\"name\":\"barrier\",\"polygon\":[[100,0],[104,0],[104,200],[100,200]]}]}";

    @Test
    void readsTheZonesFileAndAnswersInsideAndDistance(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("z.json");
        Files.writeString(f, JSON);
        FloorMap m = FloorMap.read(f);
        assertEquals(120.0, m.viewWidthCm());
        assertTrue(m.hasScale());
        assertTrue(m.inside(ZoneKind.COVER, 30, 30));
        assertFalse(m.inside(ZoneKind.COVER, 70, 30));
        assertFalse(m.inside(ZoneKind.BARRIER, 30, 30));
        assertEquals(10, m.distance(ZoneKind.COVER, 70, 30), 1e-9);
        assertEquals(0, m.distance(ZoneKind.COVER, 30, 30), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, m.distance(ZoneKind.PERCH, 0, 0));
        assertEquals(50.0, m.withViewWidthCm(50).viewWidthCm());
        assertEquals(640 / 120.0, m.pxPerCm(640), 1e-12);
        assertTrue(Double.isNaN(FloorMap.NONE.pxPerCm(640)), "no scale without a width");
    }

    @Test
    void theOpenDistanceGoesThroughACoverZoneWhenThatIsShorter(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("z.json");
        Files.writeString(f, JSON);
        FloorMap m = FloorMap.read(f);
        // into the shelter from 5 px left of it, out 8 px right of it: 13 px in the open, not the straight 63
        assertEquals(13, m.openDistance(ZoneKind.COVER, 5, 30, 68, 30), 1e-9);
        // beside each other the straight line is shorter than any way through the shelter
        assertEquals(5, m.openDistance(ZoneKind.COVER, 70, 30, 75, 30), 1e-9);
        // only zones of the kind asked for are a way through; with none, the straight line is left
        assertEquals(63, m.openDistance(ZoneKind.BARRIER, 5, 30, 68, 30), 1e-9);
        assertEquals(5, m.openDistance(ZoneKind.PERCH, 0, 0, 3, 4), 1e-9);
    }

    @Test
    void withoutViewWidthThereIsNoScale(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("z.json");
        Files.writeString(f, "{\"zones\": []}");
        assertFalse(FloorMap.read(f).hasScale());
        assertFalse(FloorMap.NONE.hasScale());
    }

    @Test
    void aMalformedZonesFileIsAClearError(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"zones\": [{\"kind\":\"moat\",\"name\":\"m\",\"polygon\":[[0,0],[1,0],[1,1]]}]}");
        IOException e = assertThrows(IOException.class, () -> FloorMap.read(f));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }
}
