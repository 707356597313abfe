package org.proclab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The ProcLab build an install records in {@code kernel.json}'s metadata, so a kernelspec says which
 * sources its jar was built from: {@code git describe --always --dirty} of the checkout that holds
 * the jar ({@code proclab-app/target/}), or {@code dev} for a jar outside a checkout or without git.
 */
final class CheckoutVersion {
    static final String UNKNOWN = "dev";

    private CheckoutVersion() {
    }

    static String of(Path jar) throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output;
            try (InputStream out = git.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return git.waitFor() == 0 && !output.isEmpty() ? output : UNKNOWN;
        } catch (IOException noGit) {
            return UNKNOWN;
        }
    }
}
