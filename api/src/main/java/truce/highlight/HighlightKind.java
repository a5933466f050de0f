package truce.highlight;

/** What a highlight shows (API.md). */
public enum HighlightKind { LUNGE, STALKING, FLEEING, CALM_STREAK }
