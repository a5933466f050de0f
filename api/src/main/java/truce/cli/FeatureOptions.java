package truce.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import truce.classify.training.FeatureSource;
import truce.classify.training.TruthFeatures;

/** How train and evaluate get each scene's features. */
final class FeatureOptions {

    enum Kind { vision, truth }

    @Option(names = "--features", defaultValue = "truth",
            description = "where features come from: vision (the vision pipeline over each scene's video) or truth "
                    + "(truth positions plus noise; a development stand-in). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--truth-noise-px", defaultValue = "1.5",
            description = "position noise (px) for --features truth. Default: ${DEFAULT-VALUE}.")
    double noisePx;

    FeatureSource source(Path dataDir) {
        return switch (kind) {
            case truth -> new TruthFeatures(noisePx, 90, 40, 7);
            case vision -> throw new IllegalArgumentException("--features vision needs the vision pipeline, "
                    + "which this build does not have yet; use --features truth");
        };
    }
}
