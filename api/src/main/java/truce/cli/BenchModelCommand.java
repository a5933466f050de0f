package truce.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencv.core.Core;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import truce.classify.BehaviourModel;
import truce.classify.BehaviourNet;
import truce.classify.ShapeNet;
import truce.classify.StepwiseNet;
import truce.classify.ShapeReader;
import truce.classify.DjlRuntime;
import truce.classify.ModelClassifier;
import truce.features.FrameFeatures;
import truce.pipeline.FrameProcessor;
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

    @Mixin
    FloorOptions floor;

    @Option(names = "--model", description = "model directory or .params file (default: the committed weights)")
    Path model;

    @Option(names = "--warm-up", defaultValue = "300", description = "frames left out of the figures. Default: ${DEFAULT-VALUE}.")
    int warmUp;

    @Option(names = "--per-frame", paramLabel = "OUT.csv",
            description = "also write each frame's wall and CPU nanoseconds, heap bytes and collections")
    Path perFrame;

    @Spec
    CommandSpec spec;

    private static final int BACK_TO_BACK = 1000;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    /** CPU p50 of each net run {@link #BACK_TO_BACK} times in a row on one made-up input. */
    private String backToBack(BehaviourModel weights) {
        String result;
        try (StepwiseNet net = weights.stepwise()) {
            ByteBuffer in = madeUp(net.inputFloats(), Math::sin);
            float[] logits = new float[BehaviourNet.OUTPUTS];
            result = String.format(Locale.ROOT, "behaviour net (%d fused, one step) %.0f us", weights.nets(),
                    cpuP50(() -> net.logits(in, logits)) / 1e3);
        }
        if (weights.shape() != null) {
            ByteBuffer crop = madeUp(ShapeNet.INPUT, Math::cos);
            float[] outputs = new float[ShapeNet.OUTPUTS];
            result += String.format(Locale.ROOT, ", shape net %.0f us",
                    cpuP50(() -> weights.shape().outputs(crop, outputs)) / 1e3);
        }
        return result;
    }

    /** A direct, native-order buffer of {@code n} floats, value i being {@code f(i)}. */
    private static ByteBuffer madeUp(int n, java.util.function.DoubleUnaryOperator f) {
        ByteBuffer b = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            b.putFloat(i * Float.BYTES, (float) f.applyAsDouble(i));
        }
        return b;
    }

    /** This thread's CPU p50 (ns) of one pass, over {@link #BACK_TO_BACK} passes in a row. */
    private double cpuP50(Runnable pass) {
        long[] t = new long[BACK_TO_BACK];
        for (int r = 0; r < BACK_TO_BACK; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            pass.run();
            t[r] = cpu.getCurrentThreadCpuTime() - c0;
        }
        return p50(t);
    }

    /** The median as the report above takes it ({@link FrameClock#pct}), so a part's never exceeds the whole's. */
    private static double p50(long[] values) {
        return pct(values, 50);
    }

    private static double pct(long[] values, double p) {
        long[] v = values.clone();
        Arrays.sort(v);
        return FrameClock.pct(v, p);
    }

    @Override
    public Integer call() throws Exception {
        DjlRuntime.configure();
        FloorMap zones = floor.floor();
        FrameClock clock = new FrameClock(100_000);
        long[] shapeParts = new long[clock.capacity()];
        String backToBack;
        boolean readsShape;
        int width = 0;
        int height = 0;
        try (FrameSource source = FrameSources.open(video, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             FrameProcessor processor = new FrameProcessor(VisionSettings.of(zones));
             BehaviourModel weights = model == null ? BehaviourModel.loadDefault() : BehaviourModel.load(model);
             ModelClassifier classifier = new ModelClassifier(weights);
             // the model's two parts, timed apart: the shape reading (crop and shape net) and the rest (window,
             // behaviour net, smoothing); together exactly what classify(frame, pixels) does
             ShapeReader reader = weights.shape() == null ? null : new ShapeReader(weights.shape())) {
            Core.setNumThreads(1);
            readsShape = reader != null;
            float[] reading = new float[ShapeNet.READINGS];
            processor.seedFromFile(video, source.frameCount());
            while (!clock.full() && source.read(frame)) {
                width = frame.width();
                height = frame.height();
                clock.start();
                FrameFeatures f = processor.process(frame);
                clock.lap();
                if (reader != null) {
                    long s0 = cpu.getCurrentThreadCpuTime();
                    reader.read(frame.bgr(), f.cat(), reading, 0);
                    shapeParts[clock.frames()] = cpu.getCurrentThreadCpuTime() - s0;
                    classifier.classify(f, reading, 0);
                } else {
                    classifier.classify(f, frame.bgr());
                }
                clock.stop();
            }
            backToBack = backToBack(weights);
        }
        int n = clock.frames();
        if (n <= warmUp + 10) {
            throw new IllegalArgumentException(video + ": only " + n + " frames, need more than " + (warmUp + 10));
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %dx%d, %d frames timed after %d warm-up, decode excluded, 1 thread%n",
                video, width, height, n - warmUp, warmUp);
        clock.report(out, warmUp, "vision chain", "behaviour model");
        if (readsShape) {
            long[] shape = Arrays.copyOfRange(shapeParts, warmUp, n);
            long[] rest = clock.cpuB(warmUp);
            for (int i = 0; i < rest.length; i++) {
                rest[i] -= shape[i];
            }
            out.printf(Locale.ROOT, "  the model's parts, cpu p50 / p99: shape reading (crop, shape net) %.0f / %.0f us, window,"
                    + " behaviour net and smoothing %.0f / %.0f us%n", pct(shape, 50) / 1e3, pct(shape, 99) / 1e3,
                    pct(rest, 50) / 1e3, pct(rest, 99) / 1e3);
        }
        out.printf(Locale.ROOT, "  the nets alone, %d passes back to back on a fixed input, cpu p50: %s; what the parts above"
                + " cost beyond these is running between vision's frames (cold caches, libtorch's dispatch)%n",
                BACK_TO_BACK, backToBack);
        if (perFrame != null) {
            clock.writeCsv(perFrame);
            out.println("per-frame figures: " + perFrame);
        }
        out.flush();
        return 0;
    }
}
