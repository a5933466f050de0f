package truce.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class Mp4WriterTest {

    @BeforeAll
    static void loadOpenCv() {
        nu.pattern.OpenCV.loadLocally();
    }

    @Test
    void writesH264ThatReadsBackWithTheDrawnContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clip.mp4");
        int frames = 45;
        try (Mp4Writer w = new Mp4Writer(file, Mp4Writer.Options.clip(160, 120, 30))) {
            Mat m = new Mat(120, 160, CvType.CV_8UC3);
            for (int i = 0; i < frames; i++) {
                m.setTo(new Scalar(20, 20, 20));
                Imgproc.circle(m, new Point(20 + 2 * i, 60), 12, new Scalar(240, 240, 240), -1);
                w.write(m);
            }
            m.release();
        }
        assertTrue(Files.size(file) > 1000, "an MP4 with content");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            g.start();
            assertEquals("h264", g.getVideoCodecName());
            int n = 0;
            Frame f;
            int brightAtLast = -1;
            while ((f = g.grabImage()) != null) {
                java.nio.ByteBuffer b = (java.nio.ByteBuffer) f.image[0];
                // brightness where the last disc was drawn (x = 20 + 2*44 = 108, y = 60)
                brightAtLast = b.get(60 * f.imageStride + 108 * 3) & 0xff;
                n++;
            }
            assertEquals(frames, n);
            assertTrue(brightAtLast > 180, "the disc is where it was drawn, got " + brightAtLast);
        }
    }

    @Test
    void fragmentedRecordingPlaysWithoutItsEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec.mp4");
        Mp4Writer w = new Mp4Writer(file, new Mp4Writer.Options(160, 120, 30, 0.1, 0.5, Mp4Writer.Layout.FRAGMENTED));
        Mat m = new Mat(120, 160, CvType.CV_8UC3);
        for (int i = 0; i < 90; i++) {
            m.setTo(new Scalar(90, 60, 30));
            Imgproc.circle(m, new Point(20 + i, 60), 12, new Scalar(240, 240, 240), -1);
            w.write(m);
        }
        // Simulate a crash: copy the file as it is on disk before close() writes the last fragment.
        Path cut = dir.resolve("cut.mp4");
        Files.copy(file, cut);
        w.close();
        m.release();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(cut.toFile())) {
            g.start();
            int n = 0;
            while (g.grabImage() != null) {
                n++;
            }
            assertTrue(n >= 30, "at least the completed fragments play, got " + n + " frames");
        }
    }

    @Test
    void framesWrittenAtTheirTimesKeepTheGapsOfDroppedFrames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gaps.mp4");
        try (Mp4Writer w = new Mp4Writer(file, Mp4Writer.Options.clip(160, 120, 30))) {
            Mat m = new Mat(120, 160, CvType.CV_8UC3, new Scalar(50, 80, 110));
            // 30 frames over the first second, a camera stall of one second, 30 more frames; two frames share a slot
            for (int i = 0; i < 30; i++) {
                w.write(m, Math.round(i * 1e6 / 30));
            }
            for (int i = 0; i < 30; i++) {
                w.write(m, Math.round(2e6 + i * 1e6 / 30));
            }
            w.write(m, Math.round(2e6 + 29 * 1e6 / 30));
            m.release();
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            long last = -1;
            long gap = 0;
            int n = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (last >= 0) {
                    assertTrue(f.timestamp > last, "timestamps increase: " + last + " then " + f.timestamp);
                    gap = Math.max(gap, f.timestamp - last);
                }
                last = f.timestamp;
                n++;
            }
            assertEquals(61, n, "every frame is kept");
            assertEquals(1.033, gap / 1e6, 0.02, "the stall plays as a stall");
            assertEquals(3.0, last / 1e6, 0.02, "the frame that shared a slot plays one slot later, after its twin");
        }
    }

    @Test
    void rejectsOddSizesAndWrongFrames(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Mp4Writer.Options.clip(161, 120, 30));
        try (Mp4Writer w = new Mp4Writer(dir.resolve("x.mp4"), Mp4Writer.Options.clip(160, 120, 30))) {
            Mat grey = new Mat(120, 160, CvType.CV_8UC1);
            assertThrows(IllegalArgumentException.class, () -> w.write(grey));
            grey.release();
        }
    }
}
