package org.proclab.mp;

import java.util.function.UnaryOperator;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.CurrentProcess;
import org.proclab.mp.spawn.Reservoir;

/**
 * The context that {@code new Process(...)} and {@code new Pool(...)} use, like Python's default
 * context: the one whose start method can be changed ({@link #setStartMethod}, which is what
 * {@link Process#setStartMethod} does) and whose settings the kernel configures (the class path of
 * children, where their classes come from, where pools report their progress). Contexts from
 * {@link MpContext#get} start children with these settings too.
 */
public final class DefaultContext extends MpContext {
    /** The start method chosen with {@link #setStartMethod}, or null for the default. */
    private volatile StartMethod chosen;
    private volatile ChildSettings settings = ChildSettings.defaults();
    private volatile ProgressReporter progress = ProgressReporter.NONE;

    DefaultContext() {
    }

    /**
     * {@link StartMethod#WARM} in the notebook, {@link StartMethod#SPAWN} in a child process (so that
     * a child which starts processes of its own does not keep JVMs waiting as well), unless changed.
     */
    @Override
    public StartMethod startMethod() {
        StartMethod method = chosen;
        if (method != null) {
            return method;
        }
        return CurrentProcess.role() == null ? StartMethod.WARM : StartMethod.SPAWN;
    }

    /**
     * Chooses how new processes and pools of this context start from now on, like Python's
     * {@code set_start_method}: {@link StartMethod#WARM} starts filling the reservoir of waiting
     * JVMs right away, {@link StartMethod#SPAWN} retires them.
     */
    public void setStartMethod(StartMethod method) {
        if (method == null) {
            throw new IllegalArgumentException("choose StartMethod.WARM or StartMethod.SPAWN");
        }
        chosen = method;
        method.chosen(this);
    }

    @Override
    public ChildSettings settings() {
        return settings;
    }

    /**
     * Changes the settings of every child started from now on, in this context and in those of
     * {@link MpContext#get}: {@code configure(s -> s.withMaxLiveChildren(8))}. JVMs waiting with the
     * old settings are replaced by JVMs started with the new ones.
     */
    public void configure(UnaryOperator<ChildSettings> change) {
        synchronized (this) {
            ChildSettings before = settings;
            settings = change.apply(before);
            Reservoir.changed(before, settings);
        }
    }

    @Override
    public ProgressReporter progress() {
        return progress;
    }

    /**
     * Makes the pools of this context, and of the contexts from {@link MpContext#get}, report the
     * progress of long maps to {@code reporter} from now on: a front end's session gives the one
     * that draws its bars, and {@link ProgressReporter#NONE} when it ends.
     */
    public void reportProgressTo(ProgressReporter reporter) {
        if (reporter == null) {
            throw new IllegalArgumentException("give ProgressReporter.NONE for no progress, not null");
        }
        progress = reporter;
    }

    @Override
    public String toString() {
        return "DefaultContext(" + startMethod() + ")";
    }
}
