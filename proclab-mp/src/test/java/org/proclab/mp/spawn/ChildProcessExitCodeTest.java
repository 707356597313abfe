package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python-style exit codes from the JVM's exit status and the signal the parent sent. */
class ChildProcessExitCodeTest {
    // Ordinary statuses pass through unchanged: 0, 1 and 7.
    @Test
    void ordinaryStatusesPassThrough() {
        assertEquals(0, ChildProcess.pythonExitCode(0, 0, false));
        assertEquals(1, ChildProcess.pythonExitCode(1, 0, false));
        assertEquals(7, ChildProcess.pythonExitCode(7, 0, false));
        assertEquals(128, ChildProcess.pythonExitCode(128, 0, false));
    }

    // 137 (128 + SIGKILL) is -9 whether or not the parent sent signal 9.
    @Test
    void statusOneThirtySevenIsMinusNine() {
        assertEquals(-9, ChildProcess.pythonExitCode(137, 9, false));
        assertEquals(-9, ChildProcess.pythonExitCode(137, 0, false));
    }

    // 143 after the parent sent SIGTERM is -15, and 130 (128 + SIGINT) is -2.
    @Test
    void sigtermAndSigint() {
        assertEquals(-15, ChildProcess.pythonExitCode(143, 15, false));
        assertEquals(-15, ChildProcess.pythonExitCode(143, 0, false));
        assertEquals(-2, ChildProcess.pythonExitCode(130, 0, false));
    }

    // A child that said it exits by its own call keeps its status, even above 128, unless this JVM
    // sent the very signal that status stands for (kill() during a slow shutdown hook).
    @Test
    void ownExitKeepsItsStatus() {
        assertEquals(130, ChildProcess.pythonExitCode(130, 0, true));
        assertEquals(137, ChildProcess.pythonExitCode(137, 0, true));
        assertEquals(-9, ChildProcess.pythonExitCode(137, 9, true));
    }

    // describeExit words each kind of ending as the pool's errors show it.
    @Test
    void describeExitWording() {
        assertEquals("was killed by SIGKILL (-9)", ChildProcess.describeExit(-9));
        assertEquals("was terminated by SIGTERM (-15)", ChildProcess.describeExit(-15));
        assertEquals("was ended by signal 2 (-2)", ChildProcess.describeExit(-2));
        assertEquals("exited with code 3", ChildProcess.describeExit(3));
    }
}
