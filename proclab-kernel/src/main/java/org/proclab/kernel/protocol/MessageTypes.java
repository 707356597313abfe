package org.proclab.kernel.protocol;

/** The message type names of the Jupyter protocol that ProcLab sends or answers. */
public final class MessageTypes {
    public static final String KERNEL_INFO_REQUEST = "kernel_info_request";
    public static final String KERNEL_INFO_REPLY = "kernel_info_reply";
    public static final String EXECUTE_REQUEST = "execute_request";
    public static final String EXECUTE_REPLY = "execute_reply";
    public static final String EXECUTE_INPUT = "execute_input";
    public static final String EXECUTE_RESULT = "execute_result";
    public static final String DISPLAY_DATA = "display_data";
    public static final String UPDATE_DISPLAY_DATA = "update_display_data";
    public static final String STREAM = "stream";
    public static final String ERROR = "error";
    public static final String STATUS = "status";
    public static final String COMPLETE_REQUEST = "complete_request";
    public static final String COMPLETE_REPLY = "complete_reply";
    public static final String INSPECT_REQUEST = "inspect_request";
    public static final String INSPECT_REPLY = "inspect_reply";
    public static final String IS_COMPLETE_REQUEST = "is_complete_request";
    public static final String IS_COMPLETE_REPLY = "is_complete_reply";
    public static final String HISTORY_REQUEST = "history_request";
    public static final String HISTORY_REPLY = "history_reply";
    public static final String SHUTDOWN_REQUEST = "shutdown_request";
    public static final String SHUTDOWN_REPLY = "shutdown_reply";
    public static final String INTERRUPT_REQUEST = "interrupt_request";
    public static final String INTERRUPT_REPLY = "interrupt_reply";
    public static final String COMM_INFO_REQUEST = "comm_info_request";
    public static final String COMM_INFO_REPLY = "comm_info_reply";
    public static final String COMM_OPEN = "comm_open";
    public static final String COMM_MSG = "comm_msg";
    public static final String COMM_CLOSE = "comm_close";
    public static final String USAGE_REQUEST = "usage_request";
    public static final String USAGE_REPLY = "usage_reply";
    public static final String DEBUG_REQUEST = "debug_request";
    public static final String DEBUG_REPLY = "debug_reply";
    public static final String INPUT_REQUEST = "input_request";
    public static final String INPUT_REPLY = "input_reply";

    private MessageTypes() {
    }
}
