package truce.session;

import java.time.Instant;

/** A session as listed by the API. {@code calmScore} and {@code lunges} are live figures while it runs. */
public record SessionInfo(long id, String camera, String pair, int stage, Instant startedAt, Instant endedAt,
                          double durationS, Integer calmScore, Integer lunges, boolean live, boolean auto) {
}
