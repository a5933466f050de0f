package truce.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import truce.floor.FloorMap;
import truce.pipeline.FrameProcessor;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.OpenCvFileSource;
import truce.source.SourceEvent;
import truce.source.SourceException;
import truce.pipeline.VisionSettings;

/**
 * Runs the whole chain (with MJPG decode, as a camera stream would) for a number of minutes and prints heap
 * and resident memory as it goes: a leak of native Mats shows as RSS that keeps climbing. Frames come through
 * the real file source into one reused {@link Frame}, as in {@code analyze} and the live loop (a per-frame
 * {@code imdecode} would itself leave a native Mat per frame to the garbage collector and blur the figure).
 */
public final class Soak {
    private final int width;
    private final int height;
    private final PrintWriter out;

    public Soak(int width, int height, PrintWriter out) {
        this.width = width;
        this.height = height;
        this.out = out;
    }

    /** @return RSS growth in kB from the first report after warm-up to the last */
    public long run(double minutes, double reportSeconds) {
        long growth;
        java.nio.file.Path avi;
        FloorMap floor;
        try (BenchFootage footage = new BenchFootage(width, height, 300)) {
            avi = java.nio.file.Files.createTempFile("truce-soak", ".avi");
            footage.writeAvi(avi, 30);
            floor = footage.floor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(floor)); Frame frame = new Frame()) {
            FrameSource source = new OpenCvFileSource(avi, SourceEvent.Listener.NONE);
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextReport = start + (long) (reportSeconds * 1e9);
            long frames = 0;
            long lastFrames = 0;
            long lastT = start;
            long firstRss = -1;
            long rss = 0;
            out.printf("soak %dx%d for %.1f min: chain with MJPG decode, one stream%n", width, height, minutes);
            out.printf("%8s %10s %8s %10s %10s%n", "time_s", "frames", "fps", "heap_MB", "rss_MB");
            while (System.nanoTime() < end) {
                if (!source.read(frame)) {
                    source.close(); // the clip's end: start it again (once per 300 frames)
                    source = new OpenCvFileSource(avi, SourceEvent.Listener.NONE);
                    continue;
                }
                p.process(frame.bgr(), frames, frames * 1000 / 30.0);
                frames++;
                long now = System.nanoTime();
                if (now >= nextReport) {
                    Runtime rt = Runtime.getRuntime();
                    double heap = (rt.totalMemory() - rt.freeMemory()) / 1e6;
                    rss = rssKb();
                    if (firstRss < 0) {
                        firstRss = rss;
                    }
                    out.printf("%8.0f %10d %8.0f %10.1f %10.1f%n", (now - start) / 1e9, frames,
                            (frames - lastFrames) / ((now - lastT) / 1e9), heap, rss / 1024.0);
                    out.flush();
                    lastFrames = frames;
                    lastT = now;
                    nextReport += (long) (reportSeconds * 1e9);
                }
            }
            source.close();
            growth = firstRss < 0 ? 0 : rss - firstRss;
            out.printf("frames %d; RSS change since the first report %+.1f MB%n", frames, growth / 1024.0);
            out.flush();
        } catch (SourceException e) {
            throw new IllegalStateException("the soak's own clip could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            try {
                Files.deleteIfExists(avi);
            } catch (IOException ignored) {
                // a temp file
            }
        }
        return growth;
    }

    /** VmRSS from /proc/self/status, kB (-1 where there is no /proc). */
    public static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
