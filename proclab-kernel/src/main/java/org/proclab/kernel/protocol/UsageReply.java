package org.proclab.kernel.protocol;

import java.util.Map;

/**
 * Content of {@code usage_reply} (the kernel usage protocol of jupyter-resource-usage, as ipykernel
 * answers it): the kernel's CPU and memory, its child processes included, and the host's.
 *
 * @param kernelCpu percent of one core used by the kernel and its children since the last request
 * @param kernelMemory bytes (proportional set size where the system tells it, else resident)
 * @param hostCpuPercent percent of all cores busy since the last request; null the first time
 * @param hostVirtualMemory total, available, used, free (bytes) and percent, as psutil names them
 */
public record UsageReply(String hostname, long pid, double kernelCpu, long kernelMemory, Double hostCpuPercent,
                         int cpuCount, Map<String, Number> hostVirtualMemory) {
}
