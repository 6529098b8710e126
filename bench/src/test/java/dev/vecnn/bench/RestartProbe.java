package dev.vecnn.bench;

/**
 * Run by {@link CleanEnvironmentTest} in a JVM of its own, without the benchmark flags, so that
 * {@link CleanEnvironment#restartIfNeeded} restarts it as it restarts the runner. The restarted JVM
 * ({@code args[0]} = {@code sleep}) starts a process of its own, as the runner starts JMH forks,
 * prints {@code child PID grandchild PID} and sleeps; or it exits at once with the status
 * {@code args[0]}.
 */
final class RestartProbe {
    private RestartProbe() {
    }

    public static void main(String[] args) throws Exception {
        int restarted = CleanEnvironment.restartIfNeeded(RestartProbe.class, args);
        if (restarted >= 0) {
            System.exit(restarted);
        }
        if (!args[0].equals("sleep")) {
            System.exit(Integer.parseInt(args[0]));
        }
        Process grandchild = new ProcessBuilder("sleep", "120").start();
        System.out.println("child " + ProcessHandle.current().pid() + " grandchild " + grandchild.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
