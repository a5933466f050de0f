package truce.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZonesTest {
    static final String JSON = "{\"viewWidthCm\": 120.0, \"zones\": ["
            + "{\"kind\":\"cover\",\"name\":\"shelter-1\",\"polygon\":[[10,10],[60,10],[60,50],[10,50]]},"
            + "{\"kind\":\"barrier\",\"name\":\"barrier\",\"polygon\":[[100,0],[104,0],[104,200],[100,200]]}]}";

    @Test
    void readsTheZonesFormatAndAnswersInsideAndDistance(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("z.json");
        Files.writeString(f, JSON);
        Zones z = Zones.read(f);
        assertEquals(120.0, z.viewWidthCm());
        assertEquals(2, z.zones().size());
        assertTrue(z.inside(Zone.Kind.COVER, 30, 30));
        assertFalse(z.inside(Zone.Kind.COVER, 70, 30));
        assertFalse(z.inside(Zone.Kind.BARRIER, 30, 30));
        assertEquals(10, z.distance(Zone.Kind.COVER, 70, 30), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, z.distance(Zone.Kind.PERCH, 0, 0));
        Zones again = Zones.parse(z.toJson());
        assertEquals(z.viewWidthCm(), again.viewWidthCm());
        assertTrue(again.inside(Zone.Kind.COVER, 30, 30));
    }

    @Test
    void viewWidthIsOptional() throws IOException {
        Zones z = Zones.parse("{\"zones\": []}");
        assertFalse(z.hasScale());
    }

    @Test
    void malformedZonesAreClearErrors(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"zones\": [{\"kind\":\"moat\",\"polygon\":[[0,0],[1,0],[1,1]]}]}");
        IOException e = assertThrows(IOException.class, () -> Zones.read(f));
        assertTrue(e.getMessage().contains("moat"), e.getMessage());
        Files.writeString(f, "{\"zones\": [{\"kind\":\"cover\",\"polygon\":[[0,0],[1,0]]}]}");
        assertTrue(assertThrows(IOException.class, () -> Zones.read(f)).getMessage().contains("3 points"));
        Files.writeString(f, "{not json");
        assertTrue(assertThrows(IOException.class, () -> Zones.read(f)).getMessage().contains("not valid zones JSON"));
    }
}
