package truce.samples.render;

/**
 * The proportions of an animal seen from above, as fractions of its nose-to-tail-base length.
 *
 * @param width     body width
 * @param head      head length
 * @param headWidth head width as a fraction of body width
 * @param tail      tail length
 * @param tailThick tail thickness at its base
 * @param roundEars rat ears (round) rather than cat ears (pointed)
 */
public record Species(double width, double head, double headWidth, double tail, double tailThick, boolean roundEars,
                      int bodyLabel, int tailLabel) {
    public static final Species CAT = new Species(0.37, 0.24, 0.6, 0.62, 0.07, false, Labels.CAT, Labels.CAT_TAIL);
    public static final Species RAT = new Species(0.33, 0.3, 0.56, 0.92, 0.045, true, Labels.RAT, Labels.RAT_TAIL);
}
