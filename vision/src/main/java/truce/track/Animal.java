package truce.track;

/** The two animals Truce follows. */
public enum Animal {
    CAT, RAT
}
