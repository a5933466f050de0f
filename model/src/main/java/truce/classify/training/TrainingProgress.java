package truce.classify.training;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bar every long step of training and evaluation shows (features, crops, shape net, nets). */
final class TrainingProgress {
    private TrainingProgress() {
    }

    /** An ASCII bar of {@code max} steps named {@code task}, redrawn twice a second. */
    static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).continuousUpdate().build();
    }
}
