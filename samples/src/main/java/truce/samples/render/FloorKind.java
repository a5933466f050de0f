package truce.samples.render;

/** Floors a playpen stands on. */
public enum FloorKind { WOOD, CARPET, TILES, LINOLEUM, FLEECE }
