package truce.samples.render;

/** The cat coats the generator draws. */
public enum CatCoat { SOLID, TABBY, BICOLOUR, LIGHT, DARK }
