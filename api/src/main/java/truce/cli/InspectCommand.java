package truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import truce.detect.Blobs;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.footage.Footage;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.overlay.Overlay;
import truce.pipeline.FrameProcessor;
import truce.pipeline.VisionSettings;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;
import truce.source.SourceException;

/**
 * {@code truce inspect VIDEO --frames 120,900 --out DIR [--zones Z.json] [--view-width-cm W]}: what the vision
 * pipeline saw in chosen frames, as pictures, for someone checking a camera's setup or why a track was lost. Each
 * frame gives {@code frame-NNNNNN.png} (the tracks as {@code analyze --annotated} draws them, every blob the
 * detector found with its number, size and contrast, and the truth's positions as circles when a generated
 * scene's {@code .truth.csv} lies beside the video) and {@code mask-NNNNNN.png} (what the detector made of the
 * frame: white an animal's pixels, grey shadow-like ones, dim the differences under its threshold), and a line a
 * blob on standard output. The frames before are run through the pipeline as {@code analyze} runs them, so the
 * tracks are the ones it would report.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Pictures of what vision saw in chosen frames: tracks, blobs and the detector's mask.")
public final class InspectCommand implements Callable<Integer> {
    private static final Scalar BLOB = new Scalar(0, 255, 255);
    private static final Scalar TRUE_CAT = new Scalar(0, 255, 0);
    private static final Scalar TRUE_RAT = new Scalar(255, 255, 0);

    @Parameters(index = "0", paramLabel = "VIDEO", description = "MP4, MJPG AVI, or a folder of images")
    Path video;

    @Option(names = "--frames", required = true, split = ",", paramLabel = "N,N...",
            description = "frame numbers to picture (from 0)")
    List<Integer> frames;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the pictures")
    Path out;

    @Mixin
    FloorOptions floor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TreeSet<Integer> wanted = new TreeSet<>(frames);
        if (wanted.first() < 0) {
            throw new IllegalArgumentException("--frames: frame numbers count from 0, got " + wanted.first());
        }
        if (!Files.exists(video)) {
            throw new IllegalArgumentException(video + ": no such file");
        }
        FloorMap zones = floor.floor();
        Path truthFile = Footage.beside(video, ".truth.csv");
        List<FrameRow> truth = Files.isRegularFile(truthFile) ? FrameCsv.readRows(truthFile) : List.of();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IOException("cannot make the folder " + out + " for the pictures (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        PrintWriter say = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String path = video.toString();
        long index = 0;
        int written = 0;
        try (FrameSource source = FrameSources.open(path, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             FrameProcessor processor = new FrameProcessor(VisionSettings.of(zones))) {
            processor.seedFromFile(path, source.frameCount());
            Overlay overlay = new Overlay(zones);
            Mat mask = new Mat();
            try {
                while (index <= wanted.last() && source.read(frame)) {
                    FrameFeatures f = processor.process(frame);
                    if (wanted.contains((int) index)) {
                        picture(frame.bgr(), f, processor, overlay, index < truth.size() ? truth.get((int) index) : null,
                                mask, zones.pxPerCm(frame.width()), say);
                        written++;
                    }
                    index++;
                }
            } finally {
                mask.release();
                overlay.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (SourceException e) {
            err.println("error: " + e.getMessage());
            err.println("pictured " + written + " of " + wanted.size() + " frames in " + out);
            err.flush();
            return 2;
        }
        if (written < wanted.size()) {
            err.println("error: " + video + " has " + index + " frames (0-" + (index - 1) + "); pictured "
                    + written + " of the " + wanted.size() + " asked for in " + out);
            err.flush();
            return 2;
        }
        say.println("pictured " + written + " frames in " + out);
        say.flush();
        return 0;
    }

    private void picture(Mat bgr, FrameFeatures f, FrameProcessor processor, Overlay overlay, FrameRow truth,
                         Mat mask, double pxPerCm, PrintWriter say) throws IOException {
        long n = f.frame();
        String name = String.format(Locale.ROOT, "%06d.png", n);
        if (processor.detector().drawMask(mask)) {
            write(out.resolve("mask-" + name), mask);
        }
        Blobs b = processor.blobs();
        say.printf(Locale.ROOT, "frame %d: cat %s, rat %s, %d blobs%n", n, where(f.cat().visible(), f.cat().x(),
                f.cat().y()), where(f.rat().visible(), f.rat().x(), f.rat().y()), b.count());
        for (int k = 0; k < b.count(); k++) {
            String size = Double.isNaN(pxPerCm) ? String.format(Locale.ROOT, "%.0f px", b.area(k))
                    : String.format(Locale.ROOT, "%.0f cm2", b.area(k) / (pxPerCm * pxPerCm));
            say.printf(Locale.ROOT, "  blob %d at (%.0f, %.0f): %s, contrast %.0f, shade %.2f, %.0f x %.0f px%s%n", k,
                    b.cx(k), b.cy(k), size, b.contrast(k), b.shade(k), b.length(k), b.width(k),
                    b.touchesBorder(k) ? ", at the edge" : "");
            Imgproc.rectangle(bgr, new Point(b.minX(k), b.minY(k)), new Point(b.maxX(k), b.maxY(k)), BLOB, 1);
            Imgproc.putText(bgr, String.format(Locale.ROOT, "%d: %s c%.0f", k, size, b.contrast(k)),
                    new Point(b.minX(k), Math.max(10, b.minY(k) - 3)), Imgproc.FONT_HERSHEY_SIMPLEX, 0.35, BLOB, 1);
        }
        overlay.draw(bgr, f, processor.tracker(), null, null);
        if (truth != null) {
            if (truth.catVisible()) {
                Imgproc.circle(bgr, new Point(truth.catX(), truth.catY()), 7, TRUE_CAT, 2);
            }
            if (truth.ratVisible()) {
                Imgproc.circle(bgr, new Point(truth.ratX(), truth.ratY()), 7, TRUE_RAT, 2);
            }
        }
        write(out.resolve("frame-" + name), bgr);
    }

    /** OpenCV says only false when a picture cannot be written (a full disk, a folder gone): say where. */
    private static void write(Path file, Mat picture) throws IOException {
        if (!Imgcodecs.imwrite(file.toString(), picture)) {
            throw new IOException("could not write " + file);
        }
    }

    private static String where(boolean visible, double x, double y) {
        return visible ? String.format(Locale.ROOT, "at (%.0f, %.0f)", x, y) : "not in view";
    }
}
