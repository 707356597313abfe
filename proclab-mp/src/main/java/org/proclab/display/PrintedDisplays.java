package org.proclab.display;

/** The channel outside the kernel: prints the {@code text/plain} form, updates included, on {@code System.out}. */
final class PrintedDisplays implements DisplayChannel {
    static final PrintedDisplays INSTANCE = new PrintedDisplays();

    private PrintedDisplays() {
    }

    @Override
    public void show(MimeBundle bundle, String displayId) {
        print(bundle);
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        print(bundle);
    }

    private static void print(MimeBundle bundle) {
        String text = bundle.text();
        System.out.print(text.endsWith("\n") ? text : text + "\n");
    }
}
