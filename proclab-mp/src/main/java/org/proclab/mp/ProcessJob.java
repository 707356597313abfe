package org.proclab.mp;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import org.proclab.mp.spawn.ChildJob;
import org.proclab.mp.spawn.Serialization;
import org.proclab.mp.spawn.UserClasses;

/**
 * What {@link Process#start()} sends to its child: the serialized task, to run once. A class of its
 * own rather than a lambda in {@code Process}: reading such a lambda loads and initializes
 * {@code Process} and the parent-side classes it uses, and spins a lambda class, in every child
 * before the task can run. The task travels as bytes serialized on their own, so that the parent's
 * error for a task that cannot travel names the captured variable, and it is read in {@link #run()}
 * with the user's classes, where a failure to read it is reported like one of the task's.
 */
final class ProcessJob implements ChildJob, Externalizable {
    /**
     * Declared, not computed: without it, serialization hashes the class with SHA-1 to find it, and
     * that loads Java's security providers, ~20 ms of CPU in every child's start.
     */
    private static final long serialVersionUID = 1L;

    private byte[] task;

    /** For deserialization. */
    public ProcessJob() {
    }

    ProcessJob(byte[] task) {
        this.task = task;
    }

    @Override
    public Object run() throws Exception {
        ((Task) Serialization.fromBytes(task, UserClasses.loader())).run();
        return null;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeInt(task.length);
        out.write(task);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        task = new byte[in.readInt()];
        in.readFully(task);
    }
}
