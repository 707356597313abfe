"""A small class through a real JupyterHub (issue 21): Debian's JupyterHub 3.0 on 127.0.0.1 with its
proxy, the dummy authenticator, a local-process spawner giving each student MEM_LIMIT and CPU_LIMIT,
and our idle culler (decision 032). Three students log in through the hub's REST API, start their
servers, open the Q4 lesson and run its cells over each server's kernel websocket for 20 s; then they
idle, the culler stops their servers, and nothing of theirs is left. bench/load/run.sh --hub runs the
same with 30 students for 60 s."""
import datetime
import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench", "load"))

import hub_culler  # noqa: E402
import hub_load  # noqa: E402

MEM_LIMIT = 1 << 30
NOW = datetime.datetime(2026, 12, 7, 12, 0, 0, tzinfo=datetime.timezone.utc)


# Three students for 20 s: every Q4 cell right, each kernel saw its limits, each kernel with its
# children stayed inside MEM_LIMIT, every server was culled once idle (run() raises if one is not
# within 2 minutes), and no process of the class is left.
@pytest.mark.skipif(shutil.which("jupyterhub", path="/usr/bin") is None
                    or shutil.which("configurable-http-proxy") is None,
                    reason="Debian's jupyterhub is not installed (apt-get install jupyterhub; packages/apt-test.txt)")
def test_three_students_through_the_hub_are_served_limited_and_culled():
    report = hub_load.run(students=3, seconds=20, mem_limit=MEM_LIMIT, cpu_limit=1, cull_timeout=4)
    hub_load.print_report(report)
    assert report["failures"] == []
    assert report["rounds"] >= 3
    assert set(report["limits_seen"].values()) == {f"{MEM_LIMIT} 1.0"}, report["limits_seen"]
    assert report["over_mem_limit"] == [], report["peak_student_tree_mb"]
    assert all(peak > 0 for peak in report["peak_student_tree_mb"].values()), report["peak_student_tree_mb"]
    assert report["left_after_culling"] == []


# The culler's rule, on users as the hub's REST API lists them: only a ready server quiet for longer
# than the timeout is a candidate; a pending one, or one active within the timeout, is not.
def test_the_culler_picks_only_ready_servers_quiet_past_the_timeout():
    def server(seconds_ago, ready=True, pending=None):
        last = (NOW - datetime.timedelta(seconds=seconds_ago)).isoformat().replace("+00:00", "Z")
        return {"ready": ready, "pending": pending, "last_activity": last, "url": "/user/x/"}

    users = [{"name": "quiet", "servers": {"": server(700)}},
             {"name": "active", "servers": {"": server(30)}},
             {"name": "starting", "servers": {"": server(700, ready=False, pending="spawn")}},
             {"name": "none", "servers": {}},
             {"name": "named", "servers": {"lab": server(601)}}]
    assert list(hub_culler.quiet_servers(users, 600, NOW)) == [("quiet", "", "/user/x/"), ("named", "lab", "/user/x/")]


# A quiet server's kernels still count: a busy one, or one active within the timeout, keeps it.
def test_the_culler_spares_a_server_whose_kernel_is_busy_or_was_just_active():
    long_ago, just_now = "2026-12-07T11:00:00.000000Z", "2026-12-07T11:59:58.000000Z"
    assert hub_culler.kernels_active([{"execution_state": "busy", "last_activity": long_ago}], 600, NOW)
    assert hub_culler.kernels_active([{"execution_state": "idle", "last_activity": just_now}], 600, NOW)
    assert not hub_culler.kernels_active([{"execution_state": "idle", "last_activity": long_ago}], 600, NOW)
    assert not hub_culler.kernels_active([], 600, NOW)
