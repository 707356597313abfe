package org.proclab.kernel.wire;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A Jupyter message header. {@code version} is the protocol version the kernel speaks. */
public record Header(String msgId, String session, String username, String date, String msgType, String version) {
    /** The protocol version ProcLab implements. */
    public static final String PROTOCOL_VERSION = "5.3";

    /** A fresh header for a message of the given type in the given session. */
    public static Header create(String msgType, String session, String username) {
        return new Header(UUID.randomUUID().toString(), session, username,
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                msgType, PROTOCOL_VERSION);
    }
}
