package truce.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Scalar;

class LiveSourceTest {

    @BeforeAll
    static void load() {
        Natives.load();
    }

    /** A fake camera: {@code frames} frames at about {@code fps}, then it dies (unplugged). */
    static final class DyingCamera implements FrameSource {
        private final int frames;
        private final long periodMs;
        private int n;

        DyingCamera(int frames, double fps) {
            this.frames = frames;
            this.periodMs = (long) (1000 / fps);
        }

        @Override
        public boolean read(Frame into) throws SourceException, InterruptedException {
            Thread.sleep(periodMs);
            if (n >= frames) {
                throw new SourceException("fake camera unplugged", n);
            }
            into.bgr().create(48, 64, CvType.CV_8UC3);
            into.bgr().setTo(new Scalar(n % 256));
            into.stamp(n, n * periodMs, System.currentTimeMillis());
            n++;
            return true;
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public boolean live() {
            return false;
        }

        @Override
        public double fps() {
            return 1000.0 / periodMs;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSlowReaderGetsTheNewestFramesAndTheRestAreCountedAsDropped() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        try (LiveSource live = new LiveSource("fake", () -> {
            opens.incrementAndGet();
            return new DyingCamera(1_000_000, 200);
        }, SourceEvent.Listener.NONE); Frame f = new Frame()) {
            long last = -1;
            int got = 0;
            long gaps = 0;
            for (int i = 0; i < 15; i++) {
                assertTrue(live.await(f, 2000));
                assertTrue(f.index() > last, "frames only move forward");
                if (last >= 0 && f.index() > last + 1) {
                    gaps += f.index() - last - 1;
                }
                last = f.index();
                got++;
                Thread.sleep(30); // the pipeline is busy: the camera runs ahead
            }
            assertEquals(15, got);
            assertTrue(live.droppedFrames() > 10, "stale frames dropped, was " + live.droppedFrames());
            assertTrue(gaps > 10, "indices skip the dropped frames: " + gaps);
            assertEquals(1, opens.get());
        }
    }

    @Test
    void aCameraThatDiesIsReportedAndReopenedWithBackoff() throws Exception {
        List<SourceEvent> events = new CopyOnWriteArrayList<>();
        AtomicInteger opens = new AtomicInteger();
        try (LiveSource live = new LiveSource("fake", () -> {
            if (opens.incrementAndGet() > 2) {
                throw new SourceException("fake camera not found", 0);
            }
            return new DyingCamera(5, 100);
        }, events::add, 20, 80, 3); Frame f = new Frame()) {
            int got = 0;
            while (live.await(f, 3000)) {
                got++;
            }
            assertTrue(live.stopped(), "gave up after the attempts");
            assertTrue(got >= 5 && got <= 10, "frames from both openings, was " + got);
        }
        long failed = events.stream().filter(e -> e instanceof SourceEvent.Failed).count();
        List<Long> delays = events.stream().filter(e -> e instanceof SourceEvent.Reconnecting)
                .map(e -> ((SourceEvent.Reconnecting) e).delayMs()).toList();
        assertTrue(failed >= 3, "each loss is reported: " + events);
        assertTrue(events.stream().anyMatch(e -> e instanceof SourceEvent.Failed fl && fl.reason().contains("unplugged")));
        assertEquals(List.of(20L, 20L, 40L, 80L).subList(0, delays.size()), delays, "exponential backoff: " + events);
        assertTrue(events.get(events.size() - 1) instanceof SourceEvent.Ended);
    }

    @Test
    void anImageFolderServedLiveEndsAndIsReported() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("live");
        try {
            org.opencv.core.Mat m = new org.opencv.core.Mat(24, 32, CvType.CV_8UC3, new Scalar(9, 9, 9));
            for (int i = 0; i < 3; i++) {
                org.opencv.imgcodecs.Imgcodecs.imwrite(dir.resolve("i" + i + ".png").toString(), m);
            }
            m.release();
            List<SourceEvent> events = new CopyOnWriteArrayList<>();
            try (FrameSource s = FrameSources.open(dir.toString(), new FrameSources.Options(0, 0, 30, true), events::add);
                 Frame f = new Frame()) {
                assertTrue(s.live());
                assertTrue(((LiveSource) s).await(f, 2000));
                long deadline = System.currentTimeMillis() + 3000;
                while (events.stream().noneMatch(e -> e instanceof SourceEvent.Reconnecting)
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertTrue(events.stream().anyMatch(e -> e instanceof SourceEvent.Failed fl && fl.reason().equals("stream ended")),
                    events.toString());
            assertTrue(events.stream().anyMatch(e -> e instanceof SourceEvent.Reconnecting), events.toString());
        } finally {
            try (var s = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path p : s.toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
            java.nio.file.Files.delete(dir);
        }
        assertFalse(java.nio.file.Files.exists(dir));
    }
}
