package org.proclab.kernel.protocol;

/** Content of {@code execute_request}: a cell's code and how to run it. */
public record ExecuteRequest(String code, boolean silent, Boolean storeHistory, Boolean allowStdin,
                             Boolean stopOnError) {

    /** Jupyter's default is to store history unless the request is silent. */
    public boolean storesHistory() {
        return storeHistory == null ? !silent : storeHistory && !silent;
    }

    public boolean stdinAllowed() {
        return allowStdin == null || allowStdin;
    }
}
