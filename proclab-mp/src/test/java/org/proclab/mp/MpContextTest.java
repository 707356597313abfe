package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.Reservoir;

/** Contexts start children their own way, whatever the default context does. */
class MpContextTest {
    private static final long MIB = 1024 * 1024;
    private static final DefaultContext DEFAULT = MpContext.defaultContext();
    private static StartMethod before;
    private static ChildSettings settingsBefore;

    @BeforeAll
    static void warmByDefault() {
        before = DEFAULT.startMethod();
        settingsBefore = DEFAULT.settings();
        Process.setStartMethod(StartMethod.WARM);
    }

    @AfterEach
    void restoreTheDefault() {
        Process.setStartMethod(StartMethod.WARM);
        DEFAULT.configure(settings -> settingsBefore);
    }

    @AfterAll
    static void restore() throws InterruptedException {
        Process.setStartMethod(before);
        Reservoir.drainAll();
        MpTesting.assertNoChildLeft();
    }

    // While the default is WARM with JVMs waiting, a SPAWN context's process runs in a fresh JVM
    // (none of the waiting ones, which all still wait), and a default process takes a waiting one.
    @Test
    void spawnContextStartsAFreshJvmWhileTheDefaultIsWarm() throws InterruptedException {
        Reservoir reservoir = DEFAULT.reservoir();
        assertTrue(MpTesting.waitUntil(() -> reservoir.target() > 0 && reservoir.readyCount() >= reservoir.target(), LONG),
                "ready: " + reservoir.readyCount() + " of " + reservoir.target());
        Set<Long> waiting = reservoir.waitingPids();

        Process fresh = MpContext.get(StartMethod.SPAWN).process(() -> { }).start();
        assertFalse(waiting.contains(fresh.pid()), fresh + " came from the reservoir " + waiting);
        assertTrue(reservoir.waitingPids().containsAll(waiting), "a SPAWN start took a waiting JVM");
        MpTesting.assertFinishedCleanly(fresh);

        Process warm = new Process(() -> { }).start();
        assertTrue(waiting.contains(warm.pid()), warm + " did not come from the reservoir " + waiting);
        MpTesting.assertFinishedCleanly(warm);
    }

    // A pool from a context with another heap gets workers with that heap; a default pool's workers keep theirs.
    @Test
    void poolUsesItsContextsHeap() throws InterruptedException {
        MpContext small = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withHeap("96m"));
        try (Pool pool = small.pool(1)) {
            long heap = pool.apply(() -> Runtime.getRuntime().maxMemory());
            assertTrue(heap <= 96 * MIB, heap / MIB + " MiB");
        }
        try (Pool pool = new Pool(1)) {
            long heap = pool.apply(() -> Runtime.getRuntime().maxMemory());
            assertTrue(heap > 96 * MIB, heap / MIB + " MiB");
        }
    }

    // A WARM context with settings of its own keeps its waiting JVMs apart from the default's. (The
    // other reservoirs are emptied first: JVMs waiting elsewhere hold slots that a refill does not take.)
    @Test
    void warmContextWithOtherSettingsHasAReservoirOfItsOwn() throws InterruptedException {
        Reservoir.drainAll();
        MpContext warm = MpContext.get(StartMethod.WARM).withSettings(settings -> settings.withHeap("96m"));
        try {
            MpTesting.assertFinishedCleanly(warm.process(() -> { }).start());
            assertTrue(MpTesting.waitUntil(() -> warm.reservoir().readyCount() > 0, LONG), "nothing waits for the context");
            assertNotSame(DEFAULT.reservoir(), warm.reservoir());
            assertTrue(Collections.disjoint(warm.reservoir().waitingPids(), DEFAULT.reservoir().waitingPids()));
            try (Pool pool = warm.pool(1)) {
                assertTrue(pool.apply(() -> Runtime.getRuntime().maxMemory()) <= 96 * MIB);
            }
        } finally {
            warm.reservoir().drain();
        }
    }

    // setStartMethod sets the default context's method; a context from get keeps its own.
    @Test
    void setStartMethodChangesTheDefaultContextOnly() {
        Process.setStartMethod(StartMethod.SPAWN);
        assertEquals(StartMethod.SPAWN, DEFAULT.startMethod());
        assertEquals(StartMethod.SPAWN, Process.startMethod());
        assertEquals(StartMethod.WARM, MpContext.get(StartMethod.WARM).startMethod());
        assertEquals(0, DEFAULT.reservoir().waitingPids().size(), "SPAWN keeps no JVM waiting");
    }

    // Contexts follow the default context's settings as they change; withSettings changes only its own.
    @Test
    void contextsFollowTheDefaultSettings() {
        MpContext spawn = MpContext.get(StartMethod.SPAWN);
        MpContext bigger = spawn.withSettings(settings -> settings.withHeap("1g"));
        DEFAULT.configure(settings -> settings.withClassPathEntry("/added/by/a/magic.jar"));

        assertSame(DEFAULT.settings(), spawn.settings());
        assertTrue(bigger.settings().classPath().contains("/added/by/a/magic.jar"), bigger.settings().toString());
        assertEquals("1g", bigger.settings().heap());
        assertEquals(settingsBefore.heap(), DEFAULT.settings().heap());
    }

    // Contexts whose JVMs start alike (here they differ in where classes come from) share the waiting JVMs.
    @Test
    void contextsThatStartJvmsAlikeShareTheReservoir() {
        MpContext ownClasses = MpContext.get(StartMethod.WARM).withSettings(settings -> settings.withClassSource(name -> null));
        assertSame(DEFAULT.reservoir(), ownClasses.reservoir());
    }

    // A class path entry added to the default settings replaces the waiting JVMs with ones that have it.
    @Test
    void aChangedClassPathReplacesTheWaitingJvms() throws InterruptedException {
        assertTrue(MpTesting.waitUntil(() -> DEFAULT.reservoir().readyCount() > 0, LONG), "nothing waits");
        Set<Long> waiting = DEFAULT.reservoir().waitingPids();
        DEFAULT.configure(settings -> settings.withClassPathEntry(System.getProperty("java.io.tmpdir")));
        assertTrue(MpTesting.waitUntil(() -> DEFAULT.reservoir().readyCount() > 0, LONG), "nothing waits after the change");
        assertTrue(Collections.disjoint(waiting, Reservoir.allWaitingPids()), "old JVMs still wait: " + waiting);
    }

    // A context's queue carries items from that context's process.
    @Test
    void primitivesOfAContextWorkAcrossItsProcesses() throws InterruptedException {
        MpContext spawn = MpContext.get(StartMethod.SPAWN);
        Queue<String> queue = spawn.queue();
        Value.OfInt count = spawn.value(0);
        Process child = spawn.process(() -> {
            queue.put("hello");
            count.set(List.of(1, 2, 3).size());
        }).start();
        assertEquals("hello", queue.get(LONG));
        MpTesting.assertFinishedCleanly(child);
        assertEquals(3, count.get());
    }
}
