"""The kernel usage protocol (usage_request on the control channel, as jupyter-resource-usage asks it):
the kernel's memory and CPU with its child processes counted, and the host's."""
import time

from conftest import kernel_pid, ok, reply_to


def usage(kc, timeout=30):
    msg = kc.session.msg("usage_request", {})
    kc.control_channel.send(msg)
    reply = reply_to(msg["header"]["msg_id"], kc.get_control_msg, timeout)
    assert reply["msg_type"] == "usage_reply", reply
    return reply["content"]


# usage_reply names the kernel's pid and host, the CPUs, the host's memory as psutil names it, and the kernel's
# memory and CPU; CPU is a rate between two requests, so the second one also has the host's CPU.
def test_usage_reply_describes_kernel_and_host(kernel, kc):
    km, _ = kernel
    usage(kc)
    second = usage(kc)
    assert second["pid"] == kernel_pid(km)
    assert second["hostname"] and second["cpu_count"] >= 1
    assert second["kernel_memory"] > 50 * 2**20
    assert second["kernel_cpu"] >= 0
    assert 0 <= second["host_cpu_percent"] <= 100
    memory = second["host_virtual_memory"]
    assert {"total", "available", "percent", "used", "free"} <= set(memory)
    assert memory["total"] >= memory["available"] > 0


# The kernel's children count: with two child JVMs alive, the kernel's memory grows by at least what two small
# JVMs take.
def test_usage_counts_the_child_processes(kc):
    ok(kc, "MpContext.defaultContext().reservoir().drain();")
    before = usage(kc)["kernel_memory"]
    ok(kc, "var sleepers = new ArrayList<Process>();\n"
           "for (int i = 0; i < 2; i++) {\n"
           "    var p = new Process(() -> Thread.sleep(60_000));\n"
           "    p.start();\n    sleepers.add(p);\n}", timeout=60)
    try:
        deadline = time.monotonic() + 30
        during = usage(kc)["kernel_memory"]
        while during < before + 2 * 20 * 2**20 and time.monotonic() < deadline:
            time.sleep(0.5)
            during = usage(kc)["kernel_memory"]
        assert during >= before + 2 * 20 * 2**20, (before, during)
    finally:
        ok(kc, "sleepers.forEach(p -> p.kill());\nfor (var p : sleepers) p.join();", timeout=60)
