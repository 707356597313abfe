package org.proclab.magic;

import java.util.Map;
import org.proclab.mp.Process;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.render.Explanation;

/**
 * {@code %explain on|off}: after every cell that started, ran or ended processes, a short panel says
 * in plain language what happened (see {@link org.proclab.render.Explanation}). Off by default; the
 * course turns it on. Whoever runs cells asks {@link #explanationSince(long)} after each cell.
 */
public final class ExplainMagic extends DescribedMagic {
    private volatile boolean on;

    public ExplainMagic() {
        super("explain", false, "%explain on|off",
                "After each cell that started or ended processes, explains in plain language what they did.");
    }

    @Override
    public MagicOutcome run(String arguments, String body, MagicContext context) throws MagicUsageException {
        switch (arguments) {
            case "on" -> on = true;
            case "off" -> on = false;
            default -> throw new MagicUsageException("say on or off");
        }
        context.print("Explanations are " + arguments + ".\n");
        return new MagicOutcome.Done(null);
    }

    /** Whether explanations are wanted. */
    public boolean isOn() {
        return on;
    }

    /**
     * The explanation of the cell that started at {@code cellStartNanos}, as a MIME bundle; null
     * when explanations are off or no process did anything during the cell.
     */
    public Map<String, String> explanationSince(long cellStartNanos) {
        if (!on) {
            return null;
        }
        return Explanation.bundle(Explanation.sentences(ProcessEvents.since(cellStartNanos), cellStartNanos,
                Process.current().name(), Process.current().pid()));
    }
}
