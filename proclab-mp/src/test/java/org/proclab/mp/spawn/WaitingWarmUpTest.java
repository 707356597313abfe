package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** A waiting JVM's warm-up prepares the jobs parents really send, and takes on nothing of a task. */
class WaitingWarmUpTest {

    // The first jobs are named, not referred to: a renamed job class must fail here, not leave the warm-up quietly useless.
    @Test
    void everyFirstJobNamesAJobClass() throws ClassNotFoundException {
        for (String name : WaitingWarmUp.FIRST_JOBS) {
            Class<?> job = Class.forName(name, false, getClass().getClassLoader());
            assertTrue(ChildJob.class.isAssignableFrom(job), name + " is not a ChildJob");
        }
    }

    // The shared objects are named too: each must be a class whose instances travel to children.
    @Test
    void everyFirstSharedObjectNamesASerializableClass() throws ClassNotFoundException {
        for (String name : WaitingWarmUp.FIRST_SHARED_OBJECTS) {
            Class<?> shared = Class.forName(name, false, getClass().getClassLoader());
            assertTrue(Serializable.class.isAssignableFrom(shared), name + " is not Serializable");
        }
    }

    // After the whole warm-up the JVM is still nobody: no name, no role, no event of its own.
    @Test
    void theWarmUpLeavesTheProcessWithoutIdentityOrEvents() {
        int events = ProcessEvents.all().size();
        WaitingWarmUp.run(new LinkedBlockingQueue<>());
        assertEquals("MainProcess", CurrentProcess.name());
        assertNull(CurrentProcess.role());
        assertEquals(events, ProcessEvents.all().size());
    }
}
