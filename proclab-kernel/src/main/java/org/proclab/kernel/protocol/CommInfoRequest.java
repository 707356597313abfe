package org.proclab.kernel.protocol;

/** Content of {@code comm_info_request}: only the comms of this target, or all when null. */
public record CommInfoRequest(String targetName) {
}
