package truce.classify;

import java.util.Arrays;
import truce.features.FrameFeatures;

/**
 * The last {@link #frames()} encoded frames, as a ring of floats, copied out channel-major (C, W) with the
 * newest frame last: the layout of the net's input. Before a stream has that many frames the older slots are
 * zero, the same padding training uses. Encodes with its own {@link FeatureEncoder}, so one window is one
 * stream, and keeps the first {@link #channels()} channels of each frame (a net of an older feature version reads
 * fewer). No allocation per frame.
 */
public final class FeatureWindow {
    private final int frames;
    private final int channels;
    private final float[] ring;
    private final float[] encoded = new float[FeatureEncoder.CHANNELS];
    private final FeatureEncoder encoder = new FeatureEncoder();
    private int next;

    public FeatureWindow(int frames) {
        this(frames, FeatureEncoder.CHANNELS);
    }

    /** A window holding the first {@code channels} channels of each frame. */
    public FeatureWindow(int frames, int channels) {
        if (frames < 1) {
            throw new IllegalArgumentException("window must hold at least one frame, was " + frames);
        }
        if (channels < 1 || channels > FeatureEncoder.CHANNELS) {
            throw new IllegalArgumentException("channels must be 1-" + FeatureEncoder.CHANNELS + ", was " + channels);
        }
        this.frames = frames;
        this.channels = channels;
        this.ring = new float[frames * channels];
    }

    public int frames() {
        return frames;
    }

    public int channels() {
        return channels;
    }

    /** Appends a frame, dropping the oldest. */
    public void push(FrameFeatures f) {
        push(f, null, 0);
    }

    /** Appends a frame with the readings of the cat's crop at {@code shape[shapeOffset..]} (null: none). */
    public void push(FrameFeatures f, float[] shape, int shapeOffset) {
        encoder.encode(f, shape, shapeOffset, encoded, 0);
        push(encoded, 0);
    }

    /** Appends an already encoded frame (its first {@link #channels()} values; training replays cached vectors). */
    public void push(float[] encoded, int offset) {
        System.arraycopy(encoded, offset, ring, next * channels, channels);
        next = (next + 1) % frames;
    }

    /** Copies the window to {@code out[offset..]} as C rows of W values, oldest first. */
    public void copyTo(float[] out, int offset) {
        copyNewest(frames, out, offset);
    }

    /**
     * Copies the newest {@code n} frames to {@code out[offset..]} as C rows of n values, oldest first: the input of
     * one {@link StepwiseNet} step.
     */
    public void copyNewest(int n, float[] out, int offset) {
        if (n < 1 || n > frames) {
            throw new IllegalArgumentException("the window holds 1-" + frames + " frames, asked for " + n);
        }
        int c = channels;
        for (int t = 0; t < n; t++) {
            int slot = ((next + frames - n + t) % frames) * c;
            for (int ch = 0; ch < c; ch++) {
                out[offset + ch * n + t] = ring[slot + ch];
            }
        }
    }

    public void clear() {
        Arrays.fill(ring, 0f);
        next = 0;
        encoder.reset();
    }
}
