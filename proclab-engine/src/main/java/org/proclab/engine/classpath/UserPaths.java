package org.proclab.engine.classpath;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a path as a user writes it in a magic into a path of this machine, so that a notebook
 * written on one system works on another:
 * <ul>
 *   <li>relative paths are relative to the kernel's working directory (the notebook's folder);</li>
 *   <li>{@code ~} stands for the home directory;</li>
 *   <li>backslashes ({@code lib\a.jar}) are separators, also where the system writes {@code /}
 *       (a file name with a backslash in it cannot be written this way);</li>
 *   <li>a Windows drive path ({@code C:\libs\a.jar}) on another system means the drive as WSL
 *       mounts it ({@code /mnt/c/libs/a.jar}) when that exists, and is an error otherwise.</li>
 * </ul>
 */
public final class UserPaths {
    private static final Pattern DRIVE = Pattern.compile("([A-Za-z]):/(.*)");
    private static final boolean ON_WINDOWS = File.separatorChar == '\\';

    private UserPaths() {
    }

    /** The written path with {@code /} as separator (globs are matched in this form). */
    static String withSlashes(String written) {
        return written.replace('\\', '/');
    }

    /**
     * The absolute, normalised path that {@code written} means.
     *
     * @param base the directory relative paths start from
     * @throws ClassPathException for a Windows drive path on a system without that drive
     */
    public static Path resolve(String written, Path base) throws ClassPathException {
        return resolve(written, base, ON_WINDOWS ? null : Path.of("/mnt"));
    }

    /**
     * As {@link #resolve(String, Path)}, with WSL's drive mounts under {@code driveMounts}, or
     * {@code null} on Windows, where drive paths are native.
     */
    static Path resolve(String written, Path base, Path driveMounts) throws ClassPathException {
        String path = withSlashes(written);
        Matcher drive = DRIVE.matcher(path);
        if (driveMounts != null && drive.matches()) {
            Path mounted = driveMounts.resolve(drive.group(1).toLowerCase(Locale.ROOT));
            if (!Files.isDirectory(mounted)) {
                throw new ClassPathException(written + " is a Windows path, and this kernel runs on "
                        + System.getProperty("os.name") + "; write the path as this system names it");
            }
            return mounted.resolve(drive.group(2)).normalize();
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return base.toAbsolutePath().resolve(path).normalize();
    }
}
