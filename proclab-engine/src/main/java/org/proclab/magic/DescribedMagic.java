package org.proclab.magic;

/** A magic whose name, kind, usage and summary are given once, by its constructor. */
abstract class DescribedMagic implements Magic {
    private final String name;
    private final boolean cellMagic;
    private final String usage;
    private final String summary;

    DescribedMagic(String name, boolean cellMagic, String usage, String summary) {
        this.name = name;
        this.cellMagic = cellMagic;
        this.usage = usage;
        this.summary = summary;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean isCellMagic() {
        return cellMagic;
    }

    @Override
    public final String usage() {
        return usage;
    }

    @Override
    public final String summary() {
        return summary;
    }
}
