package org.proclab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The directory of Jupyter kernelspecs that each choice of {@code install} means, the places
 * jupyter_core searches ({@code jupyter --paths}): {@code --user}, {@code --sys-prefix} (the Python
 * environment of Jupyter) and {@code --prefix DIR}.
 */
final class KernelsDirectory {
    /**
     * The Pythons asked for their {@code sys.prefix}: the one on {@code PATH} first (an activated
     * environment), then Debian's, where apt installs Jupyter.
     */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    private KernelsDirectory() {
    }

    /**
     * This user's kernelspecs: {@code $JUPYTER_DATA_DIR/kernels} when set, else
     * {@code ~/Library/Jupyter/kernels} on macOS and {@code ${XDG_DATA_HOME:-~/.local/share}/jupyter/kernels}
     * elsewhere.
     */
    static Path user(Map<String, String> env, String osName, Path home) {
        String data = env.getOrDefault("JUPYTER_DATA_DIR", "");
        if (!data.isEmpty()) {
            return Path.of(data).resolve("kernels");
        }
        if (osName.startsWith("Mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        String xdg = env.getOrDefault("XDG_DATA_HOME", "");
        return (xdg.isEmpty() ? home.resolve(".local/share") : Path.of(xdg)).resolve("jupyter/kernels");
    }

    /** {@link #user} for the user running this JVM. */
    static Path user() {
        return user(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /** The kernelspecs of the environment of the first Python that has jupyter_client. */
    static Path sysPrefix() throws IOException, InterruptedException {
        for (String python : PYTHONS) {
            String prefix = prefixOf(python);
            if (!prefix.isEmpty()) {
                return prefix(Path.of(prefix));
            }
        }
        throw new IOException("--sys-prefix needs a Python with jupyter_client (tried " + String.join(", ", PYTHONS) + ")");
    }

    /** The kernelspecs under an installation prefix. */
    static Path prefix(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }

    /** {@code sys.prefix} of {@code python} when it has jupyter_client, else empty. */
    private static String prefixOf(String python) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python, "-c", "import sys, jupyter_client; print(sys.prefix)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return process.waitFor() == 0 ? output : "";
        } catch (IOException noSuchPython) {
            return "";
        }
    }
}
