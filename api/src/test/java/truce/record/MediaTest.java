package truce.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import truce.alert.Alert;
import truce.alert.AlertKind;
import truce.classify.Labels;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.feed.SyntheticClip;
import truce.framecsv.FrameRow;
import truce.live.CameraConfig;
import truce.live.CameraLoop;
import truce.live.LiveFrame;
import truce.service.Camera;
import truce.service.MediaOptions;
import truce.service.Settings;
import truce.service.TruceService;
import truce.store.MediaStore;

/** Recording, highlights, a full disk and retention, with real encoding and decoding. */
class MediaTest {
    @TempDir
    Path dir;
    private TruceService svc;

    @AfterEach
    void close() {
        if (svc != null) {
            svc.close();
        }
    }

    private static void drive(CameraLoop loop, List<FrameRow> rows) {
        drive(loop, rows, false);
    }

    /** Drives frames; {@code keepPace} waits for the encoder after each, as a real-time camera would allow. */
    private static void drive(CameraLoop loop, List<FrameRow> rows, boolean keepPace) {
        SegmentRecorder rec = loop.sinks().get(0) instanceof SegmentRecorder r ? r : null;
        Mat m = new Mat(SyntheticClip.H, SyntheticClip.W, CvType.CV_8UC3);
        for (FrameRow r : rows) {
            SyntheticClip.draw(m, r);
            AnimalFeatures cat = new AnimalFeatures(true, r.catX(), r.catY(), 0, 0, 0, 0, 0, 0, 56, 20, 2.8, 900, 0);
            AnimalFeatures rat = new AnimalFeatures(true, r.ratX(), r.ratY(), 0, 0, 0, 0, 0, 0, 16, 8, 2, 200, 0);
            double dist = Math.abs(r.ratX() - r.catX());
            loop.process(new LiveFrame("cam0", new FrameFeatures(r.frame(), r.timeMs(), cat, rat, dist, dist / 56, 0, 1.0, false),
                    new Labels(r.catPosture(), r.ratState(), null, null), Instant.now(), m));
            while (keepPace && rec != null && rec.backlog() > 0) {
                Thread.onSpinWait();
            }
        }
        m.release();
    }

