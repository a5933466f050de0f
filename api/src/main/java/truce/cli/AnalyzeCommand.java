package truce.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import truce.classify.BehaviourClassifier;
import truce.classify.Labels;
import truce.classify.ModelClassifier;
import truce.classify.RuleBasedClassifier;
import truce.features.AnimalFeatures;
import truce.features.FeatureColumns;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
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
import truce.video.Mp4Writer;

/**
 * {@code truce analyze VIDEO --csv OUT.csv [--annotated OUT.mp4] [--zones Z.json] [--view-width-cm W]}:
 * every frame of a video through the vision pipeline and a behaviour classifier, into the per-frame CSV
 * (contract columns, then features and label confidences) and optionally an annotated MP4.
 * A damaged file: every good frame is analysed and written, then a clear error and exit code 2.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyses a video: per-frame CSV of positions, postures and states, and an annotated MP4.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIDEO", description = "MP4, MJPG AVI, or a folder of images")
    String video;

    @Option(names = "--csv", required = true, paramLabel = "OUT.csv", description = "per-frame CSV to write")
    Path csv;

    @Option(names = "--annotated", paramLabel = "OUT.mp4", description = "annotated H.264 MP4 to write")
    Path annotated;

    @Mixin
    FloorOptions floor;

    @Option(names = "--fps", paramLabel = "F", description = "frame rate of an image folder (default 30)")
    double folderFps = 30;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Option(names = "--model", description = "model directory or .params file (default: the committed weights)")
    Path model;

    @Option(names = "--baseline", description = "label with the rule-based baseline instead of the trained model")
    boolean baseline;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where labels come from: the trained model unless told otherwise (null: decided by --baseline). */
    private final Supplier<BehaviourClassifier> classifiers;

    public AnalyzeCommand() {
        this(null);
    }

    public AnalyzeCommand(Supplier<BehaviourClassifier> classifiers) {
        this.classifiers = classifiers;
    }

    /** What a run produced, for callers and tests. */
    public record Result(long frames, SourceException failure) {
    }

    @Override
    public Integer call() throws IOException {
        Result r = run();
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        if (r.failure() != null) {
            err.println("error: " + r.failure().getMessage());
            err.println("wrote " + r.frames() + " analysed frames to " + csv);
            err.flush();
            return 2;
        }
        return 0;
    }

    public Result run() throws IOException {
        FloorMap zones = floor.floor();
        FrameSources.Options opts = new FrameSources.Options(0, 0, folderFps, false);
        long frames = 0;
        SourceException failure = null;
        try (FrameSource source = openSource(opts);
             Frame frame = new Frame();
             FrameProcessor processor = new FrameProcessor(VisionSettings.of(zones));
             BehaviourClassifier classifier = classifier();
             BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             ProgressBar bar = progress(source)) {
            // The empty floor, as the per-pixel median of frames spread over the whole file: an animal that
            // keeps still for a while is still elsewhere in most of them (offline analysis may look ahead).
            processor.seedFromFile(video, source.frameCount());

            FeatureColumns columns = null;
            Overlay overlay = new Overlay(zones);
            Mp4Writer writer = null;
            StringBuilder sb = new StringBuilder(512);
            try {
                while (source.read(frame)) {
                    FrameFeatures f = processor.process(frame);
                    Labels labels = classifier.classify(f, frame.bgr());
                    if (columns == null) {
                        columns = new FeatureColumns(zones.pxPerCm(frame.width()));
                        List<String> extra = new ArrayList<>(columns.names());
                        extra.addAll(List.of("cat_p_calm", "cat_p_stalking", "cat_p_lunging",
                                "rat_p_exploring", "rat_p_hiding", "rat_p_fleeing"));
                        FrameCsv.writeHeader(out, extra);
                    }
                    sb.setLength(0);
                    FrameCsv.appendTo(sb, row(f, labels));
                    columns.append(sb, f);
                    probabilities(sb, labels.cat() == null ? null : labels.catProbabilities());
                    probabilities(sb, labels.rat() == null ? null : labels.ratProbabilities());
                    sb.append('\n');
                    out.append(sb);
                    if (annotated != null) {
                        if (writer == null) {
                            writer = new Mp4Writer(annotated, Mp4Writer.Options.clip(
                                    frame.width() & ~1, frame.height() & ~1, source.fps()));
                        }
                        overlay.draw(frame.bgr(), f, processor.tracker(),
                                labels.cat() == null ? null : labels.cat().label(),
                                labels.rat() == null ? null : labels.rat().label());
                        writer.write(evenSized(frame.bgr()));
                    }
                    frames++;
                    if (bar != null) {
                        bar.step();
                    }
                }
            } catch (SourceException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (columns == null) {
                    FrameCsv.writeHeader(out, new FeatureColumns(Double.NaN).names());
                }
                if (writer != null) {
                    writer.close();
                }
                overlay.close();
            }
        } catch (SourceException e) {
            failure = e; // could not even open: nothing was analysed
            if (!Files.exists(csv)) {
                try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    FrameCsv.writeHeader(out, List.of());
                }
            }
        }
        return new Result(frames, failure);
    }

    private BehaviourClassifier classifier() throws IOException {
        if (classifiers != null) {
            return classifiers.get();
        }
        if (baseline) {
            return new RuleBasedClassifier();
        }
        // the per-frame CSV carries both heads' probabilities
        return (model == null ? ModelClassifier.withDefaultWeights() : ModelClassifier.withWeights(model))
                .withProbabilities();
    }

    private FrameSource openSource(FrameSources.Options opts) throws SourceException {
        Path p = Path.of(video);
        if (!Files.exists(p)) {
            throw new SourceException(video + ": no such file", 0);
        }
        return FrameSources.open(video, opts, SourceEvent.Listener.NONE);
    }

    private ProgressBar progress(FrameSource source) {
        if (noProgress) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("analyze").setInitialMax(Math.max(-1, source.frameCount()))
                .setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1).showSpeed().setUpdateIntervalMillis(500)
                .build();
    }

    private static Mat evenSized(Mat bgr) {
        if ((bgr.cols() & 1) == 0 && (bgr.rows() & 1) == 0) {
            return bgr;
        }
        return bgr.submat(0, bgr.rows() & ~1, 0, bgr.cols() & ~1);
    }

    static FrameRow row(FrameFeatures f, Labels labels) {
        AnimalFeatures c = f.cat();
        AnimalFeatures r = f.rat();
        return new FrameRow(f.frame(), f.timeMs(), c.visible() ? labels.cat() : null, labels.rat(),
                c.visible() ? c.x() : Double.NaN, c.visible() ? c.y() : Double.NaN,
                r.visible() ? r.x() : Double.NaN, r.visible() ? r.y() : Double.NaN,
                c.visible(), r.visible());
    }

    private static void probabilities(StringBuilder sb, float[] p) {
        for (int i = 0; i < 3; i++) {
            sb.append(',');
            if (p != null && i < p.length) {
                sb.append(FrameCsv.oneDecimal(p[i]));
            }
        }
    }
}
