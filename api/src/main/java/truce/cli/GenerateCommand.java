package truce.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import truce.samples.scene.BarrierMode;
import truce.samples.scene.SceneGenerator;
import truce.samples.scene.SceneOptions;

/** {@code truce generate}: synthetic playpen footage with exact truth, or the demo clip. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Writes synthetic overhead playpen footage with exact ground truth.",
                "For each scene: DIR/<scene>.avi (MJPG, 30 fps), DIR/<scene>.truth.csv (the per-frame CSV), "
                        + "DIR/<scene>.zones.json (cover, barrier, perch; viewWidthCm) and DIR/<scene>.info.json.",
                "The same seed gives byte-identical truth and frames.",
                "With --demo: the demo clip, DIR/session.mp4 (H.264) with its truth and zones."})
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--scenes", defaultValue = "8", paramLabel = "N", description = "Number of scenes (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S", description = "Length of each scene in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "K", description = "Seed; everything follows from it (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--width", defaultValue = "640", paramLabel = "W", description = "Frame width, even (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "480", paramLabel = "H", description = "Frame height, even (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--barrier", defaultValue = "some", paramLabel = "some|all|none",
            description = "Scenes with the clear barrier (protocol stages 2-4): some (two in five), all or none (default: ${DEFAULT-VALUE}).")
    String barrier;

    @Option(names = "--no-distractors", description = "Leave out the person's hand and the rolling toy.")
    boolean noDistractors;

    @Option(names = "--clean", description = "Leave out the camera's effects (light drift, lamp steps, noise, motion blur).")
    boolean clean;

    @Option(names = "--demo", description = "Write the 2-minute demo clip (session.mp4 + truth + zones); ignores the scene options.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        SceneOptions options;
        try {
            options = demo ? SceneGenerator.demoOptions() : new SceneOptions(scenes, seconds, seed, width, height, 30,
                    barrierMode(), !noDistractors, !clean, 2);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file, not a directory");
        }
        SceneGenerator generator = new SceneGenerator(options);
        long total = (long) options.scenes() * options.frames();
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(demo ? "demo" : "generate").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1).continuousUpdate().build()) {
            if (demo) {
                generator.generateDemo(out, bar::stepBy);
            } else {
                generator.generate(out, bar::stepBy);
            }
        } catch (java.io.IOException e) {
            throw new java.io.IOException("cannot write footage to " + out + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s%d frames to %s in %.1f s (%.0f frames/s)%n",
                demo ? "the demo clip, " : options.scenes() + " scene(s), ", total, out, secs, total / secs);
        return 0;
    }

    private BarrierMode barrierMode() {
        return switch (barrier.toLowerCase(Locale.ROOT)) {
            case "some" -> BarrierMode.SOME;
            case "all" -> BarrierMode.ALL;
            case "none" -> BarrierMode.NONE;
            default -> throw new IllegalArgumentException("--barrier must be some, all or none, was '" + barrier + "'");
        };
    }
}
