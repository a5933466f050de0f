package truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import truce.classify.BehaviourModel;
import truce.classify.DjlRuntime;
import truce.classify.BehaviourNet;
import truce.classify.ModelClassifier;
import truce.classify.evaluation.Evaluation;
import truce.classify.evaluation.EvaluationReport;
import truce.classify.training.FeatureSource;
import truce.classify.training.LabelledScene;
import truce.classify.training.LungeThreshold;
import truce.classify.training.ModelCard;
import truce.classify.training.Scene;
import truce.classify.training.ScriptTwin;
import truce.classify.ShapeNet;
import truce.classify.training.ShapeReadings;
import truce.classify.training.ShapeTrainer;
import truce.classify.training.Trainer;

/** {@code truce train}: trains the behaviour model on generated footage and writes weights and a model card. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the behaviour model on generated scenes (DIR/<scene>.avi + <scene>.truth.csv).")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*",
            description = "directory of generated scenes (several may be given)")
    List<Path> data;

    @Option(names = "--out", required = true, description = "model directory to write (behaviour.params, MODEL_CARD.md)")
    Path out;

    @Option(names = "--epochs", defaultValue = "12", description = "most epochs (early stopping may end sooner; the "
            + "validation loss rises after epoch 1-2 and the best macro-F1 comes at epoch 1-3). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--seed", defaultValue = "20261126", description = "seed of the split, initialisation and order. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--patience", defaultValue = "1", description = "epochs without a better validation macro-F1 before stopping (the best epoch was 1-3 in every run of the 120- and 168-scene sets; the 168-scene candidate of 2026-11-26 was trained with 1). Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--batch", defaultValue = "256", description = "windows per mini-batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    float lr;

    @Option(names = "--members", defaultValue = "2",
            description = "nets to train (seeds seed, seed+1, ...) on the same split and average (an ensemble; each "
                    + "costs one forward pass per frame; averaging is what steadies a single net's seed-to-seed "
                    + "spread of 0.02-0.05 macro-F1; the shipped weights are two such nets). Default: ${DEFAULT-VALUE}.")
    int members;

    @Option(names = "--init-seed", description = "seed of the nets' start, order, noise and twins (default: --seed, "
            + "which always decides the validation split)")
    Long initSeed;

    @Option(names = "--join", arity = "1..*", description = "model directories (or .params files) of nets trained on "
            + "the same split (same --seed and data, another --init-seed) to average with this run's into one ensemble")
    List<Path> join = List.of();

    @Option(names = "--label-smoothing", defaultValue = "" + Trainer.Config.LABEL_SMOOTHING,
            description = "share of each head's target spread over its classes. Default: ${DEFAULT-VALUE}.")
    float labelSmoothing;

    @Option(names = "--weight-decay", defaultValue = "" + Trainer.Config.WEIGHT_DECAY,
            description = "Adam's L2 weight decay. Default: ${DEFAULT-VALUE}.")
    float weightDecay;

    @Option(names = "--input-noise", defaultValue = "" + Trainer.Config.INPUT_NOISE,
            description = "sigma of the Gaussian noise added to every training input. Default: ${DEFAULT-VALUE}.")
    float inputNoise;

    @Option(names = "--dropout", defaultValue = "" + BehaviourNet.DROPOUT,
            description = "dropout after the net's dense layer in training. Default: ${DEFAULT-VALUE}.")
    float dropout;

    @Option(names = "--validation-share", defaultValue = "" + Trainer.Config.VALIDATION_SHARE,
            description = "share of the scenes held out (by scene) to pick the epoch and the lunge threshold. "
                    + "Default: ${DEFAULT-VALUE}.")
    double validationShare;

    @Option(names = "--stray-rat-twins", defaultValue = "" + Trainer.Config.STRAY_RAT_SHARE,
            description = "share of the training scenes that also get a twin whose rat track now and then sits on a "
                    + "decoy (labels unchanged), so that the cat's own burst carries a lunge when vision's rat is "
                    + "wrong. Default: ${DEFAULT-VALUE}.")
    double strayRatTwins;

    @Option(names = "--drop-lost-cat", defaultValue = "" + Trainer.Config.LOST_CAT_LENGTHS,
            description = "leave the cat's label out of training where vision tracks the cat farther than this many "
                    + "body lengths from the truth (0: never). Default: ${DEFAULT-VALUE}.")
    float dropLostCat;

    @Option(names = "--drop-lost-rat", defaultValue = "" + Trainer.Config.LOST_RAT_LENGTHS,
            description = "the same for the rat's label. Default: ${DEFAULT-VALUE}.")
    float dropLostRat;

    @Option(names = "--script-twins", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "also train on each training scene's perfect-vision twin (its script replayed), labels "
                    + "unchanged; validation stays on --features. Default: ${DEFAULT-VALUE}.")
    boolean scriptTwins;

    @Option(names = "--lunge-threshold", description = "lunge threshold to ship (0.5 to 1) instead of the one the "
            + "validation scenes choose; the card keeps their table and says both")
    Float lungeThreshold;

    @Option(names = "--shape", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also train the shape net, which reads the cat's posture from the pixels of its crop, and "
                    + "give its readings to the behaviour net (feature v5). Default: ${DEFAULT-VALUE}.")
    boolean shape;

    @Option(names = "--shape-epochs", defaultValue = "" + ShapeTrainer.EPOCHS,
            description = "epochs of the shape net. Default: ${DEFAULT-VALUE}.")
    int shapeEpochs;

    @Option(names = "--features-only", description = "compute (and cache) every scene's features, then stop")
    boolean featuresOnly;

    @Mixin
    FeatureOptions features;

    @Override
    public Integer call() throws Exception {
        DjlRuntime.configure();
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1");
        }
        if (lungeThreshold != null && !(lungeThreshold >= 0.5f && lungeThreshold <= 1f)) {
            throw new IllegalArgumentException("--lunge-threshold must be 0.5 to 1, was " + lungeThreshold);
        }
        List<Scene> scenes = Scene.list(data);
        FeatureSource source = features.source();
        var err = spec.commandLine().getErr();
        err.println("train: " + scenes.size() + " scenes in " + data.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" ")) + ", features from " + source.name());
        List<LabelledScene> labelled = LabelledScene.loadAll(scenes, source, true);
        if (featuresOnly) {
            return 0;
        }
        Files.createDirectories(out);
        if (members < 1 || members > BehaviourNet.MAX_NETS) {
            throw new IllegalArgumentException("--members must be 1 to " + BehaviourNet.MAX_NETS + ", was " + members);
        }
        Trainer.Config config = new Trainer.Config(epochs, batch, lr, seed, validationShare, patience, true,
                inputNoise, labelSmoothing, weightDecay, dropLostCat, dropLostRat, dropout, strayRatTwins);
        List<List<LabelledScene>> split = Trainer.splitByScene(labelled, config.validationShare(), seed);
        if (shape) {
            // the crops are cut and read before the split is used: the same seed splits the same names again
            labelled = ShapeReadings.fit(scenes, labelled, split.get(0).stream().map(LabelledScene::name)
                    .collect(java.util.stream.Collectors.toSet()), new ShapeTrainer.Config(shapeEpochs, seed, true),
                    out, err);
            split = Trainer.splitByScene(labelled, config.validationShare(), seed);
        }
        List<LabelledScene> trainScenes = split.get(0);
        if (scriptTwins) {
            List<String> skipped = new java.util.ArrayList<>();
            List<LabelledScene> twins = ScriptTwin.of(scenes, trainScenes.stream().map(LabelledScene::name)
                    .collect(java.util.stream.Collectors.toSet()), skipped);
            err.println("train: " + twins.size() + " perfect-vision twins" + (skipped.isEmpty() ? ""
                    : "; none for " + String.join(", ", skipped)));
            trainScenes = new java.util.ArrayList<>(trainScenes);
            trainScenes.addAll(twins);
        }
        List<Trainer.Result> results = new java.util.ArrayList<>();
        long first = initSeed == null ? seed : initSeed;
        for (int k = 0; k < members; k++) {
            // every member sees the same split; its own seed gives it another start, order, noise and twins
            Trainer.Config c = config.withSeed(first + k);
            Path dir = members == 1 ? out : out.resolve("member-" + (k + 1));
            results.add(new Trainer(c).train(trainScenes, split.get(1), dir));
        }
        Trainer.Result result = results.get(0);
        List<Path> nets = new java.util.ArrayList<>(results.stream().map(Trainer.Result::weights).toList());
        for (Path j : join) {
            nets.add(Files.isDirectory(j) ? j.resolve("behaviour.params") : j);
        }
        // a joined file may hold several nets itself: the ensemble's size is what the written file holds
        int ensemble = nets.size() > 1 ? BehaviourNet.join(nets, out.resolve("behaviour.params")) : 1;
        List<LabelledScene> val = labelled.stream().filter(s -> result.validationScenes().contains(s.name())).toList();
        String report;
        LungeThreshold.Choice threshold;
        float shipped;
        try (BehaviourModel model = BehaviourModel.load(out)) {
            threshold = LungeThreshold.choose(model, val);
            shipped = lungeThreshold == null ? threshold.threshold() : lungeThreshold;
            model.withLungeThreshold(shipped);
            LungeThreshold.write(out, shipped, lungeThreshold == null ? "chosen on the validation scenes by truce "
                    + "train (event F1 of lunges)" : "given to truce train; the validation scenes chose "
                    + threshold.threshold());
            try (ModelClassifier classifier = new ModelClassifier(model)) {
                report = EvaluationReport.format(List.of(Evaluation.run("model", classifier, val)));
            }
        }
        String command = "truce " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        List<String> fingerprints = new java.util.ArrayList<>();
        for (Scene s : scenes) {
            fingerprints.add(s.fingerprint() + " " + s.name());
        }
        ModelCard.write(out, command, data, source.name(), config, result,
                "lunge threshold " + shipped + (lungeThreshold == null ? " (chosen on these scenes)"
                        : " (given; these scenes chose " + threshold.threshold() + ")") + "\n" + report, fingerprints);
        if (ensemble > 1) {
            StringBuilder e = new StringBuilder("\n## Ensemble\n\n").append(ensemble)
                    .append(" nets on the same split (split seed ").append(seed).append("), this run's with seeds ")
                    .append(first).append(" to ").append(first + members - 1)
                    .append(join.isEmpty() ? "" : ", joined with the nets of " + join + " (trained on the same split)")
                    .append(", their logits averaged; `behaviour.params` holds all of them (")
                    .append(Files.size(out.resolve("behaviour.params"))).append(" bytes). The epochs above are the first"
                            + " net's; each net's best epoch and validation macro-F1 (raw, cat / rat):\n\n");
            for (int k = 0; k < members; k++) {
                Trainer.Result r = results.get(k);
                e.append(String.format(java.util.Locale.ROOT, "- net %d (seed %d): epoch %d, %.4f / %.4f%n", k + 1,
                        first + k, r.bestEpoch(), r.best().catMacroF1(), r.best().ratMacroF1()));
            }
            Files.writeString(out.resolve("MODEL_CARD.md"), e.toString(), java.nio.file.StandardOpenOption.APPEND);
        }
        if (shape) {
            Files.writeString(out.resolve("MODEL_CARD.md"), "\n## Shape net\n\n`" + ShapeNet.FILE + "` ("
                    + Files.size(out.resolve(ShapeNet.FILE)) + " bytes) reads the cat's posture from the pixels of "
                    + "its crop (feature v5's last " + ShapeNet.READINGS + " channels). Trained " + shapeEpochs
                    + " epochs on the training scenes' crops cut within 20 px of the true cat, with their truth "
                    + "posture and the script's stretch and width; the behaviour net trained on readings of each "
                    + "training scene by a shape net fitted on the other half of them (two folds), and the "
                    + "validation scenes above were read by the shipped one.\n", java.nio.file.StandardOpenOption.APPEND);
        }
        java.nio.file.Files.writeString(out.resolve("MODEL_CARD.md"), "\n## Lunge threshold, chosen on the validation scenes\n\n"
                + threshold.table(), java.nio.file.StandardOpenOption.APPEND);
        var o = spec.commandLine().getOut();
        o.println("best epoch " + result.bestEpoch() + " of " + result.history().size()
                + (result.stoppedEarly() ? " (stopped early)" : "")
                + (result.skippedBatches() > 0 ? "; " + result.skippedBatches() + " batch(es) skipped for a non-finite loss" : ""));
        o.println("validation scenes: " + String.join(", ", result.validationScenes()));
        o.print(report);
        o.println("wrote " + result.weights() + " and " + out.resolve("MODEL_CARD.md"));
        return 0;
    }
}
