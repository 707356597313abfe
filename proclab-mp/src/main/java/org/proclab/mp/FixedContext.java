package org.proclab.mp;

import java.util.function.Supplier;
import org.proclab.mp.spawn.ChildSettings;

/**
 * A context whose start method is fixed: one of {@link MpContext#get}, or one made by
 * {@link MpContext#withSettings} or {@link MpContext#withProgress}. Its settings and its progress
 * reporter are asked of its parent at each use, so a change to the default context reaches it.
 */
final class FixedContext extends MpContext {
    private final StartMethod method;
    private final Supplier<ChildSettings> settings;
    private final Supplier<ProgressReporter> progress;

    FixedContext(StartMethod method, Supplier<ChildSettings> settings, Supplier<ProgressReporter> progress) {
        this.method = method;
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public StartMethod startMethod() {
        return method;
    }

    @Override
    public ChildSettings settings() {
        return settings.get();
    }

    @Override
    public ProgressReporter progress() {
        return progress.get();
    }
}
