package truce.samples.render;

/** The rat coats the generator draws. */
public enum RatCoat { ALBINO, HOODED, AGOUTI, DARK }
