package truce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import truce.cli.LoadTestCommand;

/**
 * 50 live clients and 10,000 REST requests against a real server on loopback; no
 * 5xx, every request answered, every lunge delivered to every client. Timing figures are printed, not asserted
 * (a shared machine makes them noisy); `java -jar api/target/truce.jar loadtest` prints the same.
 */
class LoadTest {
    @Test
    void fiftyLiveClientsAndTenThousandRequests() throws Exception {
        LoadTestCommand cmd = new LoadTestCommand();
        picocli.CommandLine.populateCommand(cmd);
        LoadTestCommand.Result r = cmd.run();
        System.out.println(r);
        assertEquals(0, r.status5xx());
        assertEquals(0, r.statusOther());
        assertEquals(10_000, r.requests());
        assertTrue(r.alerts() > 5);
        assertTrue(r.lungesDelivered() >= r.alerts() / 2, "the clients saw most lunges: " + r);
        assertEquals(0, r.missingDeliveries(), "every lunge any client saw reached all 50 live clients");
    }
}