    private static long countFrames(Path mp4) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            long n = 0;
            while (g.grabImage() != null) {
                n++;
            }
            g.stop();
            return n;
        }
    }

    @Test
    void sessionIsRecordedInPlayableSegmentsAndEachEventBecomesAHighlight() throws Exception {
        svc = new TruceService(dir);
        MediaOptions mo = new MediaOptions(true, 4, SyntheticClip.FPS, 1L << 20, 1000, 1000, 10, 960);
        Camera cam = svc.addDrivenCamera(new CameraConfig("cam0", "test", "A+B", 5, null, null, null), mo);
        List<FrameRow> rows = SyntheticClip.script(10);
        drive(cam.loop(), rows, true);
        Long id = cam.loop().sessionId();
        assertNotNull(id);
        cam.loop().stop(id);
        cam.loop().close(); // drains the recorder and the clip writer

        List<MediaStore.Segment> segs = svc.media().segments(id);
        // the session starts after 1 s of both in view: 9 s of frames in 4 s segments
        assertEquals(3, segs.size(), segs.toString());
        long total = 0;
        for (MediaStore.Segment s : segs) {
            assertNotNull(s.endMs());
            assertTrue(s.bytes() > 0);
            total += countFrames(dir.resolve(s.file()));
        }
        assertEquals(0, ((SegmentRecorder) cam.loop().sinks().get(0)).skippedFrames());
        assertEquals(rows.size() - 20, total, "every frame of the session is in the recording");

        List<MediaStore.Highlight> hl = svc.media().highlights(id);
        Set<String> kinds = hl.stream().map(MediaStore.Highlight::kind).collect(Collectors.toSet());
        assertEquals(Set.of("STALKING", "LUNGE", "FLEEING", "CALM_STREAK"), kinds, hl.toString());
        assertEquals(1, hl.stream().filter(h -> h.kind().equals("CALM_STREAK")).count(), "only the longest calm streak is kept");
        MediaStore.Highlight lunge = hl.stream().filter(h -> h.kind().equals("LUNGE")).findFirst().orElseThrow();
        assertEquals(4000, lunge.startMs(), 1e-6);
        Path clip = dir.resolve(lunge.clip());
        // 1 s before to 1 s after a 0.3 s lunge, at 10 fps
        long frames = countFrames(clip);
        assertTrue(frames >= 20 && frames <= 25, "clip frames " + frames);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
            g.start();
            assertEquals("h264", g.getVideoCodecName());
            g.stop();
        }
        byte[] thumb = Files.readAllBytes(dir.resolve(lunge.thumb()));
        assertEquals((byte) 0xFF, thumb[0]);
        assertEquals((byte) 0xD8, thumb[1]);

        // The annotated video: every recorded frame, with the detections drawn on.
        Path annotated = svc.annotated().request(id).get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(total, countFrames(annotated));
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(annotated.toFile())) {
            g.start();
            assertEquals("h264", g.getVideoCodecName());
            g.stop();
        }

        // Retention by size deletes recordings, never highlights.
        svc.settings(new Settings(null, null, null, new Settings.Retention(30, 1e-9)));
        assertEquals(3, svc.retention().apply());
        assertTrue(svc.media().segments(id).isEmpty());
        for (MediaStore.Segment s : segs) {
            assertFalse(Files.exists(dir.resolve(s.file())));
        }
        assertTrue(Files.exists(clip));
        assertEquals(hl.size(), svc.media().highlights(id).size());
    }

    @Test
    void framesTheCameraDroppedStayAGapInTheRecording() throws Exception {
        svc = new TruceService(dir);
        MediaOptions mo = new MediaOptions(true, 60, SyntheticClip.FPS, 1L << 20, 1000, 1000, 10, 960);
        Camera cam = svc.addDrivenCamera(new CameraConfig("cam0", "test", "A+B", 5, null, null, null), mo);
        // 8 s of frames with a 2 s stall of the camera from 4 s to 6 s: the session lasts 7 s from its start at 1 s
        List<FrameRow> rows = SyntheticClip.script(8).stream().filter(r -> r.timeMs() < 4000 || r.timeMs() >= 6000).toList();
        drive(cam.loop(), rows, true);
        Long id = cam.loop().sessionId();
        cam.loop().stop(id);
        cam.loop().close();
        List<MediaStore.Segment> segs = svc.media().segments(id);
        assertEquals(1, segs.size(), segs.toString());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(dir.resolve(segs.get(0).file()).toFile())) {
            g.start();
            long last = 0;
            long n = 0;
            org.bytedeco.javacv.Frame f;
            while ((f = g.grabImage()) != null) {
                last = f.timestamp;
                n++;
            }
            assertEquals(rows.size() - 20, n, "every frame of the session is recorded");
            assertEquals(6.95, last / 1e6, 0.06, "the last frame plays at its own time, after the stall");
        }
        Path annotated = svc.annotated().request(id).get(60, java.util.concurrent.TimeUnit.SECONDS);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(annotated.toFile())) {
            g.start();
            long last = 0;
            while (g.grabImage() != null) {
                last = g.getTimestamp();
            }
            assertEquals(6.95, last / 1e6, 0.06, "the annotated video keeps the stall too");
        }
    }

    @Test
    void aFlickeringStalkBecomesOneHighlight() throws Exception {
        svc = new TruceService(dir);
        MediaOptions mo = new MediaOptions(true, 60, SyntheticClip.FPS, 1L << 20, 1000, 1000, 10, 960);
        Camera cam = svc.addDrivenCamera(new CameraConfig("cam0", "test", "A+B", 5, null, null, null), mo);
        List<FrameRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) { // 2 s calm, then 4 s of stalking broken by a calm frame every 0.5 s, then calm
            double t = i * 50.0;
            boolean stalk = t >= 2000 && t < 6000 && i % 10 != 0;
            rows.add(new FrameRow(i, t, stalk ? truce.behaviour.CatPosture.STALKING : truce.behaviour.CatPosture.CALM,
                    truce.behaviour.RatState.EXPLORING, 60, 120, 250, 120, true, true));
        }
        drive(cam.loop(), rows);
        Long id = cam.loop().sessionId();
        cam.loop().stop(id);
        cam.loop().close();
        List<MediaStore.Highlight> stalks = svc.media().highlights(id).stream().filter(h -> h.kind().equals("STALKING")).toList();
        assertEquals(1, stalks.size(), stalks.toString());
        assertEquals(1050, stalks.get(0).startMs(), 1e-6); // session starts at 1 s; first stalking frame at 2.05 s
        assertEquals(4950, stalks.get(0).endMs(), 1e-6);
    }

    @Test
    void aFullDiskStopsRecordingWithAnAlertWhileDetectionGoesOn() throws Exception {
        svc = new TruceService(dir);
        MediaOptions mo = new MediaOptions(true, 4, SyntheticClip.FPS, Long.MAX_VALUE, 1000, 1000, 10, 960);
        Camera cam = svc.addDrivenCamera(new CameraConfig("cam0", "test", "A+B", 5, null, null, null), mo);
        drive(cam.loop(), SyntheticClip.script(8));
        Long id = cam.loop().sessionId();
        cam.loop().stop(id);
        assertTrue(svc.media().segments(id).isEmpty(), "nothing recorded on a full disk");
        List<Alert> alerts = svc.alerts().recent(false, 0, 100);
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == AlertKind.DISK_FULL), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == AlertKind.LUNGE), "alerts go on");
        assertEquals(8 * 20 - 20, svc.sessions().store().detections(id).size(), "detections go on");
    }
}
