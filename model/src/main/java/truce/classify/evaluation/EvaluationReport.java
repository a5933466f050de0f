package truce.classify.evaluation;

import java.util.List;
import java.util.Locale;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/** Prints evaluations side by side as plain text: per-class figures, confusion matrices, lunge events. */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    public static String format(List<Evaluation> evals) {
        StringBuilder sb = new StringBuilder();
        head(sb, "cat posture", labels(CatPosture.values()), evals, true);
        head(sb, "rat state", labels(RatState.values()), evals, false);
        sb.append("\nlunge events (a detection counts from ").append(LungeEvents.TOLERANCE_FRAMES)
                .append(" frames before onset to the lunge's end)\n");
        row(sb, "", evals.stream().map(Evaluation::name).toList());
        row(sb, "true lunges", evals.stream().map(e -> String.valueOf(e.lunges().lunges())).toList());
        row(sb, "detected", evals.stream().map(e -> String.valueOf(e.lunges().detected())).toList());
        row(sb, "recall", evals.stream().map(e -> pct(e.lunges().recall())).toList());
        row(sb, "latency median ms", evals.stream().map(e -> num(e.lunges().medianLatencyMs(), 0)).toList());
        row(sb, "latency p90 ms", evals.stream().map(e -> num(e.lunges().latencyPercentileMs(90), 0)).toList());
        row(sb, "latency max frames", evals.stream().map(e -> String.valueOf(e.lunges().maxLatencyFrames())).toList());
        row(sb, "false lunges", evals.stream().map(e -> String.valueOf(e.lunges().falseLunges())).toList());
        row(sb, "false lunges / min", evals.stream().map(e -> num(e.lunges().falseLungesPerMinute(), 3)).toList());
        row(sb, "false / calm min", evals.stream().map(e -> num(e.lunges().falseLungesPerCalmMinute(), 3)).toList());
        Evaluation first = evals.get(0);
        sb.append("(errors at boundary: wrong frames within ").append(Evaluation.BOUNDARY_FRAMES)
                .append(" frames after a truth change / all wrong frames; a causal model cannot see a change coming)\n");
        sb.append(String.format(Locale.ROOT, "footage %.1f min, of which cat calm %.1f min%n",
                first.lunges().footageMinutes(), first.lunges().calmMinutes()));
        sb.append("\nclassify time per frame (µs, after ").append(Evaluation.WARM_UP_FRAMES)
                .append(" warm-up frames; this run, on a shared machine)\n");
        row(sb, "", evals.stream().map(Evaluation::name).toList());
        row(sb, "p50", evals.stream().map(e -> num(e.classifyMicros(50), 1)).toList());
        row(sb, "p99", evals.stream().map(e -> num(e.classifyMicros(99), 1)).toList());
        return sb.toString();
    }

    private static void head(StringBuilder sb, String title, String[] classes, List<Evaluation> evals, boolean cat) {
        sb.append('\n').append(title).append('\n');
        row(sb, "", evals.stream().map(e -> e.name() + " P / R / F1").toList());
        for (int c = 0; c < classes.length; c++) {
            int k = c;
            row(sb, classes[c], evals.stream().map(e -> {
                ConfusionMatrix m = cat ? e.cat() : e.rat();
                return num(m.precision(k), 3) + " / " + num(m.recall(k), 3) + " / " + num(m.f1(k), 3);
            }).toList());
        }
        row(sb, "macro-F1", evals.stream().map(e -> num((cat ? e.cat() : e.rat()).macroF1(), 3)).toList());
        row(sb, "label missing/extra", evals.stream().map(e -> cat
                ? e.catMissing() + " / " + e.catSpurious()
                : e.ratMissing() + " / " + e.ratSpurious()).toList());
        row(sb, "errors at boundary", evals.stream().map(e -> {
            long[] b = cat ? e.catBoundaryErrors() : e.ratBoundaryErrors();
            return b[1] + " / " + b[0] + " (" + pct(b[0] == 0 ? Double.NaN : (double) b[1] / b[0]) + ")";
        }).toList());
        for (Evaluation e : evals) {
            ConfusionMatrix m = cat ? e.cat() : e.rat();
            sb.append("  confusion, ").append(e.name()).append(" (rows truth, columns predicted)\n");
            sb.append(String.format(Locale.ROOT, "    %-10s", ""));
            for (String c : classes) {
                sb.append(String.format(Locale.ROOT, "%10s", c));
            }
            sb.append('\n');
            for (int i = 0; i < classes.length; i++) {
                sb.append(String.format(Locale.ROOT, "    %-10s", classes[i]));
                for (int j = 0; j < classes.length; j++) {
                    sb.append(String.format(Locale.ROOT, "%10d", m.count(i, j)));
                }
                sb.append('\n');
            }
        }
    }

    private static void row(StringBuilder sb, String label, List<String> cells) {
        sb.append(String.format(Locale.ROOT, "  %-20s", label));
        for (String c : cells) {
            sb.append(String.format(Locale.ROOT, "%26s", c));
        }
        sb.append('\n');
    }

    private static String[] labels(Enum<?>[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = values[i].name().toLowerCase(Locale.ROOT);
        }
        return s;
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
