package truce.zones;

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

class ZonesTest {

    @Test
    void readsTheApiFormat() {
        Zones z = Zones.parse("""
                {"viewWidthCm": 120.0, "zones": [{"kind":"cover","name":"shelter-1","polygon":[[10,10],[50,10],[50,40],[10,40]]},
                 {"kind":"barrier","name":"barrier","polygon":[[100,0],[102,0],[102,480],[100,480]]}]}""");
        assertEquals(120.0, z.viewWidthCm());
        assertEquals(1, z.ofKind(ZoneKind.COVER).size());
        Zone shelter = z.ofKind(ZoneKind.COVER).get(0);
        assertTrue(shelter.contains(30, 20));
        assertFalse(shelter.contains(60, 20));
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Zones z = new Zones(null, List.of(new Zone(ZoneKind.PERCH, "perch", new double[][]{{1, 2}, {3, 2}, {3, 5}})));
        Path f = dir.resolve("z.json");
        z.write(f);
        String json = Files.readString(f);
        assertTrue(json.contains("\"kind\" : \"perch\""), json);
        assertFalse(json.contains("viewWidthCm"), "an unknown width is left out");
        Zones back = Zones.read(f);
        assertEquals(z, back);
        assertNull(back.viewWidthCm());
    }

    @Test
    void badFilesGiveClearErrors(@TempDir Path dir) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Zones.parse("{\"zones\":[{\"kind\":\"moat\",\"name\":\"m\",\"polygon\":[[0,0],[1,0],[1,1]]}]}"));
        assertTrue(e.getMessage().contains("moat"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Zones.parse("{\"zones\":[{\"kind\":\"cover\",\"name\":\"c\",\"polygon\":[[0,0],[1,0]]}]}"));
        assertThrows(IllegalArgumentException.class, () -> Zones.parse("{\"viewWidthCm\": -3}"));
        assertThrows(IllegalArgumentException.class, () -> Zones.parse("{\"viewWidthCm\": 1e9}"));
        assertThrows(IllegalArgumentException.class, () -> Zones.parse("{\"zones\":[null]}"));
        IllegalArgumentException noKind = assertThrows(IllegalArgumentException.class,
                () -> Zones.parse("{\"zones\":[{\"name\":\"c\",\"polygon\":[[0,0],[1,0],[1,1]]}]}"));
        assertTrue(noKind.getMessage().contains("cover, barrier, perch"), noKind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Zones.parse(
                "{\"zones\":[{\"kind\":\"cover\",\"name\":\"" + "n".repeat(65) + "\",\"polygon\":[[0,0],[1,0],[1,1]]}]}"));
        String manyPoints = "[0,0]" + ",[1,1]".repeat(Zone.MAX_POINTS);
        assertThrows(IllegalArgumentException.class,
                () -> Zones.parse("{\"zones\":[{\"kind\":\"cover\",\"name\":\"c\",\"polygon\":[" + manyPoints + "]}]}"));
        String zone = "{\"kind\":\"cover\",\"name\":\"c\",\"polygon\":[[0,0],[1,0],[1,1]]}";
        assertThrows(IllegalArgumentException.class,
                () -> Zones.parse("{\"zones\":[" + (zone + ",").repeat(Zones.MAX_ZONES) + zone + "]}"));
        assertEquals(Zones.MAX_ZONES, Zones.parse("{\"zones\":[" + (zone + ",").repeat(Zones.MAX_ZONES - 1) + zone + "]}").zones().size());
        Path broken = dir.resolve("b.json");
        Files.writeString(broken, "{\"zones\": [");
        IOException io = assertThrows(IOException.class, () -> Zones.read(broken));
        assertTrue(io.getMessage().contains("b.json"), io.getMessage());
    }
}
