package org.chempark.itests;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * A test method (with its {@code @Before}/{@code @After}) that has not ended after
 * {@code chempark.itest.methodTimeoutSeconds} (default 300 s; the slowest takes ~85 s) fails, inside the
 * container, instead of blocking the run: the threads of the container that tell where it hangs go to
 * {@code target/exam-logs/<TestClass>/hang-summary-<method>.txt} (printed at the end of {@code ./chempark test}),
 * the test's thread is interrupted, and the failure carries that thread's stack. The container stays up, so
 * Pax Exam tears it down normally and Failsafe can run the test once more in a new one. (A hang outside a test
 * method, in a container's start or stop, is {@link HangWatchdog}'s.)
 */
final class MethodTimeout implements TestRule {
    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                Duration limit = Duration.ofSeconds(Long.getLong("chempark.itest.methodTimeoutSeconds", 300));
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread test = new Thread(() -> {
                    try {
                        base.evaluate();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }, "itest-" + description.getMethodName());
                test.setContextClassLoader(Thread.currentThread().getContextClassLoader());
                test.setDaemon(true);
                test.start();
                test.join(limit.toMillis());
                if (test.isAlive()) {
                    throw hung(description, test, limit);
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
        };
    }

    private static AssertionError hung(Description d, Thread test, Duration limit) {
        StackTraceElement[] where = test.getStackTrace();
        List<String> blocks = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() != test) {
                blocks.add(HangWatchdog.block(e.getKey(), e.getValue()));
            }
        }
        String summary = "HANG: " + d.getClassName() + "#" + d.getMethodName() + " did not end within " + limit.toSeconds()
                + " s. The test's thread:\n\n" + HangWatchdog.block(test, where)
                + "\nThe container's other threads in ChemPark or feature code, or BLOCKED (not in a timed wait):\n\n"
                + HangWatchdog.interesting(blocks);
        File dir = new File(System.getProperty("chempark.itest.logDir", "target/exam-logs/" + d.getTestClass().getSimpleName()));
        dir.mkdirs();
        File file = new File(dir, "hang-summary-" + d.getMethodName() + ".txt");
        HangWatchdog.write(file, summary);
        test.interrupt();
        AssertionError e = new AssertionError(d.getMethodName() + " did not end within " + limit.toSeconds()
                + " s (stack: where its thread was; all threads that tell where: " + file + ")");
        e.setStackTrace(where);
        return e;
    }
}
