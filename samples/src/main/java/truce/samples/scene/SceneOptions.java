package truce.samples.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What to generate.
 *
 * @param scenes        number of scenes
 * @param seconds       length of each scene
 * @param seed          one seed decides everything; the same seed gives byte-identical truth and frames
 * @param width,height  frame size in pixels (even numbers)
 * @param fps           frames per second (30)
 * @param barrier       which scenes have the clear barrier
 * @param distractors   a person's hand reaching in and a rolling toy
 * @param camera        light drift and lamp steps, sensor noise, motion blur, varying JPEG quality
 * @param minLunges     planned stalk-and-lunge encounters per scene at least (each sends the rat fleeing);
 *                      scenes shorter than 6 s get none planned
 */
public record SceneOptions(int scenes, double seconds, long seed, int width, int height, double fps,
                           BarrierMode barrier, boolean distractors, boolean camera, int minLunges) {

    public SceneOptions {
        if (scenes < 1 || scenes > 10_000) {
            throw new IllegalArgumentException("scenes must be 1..10000, was " + scenes);
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalArgumentException("seconds must be above 0 and at most 3600, was " + seconds);
        }
        if (width < 64 || height < 48 || width > 3840 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be even, from 64x48 to 3840x2160, was " + width + "x" + height);
        }
        if (!(fps >= 1 && fps <= 120)) {
            throw new IllegalArgumentException("fps must be 1..120, was " + fps);
        }
        if (barrier == null) {
            throw new IllegalArgumentException("barrier mode is required");
        }
        if (minLunges < 0 || minLunges > 100) {
            throw new IllegalArgumentException("minLunges must be 0..100, was " + minLunges);
        }
    }

    /** 8 scenes of 60 s at 640x480, 30 fps, seed 1, some behind the barrier, with hand, toy and camera effects. */
    public static SceneOptions defaults() {
        return new SceneOptions(8, 60, 1, 640, 480, 30, BarrierMode.SOME, true, true, 2);
    }

    public SceneOptions withScenes(int n) {
        return new SceneOptions(n, seconds, seed, width, height, fps, barrier, distractors, camera, minLunges);
    }

    public SceneOptions withSeconds(double s) {
        return new SceneOptions(scenes, s, seed, width, height, fps, barrier, distractors, camera, minLunges);
    }

    public SceneOptions withSeed(long k) {
        return new SceneOptions(scenes, seconds, k, width, height, fps, barrier, distractors, camera, minLunges);
    }

    public SceneOptions withSize(int w, int h) {
        return new SceneOptions(scenes, seconds, seed, w, h, fps, barrier, distractors, camera, minLunges);
    }

    public SceneOptions withBarrier(BarrierMode b) {
        return new SceneOptions(scenes, seconds, seed, width, height, fps, b, distractors, camera, minLunges);
    }

    public SceneOptions withDistractors(boolean d) {
        return new SceneOptions(scenes, seconds, seed, width, height, fps, barrier, d, camera, minLunges);
    }

    public SceneOptions withCamera(boolean c) {
        return new SceneOptions(scenes, seconds, seed, width, height, fps, barrier, distractors, c, minLunges);
    }

    public SceneOptions withMinLunges(int n) {
        return new SceneOptions(scenes, seconds, seed, width, height, fps, barrier, distractors, camera, n);
    }

    /** The file {@code generate} writes into a set's directory: the options that made it. */
    public static final String RECIPE_FILE = "generate.json";

    /**
     * The {@code truce generate} command line that writes these options' scenes into {@code out} (the demo's
     * options, with their 4 planned lunges, are {@code generate --demo}).
     */
    public String command(String out) {
        // options left at the defaults (which are generate's own) are left off the line
        SceneOptions d = defaults();
        StringBuilder sb = new StringBuilder("truce generate --out ").append(out)
                .append(" --scenes ").append(scenes).append(" --seconds ").append(formatSeconds()).append(" --seed ").append(seed);
        if (width != d.width || height != d.height) {
            sb.append(" --width ").append(width).append(" --height ").append(height);
        }
        if (barrier != d.barrier) {
            sb.append(" --barrier ").append(barrier.name().toLowerCase(Locale.ROOT));
        }
        if (!distractors) {
            sb.append(" --no-distractors");
        }
        if (!camera) {
            sb.append(" --clean");
        }
        return sb.toString();
    }

    /** The options a set in {@code dir} was generated with, if its {@link #RECIPE_FILE} is there. */
    public static Optional<SceneOptions> recipe(Path dir) throws IOException {
        Path f = dir.resolve(RECIPE_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        return Optional.of(new ObjectMapper().readValue(f.toFile(), SceneOptions.class));
    }

    private String formatSeconds() {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** Frames per scene. */
    public int frames() {
        return (int) Math.round(seconds * fps);
    }
}
