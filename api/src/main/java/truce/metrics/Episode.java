package truce.metrics;

/** A stretch of one behaviour within a session, in session media time (ms). */
public record Episode(double startMs, double endMs) {
    public double seconds() {
        return (endMs - startMs) / 1000.0;
    }
}
