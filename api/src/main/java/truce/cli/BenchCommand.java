package truce.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import truce.bench.BenchFootage;
import truce.bench.CpuTimeBench;
import truce.bench.PipelineBenchmark;
import truce.bench.Soak;
import truce.classify.ModelClassifier;

/**
 * {@code truce bench}: JMH throughput of every pipeline stage and of the whole chain, decode excluded and
 * included, at 640x480 and 1280x720, on one thread and on two (each thread its own stream); or, with
 * {@code --soak-minutes N}, N minutes of frames while heap and RSS are printed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks the vision pipeline (JMH), or soaks it to watch memory.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "640x480,1280x720", description = "frame sizes")
    List<String> sizes;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "threads (streams) per run")
    List<Integer> threads;

    @Option(names = "--stages", defaultValue = ".*",
            description = "regex of benchmarks: motion, blobs, track, features, chain, decode, chainWithDecode")
    String stages;

    @Option(names = "--seconds", defaultValue = "2", description = "seconds per measurement iteration")
    int seconds;

    @Option(names = "--iterations", defaultValue = "3", description = "measurement iterations")
    int iterations;

    @Option(names = "--cpu-frames", defaultValue = "3000",
            description = "frames for the CPU-time table (0 = skip it)")
    int cpuFrames;

    @Option(names = "--no-jmh", description = "only the CPU-time table")
    boolean noJmh;

    @Option(names = "--soak-minutes", description = "run the chain this long and print heap and RSS instead")
    Double soakMinutes;

    @Option(names = "--with-model", description = "with --soak-minutes: the committed behaviour model labels every frame too")
    boolean withModel;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public Integer call() throws RunnerException {
        PrintWriter out = spec.commandLine().getOut();
        if (withModel && soakMinutes == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--with-model goes with --soak-minutes");
        }
        if (soakMinutes != null) {
            int[] wh = BenchFootage.size(sizes.get(0));
            // a null resource is allowed: without --with-model there is no model to close
            try (ModelClassifier model = withModel ? ModelClassifier.withDefaultWeights() : null) {
                new Soak(wh[0], wh[1], out, model).run(soakMinutes, Math.max(5, Math.min(60, soakMinutes * 6)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        }
        out.printf("cores available: %d (other processes share them: figures are noisy)%n",
                Runtime.getRuntime().availableProcessors());
        out.printf("load average: %s%n", loadAverage());
        if (cpuFrames > 0) {
            out.println("frames per CPU-second of the working thread (one free core; decode = MJPG/JPEG):");
            out.printf("%-9s %-16s %12s %10s%n", "size", "stage", "frames/cpu-s", "ms/frame");
            for (String size : sizes) {
                int[] wh = BenchFootage.size(size);
                for (var e : new CpuTimeBench().run(wh[0], wh[1], cpuFrames).entrySet()) {
                    out.printf(Locale.ROOT, "%-9s %-16s %12.0f %10.3f%n", size, e.getKey(), e.getValue(), 1000 / e.getValue());
                }
            }
            out.flush();
        }
        if (noJmh) {
            return 0;
        }
        out.println("JMH, wall clock:");
        TreeMap<String, double[]> table = new TreeMap<>();
        for (int t : threads) {
            ChainedOptionsBuilder o = new OptionsBuilder()
                    .include(PipelineBenchmark.class.getName() + "\\.(" + stages + ")$")
                    .param("size", sizes.toArray(new String[0]))
                    .threads(t)
                    .forks(1)
                    .warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(seconds))
                    .jvmArgsAppend("-Xmx1g")
                    .verbosity(VerboseMode.SILENT);
            Collection<RunResult> results = new Runner(o.build()).run();
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                String key = String.format(Locale.ROOT, "%-9s %-16s", r.getParams().getParam("size"), name);
                table.computeIfAbsent(key, k -> new double[threads.size()])[threads.indexOf(t)] =
                        r.getPrimaryResult().getScore();
            }
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s %-16s", "size", "stage"));
        for (int t : threads) {
            head.append(String.format(Locale.ROOT, " %14s", "fps " + t + " thread" + (t > 1 ? "s" : "")));
        }
        out.println(head);
        for (var e : table.entrySet()) {
            StringBuilder row = new StringBuilder(e.getKey());
            for (double v : e.getValue()) {
                row.append(String.format(Locale.ROOT, " %14.0f", v));
            }
            out.println(row);
        }
        out.println("fps = frames per second summed over the threads; each thread is its own stream.");
        out.flush();
        return 0;
    }
}
