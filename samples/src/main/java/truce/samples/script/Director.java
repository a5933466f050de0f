package truce.samples.script;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the encounters that must happen (a stalk that ends in a lunge, which sends the rat fleeing), so every
 * scene has enough lunges and flights to learn from rather than leaving them to chance. Between them the animals
 * behave freely, and free stalks, lunges and flights happen too.
 */
public final class Director {
    private final List<Double> times;
    private int next;

    public Director(List<Double> times) {
        this.times = new ArrayList<>(times);
        this.times.sort(Double::compare);
    }

    /** At least {@code min} encounters, about one per 25 s, spread over the scene with some jitter. */
    public static Director spread(SplittableRandom rng, double seconds, int min) {
        // one more than asked for: an encounter can fail (the rat slips away into cover first)
        int n = Math.max(min, (int) Math.round(seconds / 25.0)) + (min > 0 ? 1 : 0);
        List<Double> t = new ArrayList<>();
        if (seconds < 6 || min == 0) {
            return new Director(t);
        }
        double start = Math.min(4, seconds * 0.1);
        // leave room at the end for the stalk and the lunge
        double span = Math.max(1, seconds - start - Math.min(12, seconds * 0.25));
        for (int i = 0; i < n; i++) {
            t.add(start + span * (i + 0.15 + 0.6 * rng.nextDouble()) / n);
        }
        return new Director(t);
    }

    /** Whether a planned encounter is due at time t. */
    boolean due(double t) {
        return next < times.size() && times.get(next) <= t;
    }

    /** Whether one is due within {@code within} seconds. */
    boolean soon(double t, double within) {
        return next < times.size() && times.get(next) <= t + within;
    }

    /** The due encounter has happened (or failed and is given up). */
    void done() {
        if (next < times.size()) {
            next++;
        }
    }

    /** The due encounter could not start (the rat was away): try again a little later. */
    void postpone(double t, double by) {
        if (next < times.size()) {
            times.set(next, t + by);
        }
    }

    public List<Double> times() {
        return List.copyOf(times);
    }
}
