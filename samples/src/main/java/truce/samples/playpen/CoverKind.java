package truce.samples.playpen;

/** A rat's cover: a box with a door and an opaque roof, or a tube open at both ends. */
public enum CoverKind { SHELTER, TUNNEL }
