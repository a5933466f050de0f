package truce.coach;

import java.util.List;

/**
 * Stage advice from a pair's recent sessions, per the protocol: move on after several consecutive calm sessions
 * at the current stage; go back to the barrier (stage 2) after a session with a lunge or repeated stalking
 * ("if any sign of tension reappears, revert to the barrier stage").
 */
public final class StageCoach {
    /** Consecutive calm sessions at a stage before moving on. */
    public static final int CALM_SESSIONS_TO_ADVANCE = 3;
    /** A session is calm when its calm score reaches this, with no lunge and at most one stalking episode. */
    public static final int CALM_SCORE = 70;
    /** Stalking episodes in one session that count as "repeated stalking". */
    public static final int REPEATED_STALKING = 3;
    public static final int BARRIER_STAGE = 2;

    /** What the coach needs of a finished session. */
    public record SessionSummary(long sessionId, int stage, int calmScore, int lunges, int stalkingEpisodes) {
        boolean tense() {
            return lunges > 0 || stalkingEpisodes >= REPEATED_STALKING;
        }

        boolean calm() {
            return calmScore >= CALM_SCORE && lunges == 0 && stalkingEpisodes <= 1;
        }
    }

    public enum Verdict { ADVANCE, STAY, REVERT_TO_BARRIER }

    public record Advice(String pair, Integer currentStage, Verdict advice, Integer recommendedStage, String reason) {
    }

    /** Advice from finished sessions, newest first. */
    public Advice advise(String pair, List<SessionSummary> newestFirst) {
        if (newestFirst.isEmpty()) {
            return new Advice(pair, null, Verdict.STAY, null, "no finished sessions yet for this pair");
        }
        SessionSummary last = newestFirst.get(0);
        int stage = last.stage();
        if (last.tense()) {
            String why = last.lunges() > 0
                    ? "session " + last.sessionId() + " had " + last.lunges() + " lunge(s)"
                    : "session " + last.sessionId() + " had " + last.stalkingEpisodes() + " stalking episodes";
            if (stage > BARRIER_STAGE) {
                return new Advice(pair, stage, Verdict.REVERT_TO_BARRIER, BARRIER_STAGE,
                        why + ": go back to the barrier until calm returns");
            }
            return new Advice(pair, stage, Verdict.STAY, stage, why + ": stay at this stage until calm returns");
        }
        int calmRun = 0;
        for (SessionSummary s : newestFirst) {
            if (s.stage() != stage || !s.calm()) {
                break;
            }
            calmRun++;
        }
        if (calmRun >= CALM_SESSIONS_TO_ADVANCE && stage < 5) {
            return new Advice(pair, stage, Verdict.ADVANCE, stage + 1,
                    calmRun + " consecutive calm sessions at stage " + stage + " (calm score >= " + CALM_SCORE
                            + ", no lunges): move on to stage " + (stage + 1));
        }
        if (calmRun >= CALM_SESSIONS_TO_ADVANCE) {
            return new Advice(pair, stage, Verdict.STAY, stage, calmRun + " consecutive calm sessions at the last stage: keep going");
        }
        return new Advice(pair, stage, Verdict.STAY, stage, calmRun + " of " + CALM_SESSIONS_TO_ADVANCE
                + " consecutive calm sessions needed at stage " + stage + " (calm score >= " + CALM_SCORE + ", no lunges)");
    }
}
