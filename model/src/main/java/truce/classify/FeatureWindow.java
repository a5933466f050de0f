package truce.classify;

import java.util.Arrays;
import truce.features.FrameFeatures;

/**
 * The last {@link #frames()} encoded frames, as a ring of floats, copied out channel-major (C, W) with the
 * newest frame last: the layout of the net's input. Before a stream has that many frames the older slots are
 * zero, the same padding training uses. Encodes with its own {@link FeatureEncoder}, so one window is one
 * stream. No allocation per frame.
 */
public final class FeatureWindow {
    private final int frames;
    private final float[] ring;
    private final FeatureEncoder encoder = new FeatureEncoder();
    private int next;

    public FeatureWindow(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("window must hold at least one frame, was " + frames);
        }
        this.frames = frames;
        this.ring = new float[frames * FeatureEncoder.CHANNELS];
    }

    public int frames() {
        return frames;
    }

    /** Appends a frame, dropping the oldest. */
    public void push(FrameFeatures f) {
        encoder.encode(f, ring, next * FeatureEncoder.CHANNELS);
        next = (next + 1) % frames;
    }

    /** Appends an already encoded frame (training replays cached vectors this way). */
    public void push(float[] encoded, int offset) {
        System.arraycopy(encoded, offset, ring, next * FeatureEncoder.CHANNELS, FeatureEncoder.CHANNELS);
        next = (next + 1) % frames;
    }

    /** Copies the window to {@code out[offset..]} as C rows of W values, oldest first. */
    public void copyTo(float[] out, int offset) {
        int c = FeatureEncoder.CHANNELS;
        for (int t = 0; t < frames; t++) {
            int slot = ((next + t) % frames) * c;
            for (int ch = 0; ch < c; ch++) {
                out[offset + ch * frames + t] = ring[slot + ch];
            }
        }
    }

    public void clear() {
        Arrays.fill(ring, 0f);
        next = 0;
        encoder.reset();
    }
}
