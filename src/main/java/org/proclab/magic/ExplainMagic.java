package org.proclab.magic;

/**
 * {@code %explain on|off}: after every cell that started, ran or ended processes, a short panel says
 * in plain language what happened (see {@link org.proclab.render.Explanation}). Off by default; the
 * course turns it on. Whoever runs cells asks {@link #isOn()} after each cell.
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
}
