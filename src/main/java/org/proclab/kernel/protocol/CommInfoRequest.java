package org.proclab.kernel.protocol;

/** Content of {@code comm_info_request}: optionally only the comms of one target. */
public record CommInfoRequest(String targetName) {
}
