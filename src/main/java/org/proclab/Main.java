package org.proclab;

import java.io.IOException;
import java.nio.file.Path;
import org.proclab.kernel.KernelMain;

/**
 * Entry point of {@code proclab.jar}. The {@code ./proclab} launcher calls it; Jupyter calls it
 * through the kernelspec as {@code java -jar proclab.jar kernel CONNECTION_FILE}.
 */
public final class Main {
    /** Arguments after the connection file are ignored: {@code jupyter run} appends its file names. */
    private static final String USAGE = "usage: java -jar proclab.jar kernel CONNECTION_FILE";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("kernel")) {
            try {
                System.exit(KernelMain.run(Path.of(args[1])));
            } catch (IOException e) {
                System.err.println("proclab: " + e.getMessage());
                System.exit(1);
            }
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        System.err.println("proclab: " + USAGE);
        System.exit(2);
    }
}
