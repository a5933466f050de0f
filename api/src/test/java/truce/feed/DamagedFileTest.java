package truce.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.live.CameraConfig;
import truce.live.CameraLoop;
import truce.service.TruceService;
import truce.session.SessionInfo;

/** A truncated video: every good frame before the damage is analysed, once, then the camera stops. */
class DamagedFileTest {
    @TempDir
    Path dir;

    @Test
    void truncatedVideoIsAnalysedUpToTheDamageAndNotReread() throws Exception {
        truce.source.Natives.load();
        Path clip = SyntheticClip.write(dir, 6);
        byte[] whole = Files.readAllBytes(clip);
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 6 / 10));
        try (TruceService svc = new TruceService(dir.resolve("data"))) {
            CameraConfig cfg = new CameraConfig("cam0", cut.toString(), "A+B", 5, null, null, dir.resolve("clip.truth.csv").toString());
            CameraLoop loop = svc.addCamera(cfg, Feeds.truth(cfg, cut.toString(), dir.resolve("clip.truth.csv"), false), null).loop();
            long deadline = System.currentTimeMillis() + 30_000;
            while (loop.state() != CameraLoop.State.STOPPED && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(CameraLoop.State.STOPPED, loop.state());
            List<SessionInfo> sessions = svc.sessions().store().list(null, 10);
            assertEquals(1, sessions.size(), "one session, not one per reread");
            assertFalse(sessions.get(0).live());
            int frames = svc.sessions().store().detections(sessions.get(0).id()).size();
            assertTrue(frames > 0 && frames < 6 * 20 - 20, "frames analysed: " + frames);
        }
    }
}
