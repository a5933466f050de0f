package truce.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.ScenePlan;
import truce.samples.script.ScriptFrame;
import truce.zones.ZoneKind;
import truce.zones.Zones;

/** The committed footage: the demo session and the real mouse clip, as a fresh clone has them. */
class FootageTest {

    private final Footage footage = Footage.locate();

    @Test
    void theDemoTruthShowsEveryStateAndTwoLungesInTheFirstMinute() throws IOException {
        List<FrameRow> rows = FrameCsv.readRows(footage.demoTruth());
        assertEquals(3600, rows.size(), "two minutes at 30 fps");
        Set<CatPosture> postures = EnumSet.noneOf(CatPosture.class);
        Set<RatState> states = EnumSet.noneOf(RatState.class);
        int lungesFirstMinute = 0;
        CatPosture prev = null;
        for (FrameRow r : rows) {
            if (r.catPosture() != null) {
                postures.add(r.catPosture());
            }
            states.add(r.ratState());
            if (r.catPosture() == CatPosture.LUNGING && prev != CatPosture.LUNGING && r.timeMs() < 60_000) {
                lungesFirstMinute++;
            }
            prev = r.catPosture();
        }
        assertEquals(EnumSet.allOf(CatPosture.class), postures);
        assertEquals(EnumSet.allOf(RatState.class), states);
        assertTrue(lungesFirstMinute >= 2, "lunges in the first minute: " + lungesFirstMinute);
    }

    @Test
    void theCommittedDemoTruthIsWhatTheGeneratorScripts() throws IOException {
        List<FrameRow> rows = FrameCsv.readRows(footage.demoTruth());
        ScenePlan plan = new SceneGenerator(SceneGenerator.demoOptions()).plan(0);
        assertEquals(plan.script().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            FrameRow r = rows.get(i);
            ScriptFrame s = plan.script().get(i);
            assertEquals(s.ratState(), r.ratState(), "frame " + i + ": regenerate the demo (see samples/footage/demo/README.md)");
            assertEquals(r.catVisible() ? s.catPosture() : null, r.catPosture(), "frame " + i);
        }
        Zones zones = Zones.read(footage.demoZones());
        assertEquals(plan.zones(), zones);
        assertTrue(zones.viewWidthCm() > 0);
        assertTrue(!zones.ofKind(ZoneKind.COVER).isEmpty());
    }

    @Test
    void theDemoVideoIsSmallAndHasOneFrameForEveryRow() throws Exception {
        long size = Files.size(footage.demoVideo());
        assertTrue(size > 1_000_000 && size <= 25L * 1024 * 1024, "demo clip size " + size);
        int rows = FrameCsv.readRows(footage.demoTruth()).size();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(footage.demoVideo().toFile())) {
            g.start();
            assertEquals("h264", g.getVideoCodecName());
            assertEquals(640, g.getImageWidth());
            assertEquals(480, g.getImageHeight());
            int n = 0;
            while (g.grabImage() != null) {
                n++;
            }
            assertEquals(rows, n);
        }
    }

    @Test
    void theRealMouseClipIsThereWithItsLicence() throws IOException {
        assertTrue(Files.size(footage.mouseVideo()) > 1_000_000);
        String licence = Files.readString(footage.mouseVideo().resolveSibling("LICENSE"));
        assertTrue(licence.contains("GNU LESSER GENERAL PUBLIC LICENSE"));
        String readme = Files.readString(footage.mouseVideo().resolveSibling("README.md"));
        assertTrue(readme.contains("Mathis") && readme.contains("DeepLabCut"), "attribution");
        assertNotNull(Footage.find().orElse(null));
    }
}
