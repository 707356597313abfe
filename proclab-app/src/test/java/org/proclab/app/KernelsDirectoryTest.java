package org.proclab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same places as jupyter_core's {@code jupyter_data_dir()} and {@code --prefix}. */
class KernelsDirectoryTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void aUsersKernelsLieInTheXdgDataDirectory() {
        assertEquals(Path.of("/home/ada/.local/share/jupyter/kernels"), KernelsDirectory.user(Map.of(), "Linux", HOME));
        assertEquals(Path.of("/data/ada/jupyter/kernels"),
                KernelsDirectory.user(Map.of("XDG_DATA_HOME", "/data/ada"), "Linux", HOME));
    }

    @Test
    void aUsersKernelsLieInLibraryOnMacOs() {
        assertEquals(Path.of("/home/ada/Library/Jupyter/kernels"), KernelsDirectory.user(Map.of(), "Mac OS X", HOME));
    }

    @Test
    void jupyterDataDirWinsWhereverItIsSet() {
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", "/srv/jupyter", "XDG_DATA_HOME", "/data/ada");
        assertEquals(Path.of("/srv/jupyter/kernels"), KernelsDirectory.user(env, "Linux", HOME));
        assertEquals(Path.of("/srv/jupyter/kernels"), KernelsDirectory.user(env, "Mac OS X", HOME));
    }

    @Test
    void aPrefixHoldsKernelsUnderShareJupyter() {
        assertEquals(Path.of("/tmp/spec/share/jupyter/kernels"), KernelsDirectory.prefix(Path.of("/tmp/spec")));
    }
}
