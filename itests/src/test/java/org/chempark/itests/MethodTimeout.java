package org.chempark.itests;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.rules.TestRule;
import org.junit.rules.Timeout;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.junit.runners.model.TestTimedOutException;

/**
 * A test method (with its {@code @Before}/{@code @After}) that has not ended after
 * {@code chempark.itest.methodTimeoutSeconds} (default 300 s; the slowest takes ~85 s) fails, inside the
 * container, instead of blocking the run. JUnit's {@link Timeout} runs the test in its own thread and, when the
 * time is up, interrupts it and fails with its stack; this rule adds where the rest of the container is: its
 * threads that tell where a hang is go to {@code target/exam-logs/<TestClass>/hang-summary-<method>.txt}
 * (printed at the end of {@code ./chempark test}). The container stays up, so Pax Exam tears it down normally and
 * Failsafe can run the test once more in a new one. (A hang outside a test method, in a container's start or
 * stop, is {@link HangWatchdog}'s.)
 */
final class MethodTimeout implements TestRule {
    private final long seconds = Long.getLong("chempark.itest.methodTimeoutSeconds", 300);
    private final TestRule timeout = Timeout.builder().withTimeout(seconds, TimeUnit.SECONDS).build();

    @Override
    public Statement apply(Statement base, Description description) {
        Statement timed = timeout.apply(base, description);
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                try {
                    timed.evaluate();
                } catch (TestTimedOutException e) {
                    throw hung(description, e);
                }
            }
        };
    }

    private AssertionError hung(Description d, TestTimedOutException timedOut) {
        List<String> blocks = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            blocks.add(HangWatchdog.block(e.getKey(), e.getValue()));
        }
        String summary = "HANG: " + d.getClassName() + "#" + d.getMethodName() + " did not end within " + seconds
                + " s. The test's thread when the time was up:\n\n" + HangWatchdog.block("test " + d.getMethodName(), "(interrupted)",
                        timedOut.getStackTrace())
                + "\nThe container's threads in ChemPark or feature code, or BLOCKED (not in a timed wait):\n\n"
                + HangWatchdog.interesting(blocks);
        File dir = new File(System.getProperty("chempark.itest.logDir", "target/exam-logs/" + d.getTestClass().getSimpleName()));
        dir.mkdirs();
        File file = new File(dir, "hang-summary-" + d.getMethodName() + ".txt");
        HangWatchdog.write(file, summary);
        AssertionError e = new AssertionError(d.getMethodName() + " did not end within " + seconds
                + " s (stack: where its thread was; all threads that tell where: " + file + ")");
        e.setStackTrace(timedOut.getStackTrace());
        return e;
    }
}
