package truce.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.coach.StageCoach.SessionSummary;
import truce.coach.StageCoach.Verdict;

class StageCoachTest {
    private final StageCoach coach = new StageCoach();

    @Test
    void advancesAfterThreeCalmSessionsAtTheStage() {
        var a = coach.advise("Tom+Remy", List.of(new SessionSummary(5, 3, 80, 0, 0), new SessionSummary(4, 3, 75, 0, 1),
                new SessionSummary(3, 3, 90, 0, 0), new SessionSummary(2, 2, 20, 0, 0)));
        assertEquals(Verdict.ADVANCE, a.advice());
        assertEquals(4, a.recommendedStage());
        var notYet = coach.advise("Tom+Remy", List.of(new SessionSummary(5, 3, 80, 0, 0), new SessionSummary(4, 3, 60, 0, 0),
                new SessionSummary(3, 3, 90, 0, 0)));
        assertEquals(Verdict.STAY, notYet.advice());
        assertEquals(3, notYet.recommendedStage());
    }

    @Test
    void revertsToTheBarrierAfterALungeOrRepeatedStalking() {
        var lunge = coach.advise("p", List.of(new SessionSummary(9, 5, 90, 1, 0), new SessionSummary(8, 5, 90, 0, 0)));
        assertEquals(Verdict.REVERT_TO_BARRIER, lunge.advice());
        assertEquals(2, lunge.recommendedStage());
        var stalks = coach.advise("p", List.of(new SessionSummary(9, 4, 60, 0, 3)));
        assertEquals(Verdict.REVERT_TO_BARRIER, stalks.advice());
        var atBarrier = coach.advise("p", List.of(new SessionSummary(9, 2, 60, 1, 0)));
        assertEquals(Verdict.STAY, atBarrier.advice());
    }
}
