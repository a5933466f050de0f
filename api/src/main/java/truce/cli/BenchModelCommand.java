package truce.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import truce.classify.BehaviourModel;
import truce.classify.DjlRuntime;
import truce.classify.ModelClassifier;
import truce.features.FrameFeatures;
import truce.pipeline.FrameProcessor;
import truce.pipeline.SeedFrames;
import truce.pipeline.VisionSettings;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;
import truce.floor.FloorMap;
import truce.bench.FrameClock;

/**
 * {@code truce bench-model VIDEO}: per-frame cost of the vision chain and of the behaviour model, decode
 * excluded (the clock runs around processing only), on one OpenCV and one PyTorch thread. Pin it to one core
 * with {@code taskset -c 0} for the one-core figure.
 */
@Command(name = "bench-model", mixinStandardHelpOptions = true,
        description = "Time the vision chain plus the behaviour model per frame, decode excluded (one thread each).")
public final class BenchModelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIDEO", description = "a video to run (e.g. a generated 640x480 scene)")
    String video;

    @Option(names = "--zones", paramLabel = "Z.json", description = "the scene's zones")
    Path zonesFile;

    @Option(names = "--model", description = "model directory or .params file (default: the committed weights)")
    Path model;

    @Option(names = "--warm-up", defaultValue = "300", description = "frames left out of the figures. Default: ${DEFAULT-VALUE}.")
    int warmUp;

    @Option(names = "--per-frame", paramLabel = "OUT.csv",
            description = "also write each frame's wall and CPU nanoseconds, heap bytes and collections")
    Path perFrame;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DjlRuntime.configure();
        FloorMap zones = zonesFile != null ? FloorMap.read(zonesFile) : FloorMap.NONE;
        FrameClock clock = new FrameClock(100_000);
        int width = 0;
        int height = 0;
        try (FrameSource source = FrameSources.open(video, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             FrameProcessor processor = new FrameProcessor(VisionSettings.of(zones));
             BehaviourModel weights = model == null ? BehaviourModel.loadDefault() : BehaviourModel.load(model);
             ModelClassifier classifier = new ModelClassifier(weights)) {
            Core.setNumThreads(1);
            List<Mat> seed = SeedFrames.spread(video, source.frameCount());
            processor.seed(seed);
            SeedFrames.release(seed);
            while (!clock.full() && source.read(frame)) {
                width = frame.width();
                height = frame.height();
                clock.start();
                FrameFeatures f = processor.process(frame);
                clock.lap();
                classifier.classify(f, frame.bgr());
                clock.stop();
            }
        }
        int n = clock.frames();
        if (n <= warmUp + 10) {
            throw new IllegalArgumentException(video + ": only " + n + " frames, need more than " + (warmUp + 10));
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %dx%d, %d frames timed after %d warm-up, decode excluded, 1 thread%n",
                video, width, height, n - warmUp, warmUp);
        clock.report(out, warmUp, "vision chain", "behaviour model");
        if (perFrame != null) {
            clock.writeCsv(perFrame);
            out.println("per-frame figures: " + perFrame);
        }
        out.flush();
        return 0;
    }
}
