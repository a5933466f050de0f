package truce.classify.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BoundaryErrorsTest {

    @Test
    void errorsRightAfterATruthChangeAreCountedApart() {
        //                 0  1  2  3  4  5  6  7  8  9
        int[] truth = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1};
        // two frames late to follow the change, one error long after it, one frame without a label
        int[] pred = {0, 2, 0, 0, 0, 1, 1, 1, 0, -1};
        long[] counts = new long[2];
        Evaluation.addBoundary(counts, truth, pred, 3);
        assertArrayEquals(new long[] {4, 2}, counts, "errors at 1, 3, 4, 8; of those 3 and 4 follow the change at 3");
        Evaluation.addBoundary(counts, truth, pred, 6);
        assertArrayEquals(new long[] {8, 5}, counts, "adds up; with a 6-frame window frame 8 (5 after) is at the boundary too");
    }
}
