package truce.cli;

import picocli.CommandLine.Option;
import truce.classify.training.FeatureSource;
import truce.classify.training.FeatureCache;
import truce.classify.training.ScriptFeatures;
import truce.classify.training.TruthFeatures;
import truce.classify.training.VisionFeatures;

/** How train and evaluate get each scene's features. */
final class FeatureOptions {

    enum Kind { vision, truth, script }

    @Option(names = "--features", defaultValue = "vision",
            description = "where features come from: vision (the vision pipeline over each scene's video) or truth "
                    + "(truth positions plus noise; a development stand-in) or script (perfect vision: a generated scene's "
                    + "script replayed, exact positions, body shapes and speeds; the model's ceiling). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--truth-noise-px", defaultValue = "1.5",
            description = "position noise (px) for --features truth. Default: ${DEFAULT-VALUE}.")
    double noisePx;

    FeatureSource source() {
        return switch (kind) {
            case truth -> new TruthFeatures(noisePx, 90, 40, 7);
            case script -> new ScriptFeatures();
            case vision -> new FeatureCache(new VisionFeatures(), VisionFeatures.cacheKey());
        };
    }
}
