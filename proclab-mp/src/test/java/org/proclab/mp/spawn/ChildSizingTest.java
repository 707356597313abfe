package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of decision 029: the kernel keeps 200 MiB (and under a hub the Jupyter server 128 MiB),
 * each child its heap and 64 MiB beside it.
 */
class ChildSizingTest {
    private static final long MIB = 1L << 20;

    private static MemoryBudget budget(long bytes) {
        return new MemoryBudget(new ResourceLimits.MemoryLimit(bytes, "MEM_LIMIT", false));
    }

    private static MemoryBudget underAHub(long bytes) {
        return new MemoryBudget(new ResourceLimits.MemoryLimit(bytes, "MEM_LIMIT", true));
    }

    @Test
    void withoutLimitsTheUsualDefaults() {
        assertEquals(new ChildSizing("256m", 8, 2, null), ChildSizing.of(null, 2, null, null));
        assertEquals(new ChildSizing("256m", 64, 4, null), ChildSizing.of(null, 16, null, null));
        assertEquals(new ChildSizing("1g", 3, 1, null), ChildSizing.of(null, 1, "1g", 3));
    }

    @Test
    void oneGibibyteOnTwoCoresGivesFourChildrenOf142MibHeap() {
        // 1024 - 200 = 824 MiB for children; 824 / 4 = 206 per child, 64 beside the heap: 142 MiB heap
        MemoryBudget memory = budget(1024 * MIB);
        assertEquals(new ChildSizing("142m", 4, 2, memory), ChildSizing.of(memory, 2, null, null));
    }

    @Test
    void sevenHundredMegabytesGivesFourSmallerChildren() {
        // 667 - 200 = 467 MiB; 467 / 4 = 116 per child: a 52 MiB heap
        MemoryBudget memory = budget(700_000_000);
        assertEquals(new ChildSizing("52m", 4, 2, memory), ChildSizing.of(memory, 2, null, null));
    }

    @Test
    void aTightLimitStillAllowsOneChildWithTheSmallestHeapAndNoneWaiting() {
        MemoryBudget memory = budget(300 * MIB);
        assertEquals(new ChildSizing("32m", 1, 0, memory), ChildSizing.of(memory, 2, null, null));
        MemoryBudget belowTheKernel = budget(150 * MIB);
        assertEquals(new ChildSizing("32m", 1, 0, belowTheKernel), ChildSizing.of(belowTheKernel, 2, null, null));
    }

    @Test
    void plentyOfMemoryKeepsTheUsualHeapAndLimit() {
        // 8192 - 200 = 7992 MiB: 24 children of 256 + 64 MiB fit, 4 × 2 processors are allowed
        MemoryBudget memory = budget(8192 * MIB);
        assertEquals(new ChildSizing("256m", 8, 2, memory), ChildSizing.of(memory, 2, null, null));
    }

    @Test
    void manyProcessorsShareTheMemoryAmongThemAndLeaveNoneWaiting() {
        // 4096 - 200 = 3896 MiB among 16: 243 per child, a 179 MiB heap, 16 fit, all of them a new Pool()
        MemoryBudget memory = budget(4096 * MIB);
        assertEquals(new ChildSizing("179m", 16, 0, memory), ChildSizing.of(memory, 16, null, null));
    }

    @Test
    void aGivenHeapChangesHowManyFit() {
        MemoryBudget memory = budget(1024 * MIB);
        assertEquals(new ChildSizing("1g", 1, 0, memory), ChildSizing.of(memory, 2, "1g", null));
        assertEquals(new ChildSizing("142m", 6, 2, memory), ChildSizing.of(memory, 2, null, 6));
    }

    @Test
    void underAHubOneGibibyteStillGivesFourChildrenWithASmallerHeap() {
        // 1024 - 200 - 128 = 696 MiB for children; 696 / 4 = 174 per child: a 110 MiB heap
        MemoryBudget memory = underAHub(1024 * MIB);
        assertEquals(new ChildSizing("110m", 4, 2, memory), ChildSizing.of(memory, 2, null, null));
    }

    @Test
    void underAHubSevenHundredMegabytesGivesThreeChildren() {
        // 667 - 200 - 128 = 339 MiB; 339 / 4 = 84 per child, below the smallest heap: 3 children of 32 + 64 MiB
        MemoryBudget memory = underAHub(700_000_000);
        assertEquals(new ChildSizing("32m", 3, 1, memory), ChildSizing.of(memory, 2, null, null));
    }

    @Test
    void theRoomUnderAHubNamesTheServer() {
        assertEquals("this kernel's memory limit of 1.0 GiB (MEM_LIMIT, shared with the Jupyter server) leaves room"
                + " for 4 child JVMs (each ~174 MiB: a heap of up to 110 MiB and ~64 MiB beside it; the kernel ~200 MiB,"
                + " the Jupyter server ~128 MiB)", underAHub(1024 * MIB).room(110));
    }

    @Test
    void heapSizesAreReadAsTheJvmReadsThem() {
        assertEquals(OptionalLong.of(256), MemoryBudget.mibOf("256m"));
        assertEquals(OptionalLong.of(1024), MemoryBudget.mibOf("1G"));
        assertEquals(OptionalLong.of(512), MemoryBudget.mibOf("524288k"));
        assertEquals(OptionalLong.of(64), MemoryBudget.mibOf(Long.toString(64 * MIB)));
        assertEquals(OptionalLong.empty(), MemoryBudget.mibOf("lots"));
        assertEquals(OptionalLong.empty(), MemoryBudget.mibOf("99999999999999t"));
    }

    @Test
    void theRoomIsNamedWhileTheLimitIsTheMemorys() {
        MemoryBudget memory = budget(1024 * MIB);
        ChildSettings sized = new ChildSettings("java", "142m", 4, 2, List.of(), List.of(), name -> null, memory);
        assertEquals(Optional.of("this kernel's memory limit of 1.0 GiB (MEM_LIMIT) leaves room for 4 child JVMs"
                + " (each ~206 MiB: a heap of up to 142 MiB and ~64 MiB beside it; the kernel ~200 MiB)"), sized.memoryRoom());
        assertTrue(sized.withMaxLiveChildren(2).memoryRoom().isEmpty());
        assertTrue(sized.withHeap("512m").memoryRoom().isEmpty());
        assertTrue(sized.withJavaCommand("other").memoryRoom().isPresent());
        assertTrue(new ChildSettings("java", "142m", 4, 2, List.of(), List.of(), name -> null, null).memoryRoom().isEmpty());
    }
}
