package truce.classify.evaluation;

/**
 * Counts of (true class, predicted class) for one head, with per-class precision, recall and F1 and their
 * macro average. A class with no true and no predicted frames has no defined F1 and is left out of the
 * macro average rather than counted as perfect or as zero.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        counts = new long[classes][classes];
    }

    /** From a hand-made or accumulated int matrix, rows = truth, columns = prediction. */
    public ConfusionMatrix(int[][] m) {
        this(m.length);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                counts[i][j] = m[i][j];
            }
        }
    }

    public void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    private long rowSum(int i) {
        long s = 0;
        for (long c : counts[i]) {
            s += c;
        }
        return s;
    }

    private long columnSum(int j) {
        long s = 0;
        for (long[] row : counts) {
            s += row[j];
        }
        return s;
    }

    /** Precision of a class; NaN when it was never predicted. */
    public double precision(int c) {
        long predicted = columnSum(c);
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** Recall of a class; NaN when it never occurs. */
    public double recall(int c) {
        long actual = rowSum(c);
        return actual == 0 ? Double.NaN : (double) counts[c][c] / actual;
    }

    /** F1 of a class: 0 when it occurs or is predicted but never hit; NaN when it neither occurs nor is predicted. */
    public double f1(int c) {
        long actual = rowSum(c);
        long predicted = columnSum(c);
        if (actual == 0 && predicted == 0) {
            return Double.NaN;
        }
        return 2.0 * counts[c][c] / (actual + predicted);
    }

    /** Mean F1 over the classes that occur or are predicted. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            double f = f1(c);
            if (!Double.isNaN(f)) {
                sum += f;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public double accuracy() {
        long hit = 0;
        for (int c = 0; c < counts.length; c++) {
            hit += counts[c][c];
        }
        long t = total();
        return t == 0 ? Double.NaN : (double) hit / t;
    }
}
