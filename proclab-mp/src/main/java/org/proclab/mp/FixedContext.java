package org.proclab.mp;

import java.util.function.Supplier;
import org.proclab.mp.spawn.ChildSettings;

/** A context whose start method is fixed: one of {@link MpContext#get}, or one made by {@link MpContext#withSettings}. */
final class FixedContext extends MpContext {
    private final StartMethod method;
    private final Supplier<ChildSettings> settings;

    FixedContext(StartMethod method, Supplier<ChildSettings> settings) {
        this.method = method;
        this.settings = settings;
    }

    @Override
    public StartMethod startMethod() {
        return method;
    }

    @Override
    public ChildSettings settings() {
        return settings.get();
    }
}
