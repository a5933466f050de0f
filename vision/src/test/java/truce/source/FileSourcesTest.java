package truce.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class FileSourcesTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        Natives.load();
    }

    private static void copyPrefix(Path from, Path to, long bytes) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            long left = bytes;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    /** Reads until the end or a failure; returns the good frames, and the failure through {@code error}. */
    private static long drain(FrameSource s, SourceException[] error) throws Exception {
        long n = 0;
        try (Frame f = new Frame()) {
            long expect = 0;
            while (s.read(f)) {
                assertEquals(expect++, f.index(), "file sources deliver every frame in order");
                assertEquals(640, f.width());
                n++;
            }
        } catch (SourceException e) {
            error[0] = e;
        }
        return n;
    }

    @Test
    void truncatedAviDeliversItsGoodFramesThenSaysItIsTruncated() throws Exception {
        Path avi = RealClip.clip("avi");
        Path cut = tmp.resolve("cut.avi");
        copyPrefix(avi, cut, Files.size(avi) / 4);
        List<SourceEvent> events = new CopyOnWriteArrayList<>();
        SourceException[] error = new SourceException[1];
        long n;
        try (FrameSource s = FrameSources.open(cut.toString(), FrameSources.Options.DEFAULT, events::add)) {
            n = drain(s, error);
        }
        assertTrue(n > 400 && n < 700, "about a quarter of 2330 frames, was " + n);
        assertTrue(error[0] != null, "a truncated file must end in an error");
        assertTrue(error[0].getMessage().contains("truncated"), error[0].getMessage());
        assertEquals(n, error[0].framesDelivered());
        assertTrue(events.stream().anyMatch(e -> e instanceof SourceEvent.Failed), "a Failed event: " + events);
    }

    @Test
    void corruptAviDeliversTheFramesBeforeTheDamage() throws Exception {
        Path avi = RealClip.clip("avi");
        Path bad = tmp.resolve("bad.avi");
        long keep = Files.size(avi) / 3;
        copyPrefix(avi, bad, Files.size(avi));
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            f.seek(keep);
            byte[] junk = new byte[200_000];
            new java.util.Random(3).nextBytes(junk);
            f.write(junk);
        }
        SourceException[] error = new SourceException[1];
        long n;
        try (FrameSource s = FrameSources.open(bad.toString(), FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE)) {
            n = drain(s, error);
        }
        assertTrue(n > 500, "the frames before the damage, was " + n);
        assertTrue(error[0] != null, "corruption must end in an error after " + n + " frames");
        assertTrue(error[0].getMessage().contains("good frames were delivered"), error[0].getMessage());
    }

    @Test
    void mp4ReadsThroughFfmpegWithIndexAndMediaTime() throws Exception {
        try (FrameSource s = FrameSources.open(RealClip.clip("mp4").toString(), FrameSources.Options.DEFAULT,
                SourceEvent.Listener.NONE); Frame f = new Frame()) {
            assertInstanceOf(FfmpegSource.class, s);
            assertEquals(2330, s.frameCount());
            for (int i = 0; i < 31; i++) {
                assertTrue(s.read(f));
            }
            assertEquals(30, f.index());
            assertEquals(1000.0, f.mediaTimeMs(), 1.0);
            assertEquals(CvType.CV_8UC3, f.bgr().type());
            assertTrue(f.captureTimeMs() > 0);
        }
    }

    @Test
    void mp4CutBeforeItsIndexIsAClearError() throws Exception {
        Path cut = tmp.resolve("cut.mp4");
        Path mp4 = RealClip.clip("mp4");
        copyPrefix(mp4, cut, Files.size(mp4) / 2);
        SourceException e = assertThrows(SourceException.class,
                () -> FrameSources.open(cut.toString(), FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE));
        assertTrue(e.getMessage().contains("cut.mp4"), e.getMessage());
    }

    @Test
    void imageFolderInNameOrderAndAnUnreadableImageIsReported() throws Exception {
        Mat m = new Mat(48, 64, CvType.CV_8UC3);
        for (int i = 0; i < 4; i++) {
            m.setTo(new Scalar(i * 50, 0, 0));
            Imgcodecs.imwrite(tmp.resolve("f" + i + ".png").toString(), m);
        }
        m.release();
        try (FrameSource s = FrameSources.open(tmp.toString(), new FrameSources.Options(0, 0, 10, false),
                SourceEvent.Listener.NONE); Frame f = new Frame()) {
            for (int i = 0; i < 4; i++) {
                assertTrue(s.read(f));
                assertEquals(i * 50, f.bgr().get(0, 0)[0], 1e-9);
                assertEquals(i * 100.0, f.mediaTimeMs(), 1e-9);
            }
            assertTrue(!s.read(f));
        }
        Files.writeString(tmp.resolve("f9.png"), "not a png");
        SourceException[] error = new SourceException[1];
        try (FrameSource s = FrameSources.open(tmp.toString(), FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE)) {
            assertEquals(4, drainAnySize(s, error));
        }
        assertTrue(error[0] != null && error[0].getMessage().contains("f9.png"));
    }

    private static long drainAnySize(FrameSource s, SourceException[] error) throws Exception {
        long n = 0;
        try (Frame f = new Frame()) {
            while (s.read(f)) {
                n++;
            }
        } catch (SourceException e) {
            error[0] = e;
        }
        return n;
    }

    @Test
    void missingFileIsAClearError() {
        SourceException e = assertThrows(SourceException.class, () -> FrameSources.open(
                tmp.resolve("nope.mp4").toString(), FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
