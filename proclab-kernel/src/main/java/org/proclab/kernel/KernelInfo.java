package org.proclab.kernel;

import java.util.List;
import org.proclab.kernel.protocol.KernelInfoReply;
import org.proclab.kernel.wire.Header;

/** What the kernel says about itself in {@code kernel_info_reply}. */
final class KernelInfo {
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
                List.of(new KernelInfoReply.HelpLink("Java API (JDK " + Runtime.version().feature() + ")",
                                "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
                        new KernelInfoReply.HelpLink("JShell guide",
                                "https://docs.oracle.com/en/java/javase/17/jshell/")),
                false);
    }
}
