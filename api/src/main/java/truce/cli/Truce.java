package truce.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar api/target/truce.jar <subcommand>}. */
@Command(name = "truce",
        mixinStandardHelpOptions = true,
        version = "truce 0.1.0",
        description = "Watches supervised cat-and-rat introduction sessions from an overhead camera.",
        subcommands = {
                CommandLine.HelpCommand.class,
                GenerateCommand.class,
                AnalyzeCommand.class,
                InspectCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                BenchModelCommand.class,
                ServeCommand.class,
                WatchCommand.class,
                LoadTestCommand.class,
                BenchCommand.class,
        })
public final class Truce implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // Nothing is ever downloaded at run time: DJL would otherwise fetch or phone home at engine load.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        truce.classify.DjlRuntime.configure(); // also OPT_OUT_TRACKING, which DJL reads from env or properties
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Truce());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            return 1;
        });
        return cl;
    }
}
