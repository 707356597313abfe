package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.proclab.kernel.protocol.KernelInfoReply.HelpLink;

class KernelInfoTest {
    @Test
    void theHelpMenuLinksTheRunningJdksApiAndPythonsOriginal() {
        List<HelpLink> links = KernelInfo.helpLinks(25, Optional.empty());
        assertTrue(links.contains(new HelpLink("Java API (JDK 25)", "https://docs.oracle.com/en/java/javase/25/docs/api/")),
                links.toString());
        assertTrue(links.stream().anyMatch(link -> link.url().equals("https://docs.python.org/3/library/multiprocessing.html")),
                links.toString());
        assertTrue(links.stream().allMatch(link -> link.url().startsWith("https://")), links.toString());
    }

    @Test
    void aPublishedCourseComesFirst() {
        List<HelpLink> links = KernelInfo.helpLinks(17, Optional.of("https://hub.example.org/course/"));
        assertEquals(new HelpLink("ProcLab course (start here)", "https://hub.example.org/course/"), links.get(0));
    }
}
