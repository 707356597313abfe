package org.proclab.magic;

/**
 * {@code %explain on|off}: after every cell that started, ran or ended processes, a short panel says
 * in plain language what happened (see {@link org.proclab.render.Explanation}). Off by default; the
 * course turns it on. Whoever runs cells asks {@link #isOn()} after each cell.
 */
public final class ExplainMagic implements Magic {
    private volatile boolean on;

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public String usage() {
        return "%explain on|off";
    }

    @Override
    public String summary() {
        return "After each cell that started or ended processes, explains in plain language what they did.";
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
}
