package org.proclab.kernel.protocol;

import java.util.List;

/** Content of {@code kernel_info_reply}: who this kernel is and which language it speaks. */
public record KernelInfoReply(String status, String protocolVersion, String implementation,
                              String implementationVersion, LanguageInfo languageInfo, String banner,
                              List<HelpLink> helpLinks, boolean debugger) {

    /** The language part of the reply; front ends use the mimetype to pick a highlighter. */
    public record LanguageInfo(String name, String version, String mimetype, String fileExtension,
                               String pygmentsLexer, String codemirrorMode) {
    }

    /** A link shown in the front end's Help menu. */
    public record HelpLink(String text, String url) {
    }
}
