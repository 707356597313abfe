package org.proclab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.proclab.kernel.protocol.KernelInfoReply;
import org.proclab.kernel.protocol.KernelInfoReply.HelpLink;
import org.proclab.kernel.wire.Header;

/**
 * What the kernel says about itself in {@code kernel_info_reply}, which front ends show: the banner,
 * the language, and the links of their Help menu.
 */
public final class KernelInfo {
    /**
     * The environment variable that gives the address where the course is published, if a teacher
     * installed the kernel with {@code install --course-url URL}: the Help menu then links the course's
     * start page, which holds the Python → Java table. A kernel cannot know the address of the Jupyter
     * server that serves the course from disk, so without it the menu has no course link.
     */
    public static final String COURSE_URL = "PROCLAB_COURSE_URL";
    static final String IMPLEMENTATION = "proclab";

    private KernelInfo() {
    }

    static String version() {
        String version = KernelInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static KernelInfoReply reply() {
        String java = System.getProperty("java.version");
        return new KernelInfoReply("ok", Header.PROTOCOL_VERSION, IMPLEMENTATION, version(),
                new KernelInfoReply.LanguageInfo("java", java, "text/x-java", ".java", "java", "text/x-java"),
                "ProcLab " + version() + " — Java " + java + " (JShell) with real OS processes.\n"
                        + "Cells are Java; the last expression's value is shown. Stop button: interrupts the cell.",
                helpLinks(Runtime.version().feature(), Optional.ofNullable(System.getenv(COURSE_URL))
                        .filter(url -> !url.isBlank())),
                false);
    }

    /**
     * The Help menu's links: the course where it is published, the Java API of the running JDK, JShell's
     * guide, and Python's {@code multiprocessing}, the side of the course's Python → Java table a student
     * may want to read in the original.
     */
    static List<HelpLink> helpLinks(int jdk, Optional<String> course) {
        List<HelpLink> links = new ArrayList<>();
        course.ifPresent(url -> links.add(new HelpLink("ProcLab course (start here)", url)));
        links.add(new HelpLink("Java API (JDK " + jdk + ")", "https://docs.oracle.com/en/java/javase/" + jdk + "/docs/api/"));
        links.add(new HelpLink("JShell guide", "https://docs.oracle.com/en/java/javase/17/jshell/"));
        links.add(new HelpLink("Python's multiprocessing (what the course translates)",
                "https://docs.python.org/3/library/multiprocessing.html"));
        return List.copyOf(links);
    }
}
