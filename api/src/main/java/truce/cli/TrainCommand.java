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
import truce.classify.ModelClassifier;
import truce.classify.evaluation.Evaluation;
import truce.classify.evaluation.EvaluationReport;
import truce.classify.training.FeatureSource;
import truce.classify.training.LabelledScene;
import truce.classify.training.LungeThreshold;
import truce.classify.training.ModelCard;
import truce.classify.training.Scene;
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

    @Option(names = "--epochs", defaultValue = "40", description = "most epochs (early stopping may end sooner). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--seed", defaultValue = "20261126", description = "seed of the split, initialisation and order. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--patience", defaultValue = "4", description = "epochs without a better validation macro-F1 before stopping. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--batch", defaultValue = "256", description = "windows per mini-batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    float lr;

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
        List<Scene> scenes = Scene.list(data);
        FeatureSource source = features.source();
        var err = spec.commandLine().getErr();
        err.println("train: " + scenes.size() + " scenes in " + data.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" ")) + ", features from " + source.name());
        List<LabelledScene> labelled = LabelledScene.loadAll(scenes, source, true);
        if (featuresOnly) {
            return 0;
        }
        Files.createDirectories(out);
        Trainer.Config config = new Trainer.Config(epochs, batch, lr, seed, 0.2, patience, true);
        Trainer.Result result = new Trainer(config).train(labelled, out);
        List<LabelledScene> val = labelled.stream().filter(s -> result.validationScenes().contains(s.name())).toList();
        String report;
        LungeThreshold.Choice threshold;
        try (BehaviourModel model = BehaviourModel.load(out)) {
            threshold = LungeThreshold.choose(model, val);
            LungeThreshold.write(out, threshold.threshold());
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
                "lunge threshold " + threshold.threshold() + " (chosen on these scenes)\n" + report, fingerprints);
        java.nio.file.Files.writeString(out.resolve("MODEL_CARD.md"), "\n## Lunge threshold, chosen on the validation scenes\n\n"
                + threshold.table(), java.nio.file.StandardOpenOption.APPEND);
        var o = spec.commandLine().getOut();
        o.println("best epoch " + result.bestEpoch() + " of " + result.history().size()
                + (result.stoppedEarly() ? " (stopped early)" : ""));
        o.println("validation scenes: " + String.join(", ", result.validationScenes()));
        o.print(report);
        o.println("wrote " + result.weights() + " and " + out.resolve("MODEL_CARD.md"));
        return 0;
    }
}
