package org.chempark.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns a hung integration test class into a failure with a diagnosis instead of a CI run that
 * never ends.
 *
 * <p>Pax Exam calls into the Karaf container over RMI without a read timeout: a test method (or a
 * container stop) that blocks inside Karaf blocks the Failsafe JVM for good. A test method that hangs fails
 * after 300 s inside the container ({@link MethodTimeout}); this watchdog is for the rest: armed in the driver
 * JVM when a class configures its container, it waits {@code it.classTimeoutSeconds} (default 600 s; the
 * slowest class takes about 90 s). When the time is up and the class has not ended, it
 *
 * <ol>
 * <li>writes the thread dump of each Karaf JVM of this run ({@code jstack -l}) and of the driver JVM
 * to {@code target/exam-logs/<TestClass>/hang-*.txt},</li>
 * <li>writes {@code hang-summary.txt}: the Karaf threads that are in ChemPark or feature-installer code
 * or BLOCKED, and the test runner's thread (where in Pax Exam it waits) ({@code ./chempark test} prints it at the end of a failed
 * run, so it shows in a CI log's tail),</li>
 * <li>kills the run's processes (Karaf and its embedded PostgreSQL, found by the unpack folder in
 * their command line). The RMI call then fails, the class fails, and Failsafe goes on with the next class
 * (it does not run again a class whose teardown failed).</li>
 * </ol>
 */
final class HangWatchdog {
    private static final int MAX_FRAMES = 30;
    private static Thread armed;

    private HangWatchdog() {
    }

    /**
     * Arms the watchdog for the container {@code testClass} is about to start (Pax Exam configures one per class,
     * and one more when Failsafe runs a failed test again); disarms the one before.
     */
    static synchronized void arm(String testClass, File logDir, File unpackDir) {
        if (armed != null) {
            armed.interrupt();
        }
        Duration limit = Duration.ofSeconds(Long.getLong("it.classTimeoutSeconds", 600));
        Instant start = Instant.now();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return; // the class ended, the next one armed its own
            }
            fire(testClass, logDir, unpackDir.getAbsolutePath(), limit, start);
        }, "chempark-itest-watchdog");
        t.setDaemon(true);
        t.start();
        armed = t;
    }

    private static void fire(String testClass, File logDir, String unpackDir, Duration limit, Instant start) {
        logDir.mkdirs();
        StringBuilder summary = new StringBuilder();
        summary.append("HANG: ").append(testClass).append(" did not end within ").append(limit.toSeconds())
                .append(" s (started ").append(start).append("); the watchdog dumps the threads and kills its Karaf\n");
        List<ProcessHandle> ours = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(unpackDir)).orElse(false)).toList();
        for (ProcessHandle p : ours) {
            String cmd = p.info().commandLine().orElse("");
            if (!cmd.contains("org.apache.karaf.main.Main")) {
                continue;
            }
            String dump = jstack(p.pid());
            write(new File(logDir, "hang-karaf-" + p.pid() + "-threads.txt"), dump);
            summary.append("\n--- Karaf JVM ").append(p.pid()).append(": threads in ChemPark or feature code, or BLOCKED\n");
            summary.append(interesting(List.of(dump.split("\n\n"))));
        }
        StringBuilder driver = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String block = block(e.getKey(), e.getValue());
            driver.append(block).append('\n');
            // the test runner's thread: in Pax Exam's start, call or stop of the container
            if (block.contains("org.ops4j.pax.exam") && !e.getKey().getName().equals("chempark-itest-watchdog")) {
                summary.append("\n--- test runner thread (Failsafe JVM)\n").append(firstLines(block, MAX_FRAMES)).append('\n');
            }
        }
        write(new File(logDir, "hang-driver-threads.txt"), driver.toString());
        write(new File(logDir, "hang-summary.txt"), summary.toString());
        System.err.println(summary);
        for (ProcessHandle p : ours) {
            p.destroyForcibly();
        }
    }

    /** One thread as {@code jstack} prints it: name, state, frames. */
    static String block(Thread t, StackTraceElement[] frames) {
        return block(t.getName(), t.getState().toString(), frames);
    }

    static String block(String name, String state, StackTraceElement[] frames) {
        StringBuilder b = new StringBuilder();
        b.append('"').append(name).append("\"\n");
        b.append("   java.lang.Thread.State: ").append(state).append('\n');
        for (StackTraceElement f : frames) {
            b.append("\tat ").append(f).append('\n');
        }
        return b.toString();
    }

    /**
     * The threads of a dump that tell where a hang is: in ChemPark or feature-installer code, or BLOCKED; not those in
     * a timed wait (a worker polling its queue, a retry loop's sleep: they go on by themselves).
     */
    static String interesting(Iterable<String> blocks) {
        StringBuilder b = new StringBuilder();
        for (String block : blocks) {
            if (block.startsWith("\"") && !block.contains("State: TIMED_WAITING") && (block.contains("org.chempark")
                    || block.contains("org.apache.karaf.features") || block.contains("State: BLOCKED"))) {
                b.append(firstLines(block, MAX_FRAMES)).append('\n');
            }
        }
        return b.toString();
    }

    private static String firstLines(String block, int frames) {
        String[] lines = block.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length && i < frames + 2; i++) {
            b.append(lines[i]).append('\n');
        }
        if (lines.length > frames + 2) {
            b.append("\t... ").append(lines.length - frames - 2).append(" more lines\n");
        }
        return b.toString();
    }

    private static String jstack(long pid) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        try {
            File out = File.createTempFile("jstack-" + pid + "-", ".txt");
            Process p = new ProcessBuilder(jstack.toString(), "-l", Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(out).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String dump = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            Files.deleteIfExists(out.toPath());
            return dump;
        } catch (IOException e) {
            return "jstack " + pid + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jstack " + pid + " interrupted";
        }
    }

    static void write(File f, String text) {
        try {
            Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("watchdog: cannot write " + f + ": " + e);
        }
    }
}
