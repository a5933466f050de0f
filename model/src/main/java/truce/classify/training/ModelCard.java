package truce.classify.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import truce.classify.BehaviourNet;
import truce.classify.FeatureEncoder;
import truce.samples.scene.SceneOptions;

/**
 * Writes {@code MODEL_CARD.md} beside the weights: what data, which command, how training went, and what the
 * weights score on the held-back validation scenes; plus {@code training-scenes.txt} (fingerprint and name of
 * every scene it saw), which evaluation reads to refuse to score a model on scenes it was trained on.
 */
public final class ModelCard {
    public static final String SCENES_FILE = "training-scenes.txt";

    private ModelCard() {
    }

    public static void write(Path outDir, String command, List<Path> dataDirs, String featureSource, Trainer.Config config,
                             Trainer.Result r, String validationReport, List<String> fingerprints) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Truce behaviour model\n\n");
        sb.append("Per-frame cat posture (calm, stalking, lunging) and rat state (exploring, hiding, fleeing) from the\n")
                .append("current and past ").append(BehaviourNet.WINDOW).append(" frames of vision features.\n\n");
        sb.append("- Written: ").append(Instant.now()).append('\n');
        sb.append("- Command: `").append(command).append("`\n");
        sb.append("- Data: `").append(dataDirs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining("`, `")))
                .append("`, ").append(r.trainScenes().size() + r.validationScenes().size())
                .append(" scenes; features from ").append(featureSource).append('\n');
        sb.append("- Regenerating the data (the directories keep their names: the validation split shuffles scenes by name): ")
                .append(regenerate(dataDirs)).append('\n');
        sb.append("- Net: causal temporal convolution (3 x Conv1d k=3, dilations 1/2/4, 32 filters) + dense 64 (dropout " + config.dropout() + ") + 6 logits; ")
                .append("input ").append(FeatureEncoder.CHANNELS).append(" channels x ").append(BehaviourNet.WINDOW)
                .append(" frames (feature encoding v").append(FeatureEncoder.VERSION).append(")\n");
        sb.append("- Features: scale- and scene-free (body length, width, area and elongation as ratios to the animal's ")
                .append("running median in the stream; speeds, raw centroid steps and distances in median body lengths; ")
                .append("visibility, time unseen, cover, recent-burst memories; a centroid leap of over 0.6 body lengths in one frame ")
                .append("is kept out of the steps and marked as a jump of the track, with a fading memory; v4: the cat's own ")
                .append("elongation and 1 s / 3 s memories of it, of pointing at the rat, of the last fast move and of speed), ")
                .append("see `FeatureEncoder`\n");
        // with --members the ensemble file sits in out, the result's own weights in a member directory
        Path weights = Files.exists(outDir.resolve("behaviour.params")) ? outDir.resolve("behaviour.params") : r.weights();
        sb.append("- Weights: `behaviour.params` (").append(Files.size(weights)).append(" bytes), first net's best epoch ")
                .append(r.bestEpoch()).append(r.stoppedEarly() ? " (stopped early)" : "")
                .append(r.skippedBatches() > 0 ? "; " + r.skippedBatches() + " batch(es) skipped for a non-finite loss" : "").append('\n');
        sb.append(String.format(Locale.ROOT, "- Training: Adam lr %s, batch %d, up to %d epochs, patience %d, seed %d, "
                        + "validation split by scene (%.0f %% of scenes), input noise sigma %s, label smoothing %s, weight decay %s, labels dropped where vision is over %s (cat) / %s (rat) body lengths off (0: never)%n",
                config.learningRate(), config.batchSize(), config.epochs(), config.patience(), config.seed(),
                config.validationShare() * 100, config.inputNoise(), config.labelSmoothing(), config.weightDecay(), config.lostCatLengths(),
                config.lostRatLengths()));
        sb.append("- Train scenes (").append(r.trainScenes().size()).append(", ").append(r.trainFrames())
                .append(" frames, with cat-less twins of about a quarter of them and twins whose cat track jumps now and then of about "
                        + "half" + (config.strayRatShare() > 0 ? String.format(Locale.ROOT, ", and twins whose rat track strays now and then of "
                        + "%.0f %%", config.strayRatShare() * 100) : "") + ", labels unchanged): ")
                .append(String.join(", ", r.trainScenes())).append("\n");
        sb.append("- Validation scenes (").append(r.validationScenes().size()).append(", ").append(r.validationFrames())
                .append(" frames): ").append(String.join(", ", r.validationScenes())).append('\n');
        sb.append("- Frames per class in training: cat ").append(Arrays.toString(r.catCounts())).append(", rat ")
                .append(Arrays.toString(r.ratCounts())).append('\n');
        sb.append("- Class weights (sqrt inverse frequency): cat ").append(Arrays.toString(r.catWeights()))
                .append(", rat ").append(Arrays.toString(r.ratWeights())).append("\n\n");
        sb.append("## Epochs\n\n| epoch | train loss | val loss | val macro-F1 cat (raw) | val macro-F1 rat (raw) |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Trainer.Epoch e : r.history()) {
            sb.append(String.format(Locale.ROOT, "| %d%s | %.4f | %.4f | %.4f | %.4f |%n", e.epoch(),
                    e.epoch() == r.bestEpoch() ? " (best)" : "", e.trainLoss(), e.validationLoss(), e.catMacroF1(),
                    e.ratMacroF1()));
        }
        sb.append("\n## Validation scenes, live path (smoothed labels)\n\n```\n").append(validationReport).append("```\n");
        Files.writeString(outDir.resolve("MODEL_CARD.md"), sb.toString(), StandardCharsets.UTF_8);
        Files.write(outDir.resolve(SCENES_FILE), fingerprints, StandardCharsets.UTF_8);
    }

    /** Each data directory's {@code generate} command, from the recipe the generator left in it. */
    static String regenerate(List<Path> dataDirs) throws IOException {
        List<String> commands = new java.util.ArrayList<>();
        for (Path dir : dataDirs) {
            commands.add(SceneOptions.recipe(dir).map(o -> "`" + o.command(dir.toString()) + "`")
                    .orElse("`" + dir + "`: unknown (no " + SceneOptions.RECIPE_FILE + ")"));
        }
        return String.join("; ", commands);
    }

    /** The same for the committed weights, from the classpath. */
    public static List<String> committedTrainingScenes() throws IOException {
        try (java.io.InputStream in = ModelCard.class.getResourceAsStream("/truce/classify/" + SCENES_FILE)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).map(l -> l.split(" ", 2)[0]).toList();
        }
    }

    /** Fingerprints ({@link Scene#fingerprint}) of the scenes a model was trained or validated on (empty if unknown). */
    public static List<String> trainingScenes(Path modelDir) throws IOException {
        Path f = modelDir.resolve(SCENES_FILE);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split(" ", 2)[0]).toList();
    }
}
